"""test sqlserver_02_alter

Revision ID: sqlserver_02_alter
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mssql

# revision identifiers, used by Alembic.
revision = 'sqlserver_02_alter'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
    op.drop_constraint('fk_orders_user', 'orders', type_='foreignkey', schema='sales')
    op.drop_index('ix_users_active', table_name='users', schema='dbo')
    op.drop_constraint('ck_users_status', 'users', type_='check', schema='dbo')
    op.drop_constraint('uq_users_email', 'users', type_='unique', schema='dbo')
    op.drop_constraint('pk_orders', 'orders', type_='primary', schema='sales')
    op.execute(sa.text('ALTER SCHEMA [dbo] TRANSFER [sales].[orders]'))
    op.execute(sa.text("ALTER SCHEMA [sales] TRANSFER [x'; DROP TABLE y;--].[a]]b]"))
    op.rename_table('a]b', 'odd]name', schema='sales')
    op.rename_table('tenants', 'organizations', schema='dbo')
    op.alter_column('orders', 'note', existing_nullable=False, schema='dbo', new_column_name='remark')
    op.drop_column('users', 'login_count', schema='dbo', mssql_drop_default=True)
    op.add_column('users', sa.Column('plan', mssql.NVARCHAR(20), nullable=False, server_default=sa.text("N'free'")), schema='dbo')
    op.add_column('users', sa.Column('last_seen', mssql.DATETIME2(3), nullable=True), schema='dbo')
    op.alter_column('users', 'status', existing_type=mssql.NVARCHAR(20), existing_nullable=False, existing_server_default=sa.text("N'active'"), schema='dbo', server_default=None)
    op.alter_column('users', 'status', existing_type=mssql.NVARCHAR(20), existing_nullable=False, schema='dbo', server_default=sa.text("N'invited'"))
    op.alter_column('users', 'nickname', existing_type=mssql.NVARCHAR(100), existing_nullable=True, existing_server_default=sa.text("N'anon'"), schema='dbo', server_default=None)
    op.alter_column('users', 'nickname', existing_type=mssql.NVARCHAR(100), existing_nullable=True, schema='dbo', type_=mssql.NVARCHAR('max'))
    op.alter_column('users', 'nickname', existing_type=mssql.NVARCHAR('max'), existing_nullable=True, schema='dbo', server_default=sa.text("N'anon'"))
    op.alter_column('users', 'bio', existing_type=mssql.NVARCHAR('max'), existing_nullable=True, schema='dbo', nullable=False)
    op.alter_column('users', 'bio', existing_type=mssql.NVARCHAR('max'), existing_nullable=False, schema='dbo', server_default=sa.text("N''"))
    op.alter_column('users', 'is_verified', existing_type=mssql.BIT(), existing_nullable=False, existing_server_default=sa.text('1'), schema='dbo', server_default=None)
    op.execute(sa.text('ALTER TABLE [dbo].[orders] ALTER COLUMN [remark] nvarchar(100) COLLATE Latin1_General_CS_AS NULL'))
    op.execute(sa.text('ALTER TABLE [dbo].[users] DROP COLUMN [display]'))
    op.execute(sa.text('ALTER TABLE [dbo].[users] ADD [display] AS (LOWER(status)) PERSISTED NOT NULL'))
    op.execute(sa.text('ALTER TABLE [dbo].[orders] ADD CONSTRAINT [pk_orders] PRIMARY KEY NONCLUSTERED ([id])'))
    op.create_unique_constraint('uq_orders_user', 'orders', ['user_id', 'id'], schema='dbo', mssql_clustered=True)
    op.create_check_constraint('ck_users_plan', 'users', "[plan] IN ('free', 'pro')", schema='dbo')
    op.execute(sa.text("EXEC sp_updateextendedproperty @name = N'MS_Description', @value = N'Sales, renamed', @level0type = N'SCHEMA', @level0name = N'sales'"))
    op.execute(sa.text("EXEC sp_updateextendedproperty @name = N'MS_Description', @value = N'People who sign in', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'users'"))
    op.execute(sa.text("EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'users', @level2type = N'COLUMN', @level2name = N'email'"))


def downgrade() -> None:
    pass
