"""test sqlserver_01_create

Revision ID: sqlserver_01_create
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mssql

# revision identifiers, used by Alembic.
revision = 'sqlserver_01_create'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
    op.execute(sa.schema.CreateSchema('sales'))
    op.execute(sa.schema.CreateSchema("x'; DROP TABLE y;--"))
    op.execute(sa.text("EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Sales; it''s ours', @level0type = N'SCHEMA', @level0name = N'sales'"))
    op.create_table(
        'tenants',
        sa.Column('id', mssql.UNIQUEIDENTIFIER(), nullable=False, server_default=sa.text('NEWID()')),
        sa.Column('index_id', sa.BigInteger(), sa.Identity(start=1, increment=1), nullable=False),
        sa.Column('name', mssql.NVARCHAR(255), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_tenants', mssql_clustered=False),
        schema='dbo',
    )
    op.create_index('ix_tenants_index_id', 'tenants', ['index_id'], unique=True, schema='dbo', mssql_clustered=True)
    op.create_table(
        'users',
        sa.Column('id', mssql.UNIQUEIDENTIFIER(), nullable=False, server_default=sa.text('NEWID()')),
        sa.Column('index_id', sa.BigInteger(), sa.Identity(start=1, increment=1), nullable=False),
        sa.Column('tenant_id', mssql.UNIQUEIDENTIFIER(), nullable=False),
        sa.Column('created_at', mssql.DATETIME2(), nullable=False, server_default=sa.text('GETDATE()')),
        sa.Column('is_deleted', mssql.BIT(), nullable=False, server_default=sa.text('0')),
        sa.Column('is_verified', mssql.BIT(), nullable=False, server_default=sa.text('1')),
        sa.Column('email', mssql.NVARCHAR(255, collation='Latin1_General_CI_AS'), nullable=False),
        sa.Column('status', mssql.NVARCHAR(20), nullable=False, server_default=sa.text("N'active'")),
        sa.Column('login_count', sa.Integer(), nullable=False, server_default=sa.text('0')),
        sa.Column('balance', mssql.DECIMAL(18, 4), nullable=False, server_default=sa.text('-1.5')),
        sa.Column('nickname', mssql.NVARCHAR(100), nullable=True, server_default=sa.text("N'anon'")),
        sa.Column('bio', mssql.NVARCHAR('max'), nullable=True),
        sa.Column('email_domain', sa.types.NullType(), sa.Computed("SUBSTRING(email, CHARINDEX('@', email) + 1, 255)", persisted=True), nullable=True),
        sa.Column('display', sa.types.NullType(), sa.Computed('UPPER(status)', persisted=False), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_users', mssql_clustered=False),
        sa.UniqueConstraint('email', name='uq_users_email', mssql_clustered=False),
        sa.CheckConstraint('balance >= -100'),
        sa.CheckConstraint("status IN ('active', 'invited', 'suspended', 'pending_verification')", name='ck_users_status'),
        schema='dbo',
    )
    op.create_index('ix_users_index_id', 'users', ['index_id'], unique=True, schema='dbo', mssql_clustered=True)
    op.create_index('ix_users_tenant_email', 'users', ['tenant_id', 'email'], unique=True, schema='dbo', mssql_clustered=False, mssql_where=sa.text('is_deleted = 0'))
    op.create_index('ix_users_active', 'users', ['is_deleted'], schema='dbo', mssql_clustered=False, mssql_where=sa.text('is_deleted = 0'))
    op.create_index('ix_users_tenant_created', 'users', ['tenant_id', sa.text('[created_at] DESC')], schema='dbo', mssql_clustered=False, mssql_include=['email', 'status'], mssql_where=sa.text('is_deleted = 0'))
    op.create_foreign_key('fk_users_tenant', 'users', 'tenants', ['tenant_id'], ['id'], source_schema='dbo', referent_schema='dbo')
    op.execute(sa.text("EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Application users; one row per login', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'users'"))
    op.execute(sa.text("EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Login, unique per tenant (''case-insensitive'')', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'users', @level2type = N'COLUMN', @level2name = N'email'"))
    op.create_table(
        'orders',
        sa.Column('id', sa.Integer(), sa.Identity(start=100, increment=5), nullable=False),
        sa.Column('user_id', mssql.UNIQUEIDENTIFIER(), nullable=True),
        sa.Column('tenant_id', mssql.UNIQUEIDENTIFIER(), nullable=True),
        sa.Column('total', mssql.DECIMAL(18, 4), nullable=False, server_default=sa.text('0')),
        sa.Column('note', mssql.NVARCHAR(100), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_orders', mssql_clustered=True),
        schema='sales',
    )
    op.create_foreign_key('fk_orders_user', 'orders', 'users', ['user_id'], ['id'], source_schema='sales', referent_schema='dbo', ondelete='SET NULL', onupdate='CASCADE')
    op.create_foreign_key('fk_orders_tenant', 'orders', 'tenants', ['tenant_id'], ['id'], source_schema='sales', referent_schema='dbo', ondelete='CASCADE', onupdate='SET DEFAULT')
    op.create_table(
        'a]b',
        sa.Column('id', sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("x'; DROP TABLE y;--", mssql.NVARCHAR(50), nullable=False, server_default=sa.text("N'it''s''); DROP TABLE y;--'")),
        sa.PrimaryKeyConstraint('id', name='pk_a]b', mssql_clustered=True),
        sa.CheckConstraint('[id] > 0', name="ck_'a]b"),
        schema="x'; DROP TABLE y;--",
    )
    op.create_index('ix_a]b', 'a]b', ["x'; DROP TABLE y;--"], schema="x'; DROP TABLE y;--", mssql_clustered=False, mssql_where=sa.text('[id] > 0'))
    op.execute(sa.text("EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'x''; DROP TABLE y;--', @level0type = N'SCHEMA', @level0name = N'x''; DROP TABLE y;--', @level1type = N'TABLE', @level1name = N'a]b', @level2type = N'COLUMN', @level2name = N'x''; DROP TABLE y;--'"))


def downgrade() -> None:
    pass
