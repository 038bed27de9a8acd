"""each course day has its own date

Until now day N fell on the course's start date plus N-1 days; the migration writes exactly that
date into every existing day, so no course moves.

Revision ID: 4d2b7f0c9e61
Revises: 270714315119
Create Date: 2026-12-03 16:55:00

"""
from datetime import timedelta

import sqlalchemy as sa
from alembic import op

revision = '4d2b7f0c9e61'
down_revision = '270714315119'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('course_days', schema=None) as batch_op:
        batch_op.add_column(sa.Column('date', sa.Date(), nullable=True))
    days = sa.table('course_days', sa.column('id', sa.Integer), sa.column('course_id', sa.Integer),
                    sa.column('number', sa.Integer), sa.column('date', sa.Date))
    courses = sa.table('courses', sa.column('id', sa.Integer), sa.column('starts_on', sa.Date))
    connection = op.get_bind()
    rows = connection.execute(sa.select(days.c.id, days.c.number, courses.c.starts_on)
                              .join(courses, courses.c.id == days.c.course_id)).all()
    for day_id, number, starts_on in rows:
        connection.execute(days.update().where(days.c.id == day_id)
                           .values(date=starts_on + timedelta(days=number - 1)))
    with op.batch_alter_table('course_days', schema=None) as batch_op:
        batch_op.alter_column('date', existing_type=sa.Date(), nullable=False)


def downgrade():
    with op.batch_alter_table('course_days', schema=None) as batch_op:
        batch_op.drop_column('date')
