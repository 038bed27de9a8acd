"""programmes and editions: programmes of courses, enrolments in them, their certificates; editions of courses

Every existing course becomes the first edition of its own series (its slug).

Revision ID: b2d8e4f6a013
Revises: 9f3a6d1c2e57
Create Date: 2026-12-03 17:15:00

"""
import sqlalchemy as sa
from alembic import op

import lms.types

revision = 'b2d8e4f6a013'
down_revision = '9f3a6d1c2e57'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('courses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('series', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('edition', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('previous_edition_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_courses_previous_edition_id_courses'), 'courses',
                                    ['previous_edition_id'], ['id'], ondelete='SET NULL')
    op.execute("UPDATE courses SET series = slug")
    with op.batch_alter_table('courses', schema=None) as batch_op:
        batch_op.alter_column('series', existing_type=sa.String(length=80), nullable=False)
        batch_op.create_index(batch_op.f('ix_courses_series'), ['series'], unique=False)

    op.create_table(
        'programmes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=80), nullable=False),
        sa.Column('original_locale', sa.String(length=5), nullable=False),
        sa.Column('status', sa.Enum('draft', 'published', 'archived', name='coursestatus', native_enum=False,
                                    length=16), nullable=False),
        sa.Column('enrolment', sa.Enum('open', 'key', 'admin', name='enrolmentmode', native_enum=False,
                                       length=16), nullable=False),
        sa.Column('series', sa.String(length=80), nullable=False),
        sa.Column('edition', sa.Integer(), nullable=False),
        sa.Column('previous_edition_id', sa.Integer(), nullable=True),
        sa.Column('created_at', lms.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['previous_edition_id'], ['programmes.id'],
                                name=op.f('fk_programmes_previous_edition_id_programmes'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_programmes')),
        sa.UniqueConstraint('slug', name=op.f('uq_programmes_slug')),
    )
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programmes_series'), ['series'], unique=False)
    op.create_table(
        'programme_translations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('programme_id', sa.Integer(), nullable=False),
        sa.Column('locale', sa.String(length=5), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'],
                                name=op.f('fk_programme_translations_programme_id_programmes'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_translations')),
        sa.UniqueConstraint('programme_id', 'locale', name=op.f('uq_programme_translations_programme_id')),
    )
    op.create_table(
        'programme_courses',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('programme_id', sa.Integer(), nullable=False),
        sa.Column('course_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('required', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['course_id'], ['courses.id'], name=op.f('fk_programme_courses_course_id_courses'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'],
                                name=op.f('fk_programme_courses_programme_id_programmes'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_courses')),
        sa.UniqueConstraint('programme_id', 'course_id', name=op.f('uq_programme_courses_programme_id')),
    )
    with op.batch_alter_table('programme_courses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_courses_course_id'), ['course_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_programme_courses_programme_id'), ['programme_id'], unique=False)
    op.create_table(
        'programme_enrolments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('programme_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('enrolled_at', lms.types.UTCDateTime(), nullable=False),
        sa.Column('completed_at', lms.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'],
                                name=op.f('fk_programme_enrolments_programme_id_programmes'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_programme_enrolments_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_enrolments')),
        sa.UniqueConstraint('programme_id', 'user_id', name=op.f('uq_programme_enrolments_programme_id')),
    )
    with op.batch_alter_table('programme_enrolments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_enrolments_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_programme_enrolments_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.alter_column('enrollment_id', existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column('programme_enrolment_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_certificates_programme_enrolment_id'),
                                          ['programme_enrolment_id'])
        batch_op.create_foreign_key(batch_op.f('fk_certificates_programme_enrolment_id_programme_enrolments'),
                                    'programme_enrolments', ['programme_enrolment_id'], ['id'], ondelete='CASCADE')


def downgrade():
    op.execute("DELETE FROM certificates WHERE enrollment_id IS NULL")
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_certificates_programme_enrolment_id_programme_enrolments'),
                                 type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_certificates_programme_enrolment_id'), type_='unique')
        batch_op.drop_column('programme_enrolment_id')
        batch_op.alter_column('enrollment_id', existing_type=sa.Integer(), nullable=False)
    op.drop_table('programme_enrolments')
    op.drop_table('programme_courses')
    op.drop_table('programme_translations')
    op.drop_table('programmes')
    with op.batch_alter_table('courses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_series'))
        batch_op.drop_constraint(batch_op.f('fk_courses_previous_edition_id_courses'), type_='foreignkey')
        batch_op.drop_column('previous_edition_id')
        batch_op.drop_column('edition')
        batch_op.drop_column('series')
