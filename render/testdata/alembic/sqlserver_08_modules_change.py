"""test sqlserver_08_modules_change

Revision ID: sqlserver_08_modules_change
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'sqlserver_08_modules_change'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
    op.execute(sa.text("CREATE OR ALTER VIEW [dbo].[open_orders]\nWITH SCHEMABINDING\nAS\n-- orders not yet shipped\nSELECT id, amount FROM dbo.mod_orders WHERE status = N'open' AND amount > 0"))
    op.execute(sa.text('DROP FUNCTION [dbo].[order_total]'))
    op.execute(sa.text('CREATE OR ALTER PROCEDURE [dbo].[order_total] @id int AS\nSELECT amount FROM dbo.mod_orders WHERE id = @id'))
    op.execute(sa.text('SET QUOTED_IDENTIFIER OFF'))
    op.execute(sa.text('CREATE OR ALTER PROCEDURE [dbo].[close_order] @id int\nAS\n-- QUOTED_IDENTIFIER OFF: "…" is a string\nUPDATE dbo.mod_orders SET status = "done" WHERE id = @id'))
    op.execute(sa.text('SET QUOTED_IDENTIFIER ON'))
    op.execute(sa.text('CREATE OR ALTER TRIGGER [dbo].[trg_mod_orders_touch] ON dbo.mod_orders\nAFTER INSERT, UPDATE\nAS\nSET NOCOUNT ON;\nUPDATE o SET status = LOWER(o.status) FROM dbo.mod_orders AS o JOIN inserted AS i ON i.id = o.id'))
    op.execute(sa.text('ALTER SEQUENCE [dbo].[order_numbers] RESTART WITH 1 INCREMENT BY 5 NO MINVALUE MAXVALUE 99999 CYCLE CACHE 50'))


def downgrade() -> None:
    pass
