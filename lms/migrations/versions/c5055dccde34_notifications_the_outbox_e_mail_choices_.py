"""notifications: the outbox, e-mail choices, messages to a course

Revision ID: c5055dccde34
Revises: efb98ad84432
Create Date: 2026-12-03 13:41:29.309787

"""
from alembic import op
import sqlalchemy as sa

import lms.types  # noqa: F401  (custom column types used by autogenerate)


# revision identifiers, used by Alembic.
revision = 'c5055dccde34'
down_revision = 'efb98ad84432'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('course_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('subjects', sa.JSON(), nullable=False),
    sa.Column('bodies', sa.JSON(), nullable=False),
    sa.Column('audience', sa.JSON(), nullable=False),
    sa.Column('created_at', lms.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_course_messages_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['course_id'], ['courses.id'], name=op.f('fk_course_messages_course_id_courses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_course_messages'))
    )
    with op.batch_alter_table('course_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_course_messages_course_id'), ['course_id'], unique=False)

    op.create_table('notification_opt_outs',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('created_at', lms.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notification_opt_outs_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'kind', name=op.f('pk_notification_opt_outs'))
    )
    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('about_id', sa.Integer(), nullable=True),
    sa.Column('unique_key', sa.String(length=200), nullable=False),
    sa.Column('created_at', lms.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('due_at', lms.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('mail_state', sa.Enum('waiting', 'sent', 'failed', 'not_mailed', 'cancelled', name='mailstate', native_enum=False, length=16), nullable=False),
    sa.Column('sent_at', lms.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('tries', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('claimed_until', lms.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('read_at', lms.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['recipient_id'], ['users.id'], name=op.f('fk_notifications_recipient_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications')),
    sa.UniqueConstraint('unique_key', name=op.f('uq_notifications_unique_key'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index('ix_notifications_mail_due', ['mail_state', 'due_at'], unique=False)
        batch_op.create_index('ix_notifications_recipient_unread', ['recipient_id', 'read_at'], unique=False)



def downgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index('ix_notifications_recipient_unread')
        batch_op.drop_index('ix_notifications_mail_due')

    op.drop_table('notifications')
    op.drop_table('notification_opt_outs')
    with op.batch_alter_table('course_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_course_messages_course_id'))

    op.drop_table('course_messages')
