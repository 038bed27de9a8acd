"""guests of live sessions: invited people without an account, with a personal link

Revision ID: 9f3a6d1c2e57
Revises: 7c1e5a2f4b90
Create Date: 2026-12-03 17:10:00

"""
import sqlalchemy as sa
from alembic import op

import lms.types

revision = '9f3a6d1c2e57'
down_revision = '7c1e5a2f4b90'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'guest_invites',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('organisation', sa.String(length=200), nullable=False),
        sa.Column('locale', sa.String(length=5), nullable=False),
        sa.Column('moderator', sa.Boolean(), nullable=False),
        sa.Column('link_key', sa.String(length=64), nullable=False),
        sa.Column('invited_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', lms.types.UTCDateTime(), nullable=False),
        sa.Column('revoked_at', lms.types.UTCDateTime(), nullable=True),
        sa.Column('first_joined_at', lms.types.UTCDateTime(), nullable=True),
        sa.Column('last_joined_at', lms.types.UTCDateTime(), nullable=True),
        sa.Column('joins', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['invited_by_id'], ['users.id'], name=op.f('fk_guest_invites_invited_by_id_users'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['session_id'], ['live_sessions.id'],
                                name=op.f('fk_guest_invites_session_id_live_sessions'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_guest_invites')),
    )
    with op.batch_alter_table('guest_invites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guest_invites_session_id'), ['session_id'], unique=False)


def downgrade():
    op.drop_table('guest_invites')
