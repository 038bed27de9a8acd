"""messages to people without an account (guests): a notification may have an address instead of a recipient

Revision ID: 7c1e5a2f4b90
Revises: 4d2b7f0c9e61
Create Date: 2026-12-03 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '7c1e5a2f4b90'
down_revision = '4d2b7f0c9e61'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.alter_column('recipient_id', existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column('to_name', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('to_email', sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column('to_locale', sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column('to_timezone', sa.String(length=64), nullable=True))


def downgrade():
    op.execute("DELETE FROM notifications WHERE recipient_id IS NULL")
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_column('to_timezone')
        batch_op.drop_column('to_locale')
        batch_op.drop_column('to_email')
        batch_op.drop_column('to_name')
        batch_op.alter_column('recipient_id', existing_type=sa.Integer(), nullable=False)
