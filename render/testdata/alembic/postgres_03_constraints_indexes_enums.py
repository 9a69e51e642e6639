"""test postgres_03_constraints_indexes_enums

Revision ID: postgres_03_constraints_indexes_enums
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'postgres_03_constraints_indexes_enums'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute(sa.text('ALTER TYPE "public"."user_role" ADD VALUE \'owner\' BEFORE \'admin\''))
    with op.get_context().autocommit_block():
        op.execute(sa.text('ALTER TYPE "public"."user_role" ADD VALUE \'it\'\'s\''))
    op.execute(sa.text('ALTER TYPE "audit"."level" RENAME TO "level__schemadiff_old"'))
    op.execute(sa.text('CREATE TYPE "audit"."level" AS ENUM (\'high\', \'low\')'))
    op.execute(sa.text('ALTER TABLE "audit"."events" ALTER COLUMN "level" DROP DEFAULT'))
    op.execute(sa.text('ALTER TABLE "audit"."events" ALTER COLUMN "level" TYPE "audit"."level" USING "level"::text::"audit"."level"'))
    op.execute(sa.text('ALTER TABLE "audit"."events" ALTER COLUMN "level" SET DEFAULT \'low\''))
    op.execute(sa.text('ALTER TABLE "audit"."events" ALTER COLUMN "levels" TYPE "audit"."level"[] USING "levels"::text[]::"audit"."level"[]'))
    op.execute(sa.text('DROP TYPE "audit"."level__schemadiff_old"'))
    op.drop_index('users_tenant_created_idx', table_name='users', schema='public')
    with op.get_context().autocommit_block():
        op.create_index('users_inserted_at_idx', 'users', [sa.text('"inserted_at" DESC')], schema='public', postgresql_concurrently=True)
    with op.get_context().autocommit_block():
        op.drop_index('events_payload_idx', table_name='events', schema='audit', postgresql_concurrently=True)
    op.drop_constraint('events_user_id_fkey', 'events', type_='foreignkey', schema='audit')
    op.drop_constraint('users_pkey', 'users', type_='primary', schema='public')
    op.create_primary_key('users_pkey', 'users', ['id', 'tenant_id'], schema='public')
    op.create_unique_constraint('users_nickname_key', 'users', ['nickname'], schema='public')
    op.drop_constraint('users_tenant_id_email_key', 'users', type_='unique', schema='public')
    op.create_check_constraint('users_score_check', 'users', 'score >= 0', schema='public')
    op.drop_constraint('users_status_check', 'users', type_='check', schema='public')
    op.create_foreign_key('users_tenant_fkey', 'users', 'tenants', ['tenant_id'], ['id'], source_schema='public', referent_schema='public', onupdate='CASCADE')
    op.drop_constraint('users_tenant_id_fkey', 'users', type_='foreignkey', schema='public')
    op.execute(sa.text('ALTER TABLE "public"."legacy" SET SCHEMA "audit"'))
    op.rename_table('legacy', 'legacy_things', schema='audit')
    op.rename_table('events', 'event_log', schema='audit')
    op.drop_table_comment('users', existing_comment='People who log in', schema='public')
    op.alter_column('users', 'email', existing_nullable=False, existing_comment="Login; unique per tenant, 'case sensitive'", schema='public', comment=None)
    op.execute(sa.text('COMMENT ON SCHEMA "audit" IS NULL'))
    op.execute(sa.text('ALTER TABLE "public"."users" ALTER COLUMN "role" DROP DEFAULT'))
    op.execute(sa.text('ALTER TABLE "public"."users" ALTER COLUMN "role" TYPE "public"."user_role" USING "role"::"public"."user_role"'))
    op.execute(sa.text('ALTER TABLE "public"."users" ALTER COLUMN "role" SET DEFAULT \'viewer\''))
    op.execute(sa.text('ALTER TABLE "public"."users" ALTER COLUMN "status" TYPE character varying(20) COLLATE "C"'))


def downgrade() -> None:
    pass
