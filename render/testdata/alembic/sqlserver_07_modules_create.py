"""test sqlserver_07_modules_create

Revision ID: sqlserver_07_modules_create
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mssql

# revision identifiers, used by Alembic.
revision = 'sqlserver_07_modules_create'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
    op.create_table(
        'mod_orders',
        sa.Column('id', sa.Integer(), sa.Identity(start=1, increment=1), nullable=False),
        sa.Column('amount', mssql.DECIMAL(10, 2), nullable=False),
        sa.Column('status', mssql.NVARCHAR(20), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_mod_orders', mssql_clustered=True),
        schema='dbo',
    )
    op.execute(sa.text('CREATE SEQUENCE [dbo].[order_numbers] AS int START WITH 1000 INCREMENT BY 1 MINVALUE 1000 NO CACHE'))
    op.execute(sa.text('CREATE SEQUENCE [dbo].[ticket_ids] AS bigint START WITH 0 INCREMENT BY -1 MAXVALUE 0'))
    op.execute(sa.text('CREATE OR ALTER FUNCTION [dbo].[order_total] (@id int)\nRETURNS decimal(10,2)\nAS\nBEGIN\n  RETURN (SELECT amount FROM dbo.mod_orders WHERE id = @id);\nEND'))
    op.execute(sa.text('SET QUOTED_IDENTIFIER OFF'))
    op.execute(sa.text('CREATE OR ALTER PROCEDURE [dbo].[close_order] @id int\nAS\n-- QUOTED_IDENTIFIER OFF: "…" is a string\nUPDATE dbo.mod_orders SET status = "closed" WHERE id = @id'))
    op.execute(sa.text('SET QUOTED_IDENTIFIER ON'))
    op.execute(sa.text("CREATE OR ALTER VIEW [dbo].[open_orders]\nWITH SCHEMABINDING\nAS\n-- orders not yet shipped\nSELECT id, amount FROM dbo.mod_orders WHERE status = N'open'"))
    op.execute(sa.text('CREATE OR ALTER VIEW [dbo].[odd]]view] ([order_id]) AS\nSELECT id FROM dbo.mod_orders WHERE amount > 0\nWITH CHECK OPTION'))
    op.execute(sa.text('CREATE OR ALTER TRIGGER [dbo].[trg_mod_orders_touch] ON dbo.mod_orders\nAFTER INSERT, UPDATE\nAS\nSET NOCOUNT ON;\nUPDATE o SET status = LOWER(o.status) FROM dbo.mod_orders AS o JOIN inserted AS i ON i.id = o.id'))
    op.execute(sa.text('DISABLE TRIGGER [dbo].[trg_mod_orders_touch] ON [dbo].[mod_orders]'))


def downgrade() -> None:
    pass
