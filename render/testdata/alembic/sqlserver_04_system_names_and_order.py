"""test sqlserver_04_system_names_and_order

Revision ID: sqlserver_04_system_names_and_order
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mssql

# revision identifiers, used by Alembic.
revision = 'sqlserver_04_system_names_and_order'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
    op.create_table(
        'events',
        sa.Column('id', sa.BigInteger(), sa.Identity(start=1, increment=1), nullable=False),
        sa.Column('kind', mssql.NVARCHAR(20), nullable=False, server_default=sa.text("N'info'")),
        sa.PrimaryKeyConstraint('id', name='pk_events', mssql_clustered=False),
        schema='dbo',
    )
    op.create_index('ix_events_kind', 'events', ['kind'], schema='dbo', mssql_clustered=False)
    op.create_index('ix_events_id', 'events', [sa.text('[id] DESC')], schema='dbo', mssql_clustered=True)
    op.drop_constraint('PK__users__3213E83F0A9D95DB', 'users', type_='primary', schema='dbo')
    op.drop_constraint('CK__users__balance__4AB81AF0', 'users', type_='check', schema='dbo')
    op.drop_column('users', 'legacy', schema='dbo', mssql_drop_default=True)
    op.alter_column('users', 'kind', existing_type=mssql.NVARCHAR(20), existing_nullable=False, existing_server_default=sa.text('1'), schema='dbo', server_default=None)
    op.alter_column('users', 'kind', existing_type=mssql.NVARCHAR(20), existing_nullable=False, schema='dbo', type_=mssql.NVARCHAR(40))
    op.alter_column('users', 'kind', existing_type=mssql.NVARCHAR(40), existing_nullable=False, schema='dbo', server_default=sa.text('1'))


def downgrade() -> None:
    pass
