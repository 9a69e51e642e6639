"""test sqlserver_09_modules_drop

Revision ID: sqlserver_09_modules_drop
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'sqlserver_09_modules_drop'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
    op.execute(sa.text('DROP SEQUENCE [dbo].[order_numbers]'))
    op.execute(sa.text('CREATE SEQUENCE [dbo].[order_numbers] AS bigint START WITH 1 INCREMENT BY 5 MAXVALUE 99999 CYCLE CACHE 50'))
    op.execute(sa.text('DROP TRIGGER [dbo].[trg_mod_orders_touch]'))
    op.execute(sa.text('DROP VIEW [dbo].[odd]]view]'))
    op.execute(sa.text('DROP VIEW [dbo].[open_orders]'))
    op.execute(sa.text('DROP PROCEDURE [dbo].[order_total]'))
    op.execute(sa.text('DROP PROCEDURE [dbo].[close_order]'))
    op.execute(sa.text('DROP SEQUENCE [dbo].[order_numbers]'))
    op.execute(sa.text('DROP SEQUENCE [dbo].[ticket_ids]'))
    op.drop_table('mod_orders', schema='dbo')


def downgrade() -> None:
    pass
