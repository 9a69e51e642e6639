"""test postgres_01_create_everything

Revision ID: postgres_01_create_everything
Revises: 
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = 'postgres_01_create_everything'
down_revision = None
branch_labels = None
depends_on = None


class SQLType(sa.types.UserDefinedType):
    """A column type rendered exactly as written (SQLAlchemy has no class for it)."""

    cache_ok = True

    def __init__(self, spec):
        self.spec = spec

    def get_col_spec(self, **kw):
        return self.spec


def upgrade() -> None:
    op.execute(sa.schema.CreateSchema('audit'))
    op.execute(sa.text('COMMENT ON SCHEMA "audit" IS \'Audit trail; it\'\'s kept 90 days\''))
    op.execute(sa.schema.CreateSchema("Robert'); DROP TABLE students;--"))
    op.execute(sa.text('CREATE TYPE "public"."user_role" AS ENUM (\'viewer\', \'editor\', \'admin\')'))
    op.execute(sa.text('CREATE TYPE "audit"."level" AS ENUM (\'low\', \'medium\', \'high\')'))
    op.create_table(
        'tenants',
        sa.Column('id', postgresql.UUID(), nullable=False, server_default=sa.text('gen_random_uuid()')),
        sa.Column('name', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='tenants_pkey'),
        schema='public',
    )
    op.create_table(
        'users',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=True, start=1, increment=1), nullable=False),
        sa.Column('counter', sa.Integer(), sa.Identity(start=100, increment=5), nullable=False),
        sa.Column('tenant_id', postgresql.UUID(), nullable=False),
        sa.Column('email', sa.String(255, collation='C'), nullable=False),
        sa.Column('status', sa.String(20), nullable=False, server_default=sa.text("'active'")),
        sa.Column('role', postgresql.ENUM(name='user_role', schema='public', create_type=False), nullable=False, server_default=sa.text("'viewer'")),
        sa.Column('roles', postgresql.ARRAY(postgresql.ENUM(name='user_role', schema='public', create_type=False)), nullable=True),
        sa.Column('score', sa.Numeric(10, 2), nullable=False, server_default=sa.text('-1.5')),
        sa.Column('is_deleted', sa.Boolean(), nullable=False, server_default=sa.text('false')),
        sa.Column('created_at', postgresql.TIMESTAMP(timezone=True), nullable=False, server_default=sa.text('now()')),
        sa.Column('email_lower', sa.Text(), sa.Computed('lower((email)::text)', persisted=True), nullable=True),
        sa.Column('note', sa.Text(), nullable=True, server_default=sa.text('E\'it\'\'s a "quote" \\\\ backslash\'')),
        sa.Column('legacy_ref', sa.Integer(), nullable=False, server_default=sa.text('0')),
        sa.Column('seq_no', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='users_pkey'),
        sa.UniqueConstraint('tenant_id', 'email', name='users_tenant_id_email_key'),
        sa.CheckConstraint("status IN ('active', 'invited')", name='users_status_check'),
        schema='public',
    )
    op.create_table(
        'legacy',
        sa.Column('id', SQLType('serial'), nullable=False),
        sa.Column('code', SQLType('smallserial'), nullable=False),
        sa.Column('big', sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint('id', name='legacy_pkey'),
        schema='public',
    )
    op.create_table(
        'a"b',
        sa.Column("Robert'); DROP TABLE students;--", sa.Text(), nullable=False, server_default=sa.text("E'\\\\''); DROP TABLE students; --'")),
        sa.Column('x"y', sa.Integer(), nullable=True),
        sa.CheckConstraint('"x""y" > 0', name='c"k'),
        schema="Robert'); DROP TABLE students;--",
    )
    op.create_table(
        'events',
        sa.Column('id', SQLType('bigserial'), nullable=False),
        sa.Column('level', postgresql.ENUM(name='level', schema='audit', create_type=False), nullable=False, server_default=sa.text("'low'")),
        sa.Column('levels', postgresql.ARRAY(postgresql.ENUM(name='level', schema='audit', create_type=False)), nullable=True),
        sa.Column('payload', postgresql.JSONB(), nullable=True),
        sa.Column('user_id', sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint('id', name='events_pkey'),
        schema='audit',
    )
    op.create_table_comment('users', 'People who log in', existing_comment=None, schema='public')
    op.alter_column('users', 'email', existing_nullable=False, schema='public', comment="Login; unique per tenant, 'case sensitive'")
    op.create_foreign_key('users_tenant_id_fkey', 'users', 'tenants', ['tenant_id'], ['id'], source_schema='public', referent_schema='public', ondelete='CASCADE', deferrable=True, initially='DEFERRED')
    op.create_foreign_key('events_user_id_fkey', 'events', 'users', ['user_id'], ['id'], source_schema='audit', referent_schema='public', ondelete='SET NULL', onupdate='RESTRICT')
    op.create_index('users_email_lower_idx', 'users', [sa.text('(lower((email)::text))')], unique=True, schema='public', postgresql_include=['status'], postgresql_where=sa.text('is_deleted = false'))
    op.create_index('users_tenant_created_idx', 'users', ['tenant_id', sa.text('"created_at" DESC NULLS LAST')], schema='public')
    op.create_index('events_payload_idx', 'events', ['payload'], schema='audit', postgresql_using='gin')
    op.create_index('i"dx', 'a"b', [sa.text('"x""y" NULLS FIRST')], schema="Robert'); DROP TABLE students;--")


def downgrade() -> None:
    pass
