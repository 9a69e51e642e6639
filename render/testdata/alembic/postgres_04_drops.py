"""test postgres_04_drops

Revision ID: postgres_04_drops
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'postgres_04_drops'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table('legacy_things', schema='audit')
    op.drop_table('event_log', schema='audit')
    op.execute(sa.text('DROP TYPE "audit"."level"'))
    op.drop_table('a"b', schema="Robert'); DROP TABLE students;--")
    op.execute(sa.schema.DropSchema("Robert'); DROP TABLE students;--"))
    op.execute(sa.schema.DropSchema('audit'))


def downgrade() -> None:
    pass
