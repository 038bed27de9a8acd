"""content versions: the token that changes with course content (lms/content_cache.py)

Revision ID: 5c0a7e3d9b21
Revises: 1437932e2f98
Create Date: 2026-12-01

"""
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5c0a7e3d9b21'
down_revision = '1437932e2f98'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table('content_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_content_versions'))
    )
    op.bulk_insert(table, [{"id": 1, "token": secrets.token_hex(16)}])


def downgrade():
    op.drop_table('content_versions')
