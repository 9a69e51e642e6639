"""test sqlserver_03_drops

Revision ID: sqlserver_03_drops
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'sqlserver_03_drops'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
    op.drop_constraint('fk_orders_tenant', 'orders', type_='foreignkey', schema='dbo')
    op.drop_table('orders', schema='dbo')
    op.drop_table('odd]name', schema='sales')
    op.execute(sa.text("EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = N'sales'"))
    op.execute(sa.schema.DropSchema('sales'))
    op.execute(sa.schema.DropSchema("x'; DROP TABLE y;--"))


def downgrade() -> None:
    pass
