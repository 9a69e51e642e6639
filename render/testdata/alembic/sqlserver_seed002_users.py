"""test sqlserver_seed002_users

Revision ID: sqlserver_seed002_users
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mssql

# revision identifiers, used by Alembic.
revision = 'sqlserver_seed002_users'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
    op.create_table(
        'tenants',
        sa.Column('id', mssql.UNIQUEIDENTIFIER(), nullable=False, server_default=sa.text('NEWID()')),
        sa.Column('index_id', sa.BigInteger(), sa.Identity(start=1, increment=1), nullable=False),
        sa.Column('name', mssql.NVARCHAR(255), nullable=False),
        sa.Column('created_at', mssql.DATETIME2(), nullable=False, server_default=sa.text('GETDATE()')),
        sa.Column('is_deleted', mssql.BIT(), nullable=False, server_default=sa.text('0')),
        sa.PrimaryKeyConstraint('id', name='pk_tenants', mssql_clustered=False),
        schema='dbo',
    )
    op.create_table(
        'users',
        sa.Column('id', mssql.UNIQUEIDENTIFIER(), nullable=False, server_default=sa.text('NEWID()')),
        sa.Column('index_id', sa.BigInteger(), sa.Identity(start=1, increment=1), nullable=False),
        sa.Column('tenant_id', mssql.UNIQUEIDENTIFIER(), nullable=False),
        sa.Column('created_at', mssql.DATETIME2(), nullable=False, server_default=sa.text('GETDATE()')),
        sa.Column('updated_at', mssql.DATETIME2(), nullable=False, server_default=sa.text('GETDATE()')),
        sa.Column('is_deleted', mssql.BIT(), nullable=False, server_default=sa.text('0')),
        sa.Column('identity_provider', mssql.NVARCHAR(50), nullable=False),
        sa.Column('identity_provider_id', mssql.NVARCHAR(255), nullable=False),
        sa.Column('email', mssql.NVARCHAR(255), nullable=False),
        sa.Column('display_name', mssql.NVARCHAR(255), nullable=False),
        sa.Column('last_login_at', mssql.DATETIME2(), nullable=True),
        sa.Column('login_count', sa.Integer(), nullable=False, server_default=sa.text('0')),
        sa.Column('total_usage_minutes', sa.Integer(), nullable=False, server_default=sa.text('0')),
        sa.Column('last_session_start', mssql.DATETIME2(), nullable=True),
        sa.Column('last_active_at', mssql.DATETIME2(), nullable=True),
        sa.Column('status', mssql.NVARCHAR(20), nullable=False, server_default=sa.text("N'active'")),
        sa.Column('user_metadata', mssql.NVARCHAR(4000), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_users', mssql_clustered=False),
        sa.CheckConstraint("identity_provider IN ('entra_id', 'google', 'email', 'github')", name='ck_users_identity_provider'),
        sa.CheckConstraint("status IN ('active', 'invited', 'suspended', 'pending_verification')", name='ck_users_status'),
        schema='dbo',
    )
    op.create_index('ix_tenants_index_id', 'tenants', ['index_id'], unique=True, schema='dbo', mssql_clustered=True)
    op.create_index('ix_users_index_id', 'users', ['index_id'], unique=True, schema='dbo', mssql_clustered=True)
    op.create_index('ix_users_active', 'users', ['is_deleted'], schema='dbo', mssql_clustered=False, mssql_where=sa.text('is_deleted = 0'))
    op.create_index('ix_users_identity_provider', 'users', ['identity_provider', 'identity_provider_id'], unique=True, schema='dbo', mssql_clustered=False, mssql_where=sa.text('is_deleted = 0'))
    op.create_index('ix_users_tenant_active', 'users', ['tenant_id', 'is_deleted', 'index_id'], schema='dbo', mssql_clustered=False, mssql_where=sa.text('is_deleted = 0'))
    op.create_index('ix_users_tenant_email', 'users', ['tenant_id', 'email'], unique=True, schema='dbo', mssql_clustered=False, mssql_where=sa.text('is_deleted = 0'))
    op.create_index('ix_users_tenant_id_lookup', 'users', ['tenant_id', 'id'], schema='dbo', mssql_clustered=False, mssql_where=sa.text('is_deleted = 0'))
    op.create_index('ix_users_tenant_last_login', 'users', ['tenant_id', 'last_login_at'], schema='dbo', mssql_clustered=False, mssql_include=['email'], mssql_where=sa.text('is_deleted = 0'))
    op.create_index('ix_users_tenant_status', 'users', ['tenant_id', 'status'], schema='dbo', mssql_clustered=False, mssql_where=sa.text('is_deleted = 0'))
    op.create_foreign_key('fk_users_tenant', 'users', 'tenants', ['tenant_id'], ['id'], source_schema='dbo', referent_schema='dbo')


def downgrade() -> None:
    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
    op.drop_constraint('fk_users_tenant', 'users', type_='foreignkey', schema='dbo')
    op.drop_table('tenants', schema='dbo')
    op.drop_table('users', schema='dbo')
