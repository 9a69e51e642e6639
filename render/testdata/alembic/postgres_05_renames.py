"""test postgres_05_renames

Revision ID: postgres_05_renames
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'postgres_05_renames'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.rename_table('tenants', 'orgs', schema='public')
    op.execute(sa.text('ALTER TABLE "public"."users" RENAME CONSTRAINT "users_pkey" TO "users_id_tenant_pkey"'))
    op.execute(sa.text('ALTER TABLE "public"."users" RENAME CONSTRAINT "users_nickname_key" TO "users_nick_key"'))
    op.execute(sa.text('ALTER TABLE "public"."users" RENAME CONSTRAINT "users_score_check" TO "users_score_nonnegative"'))
    op.execute(sa.text('ALTER TABLE "public"."users" RENAME CONSTRAINT "users_tenant_fkey" TO "users_org_fkey"'))
    op.execute(sa.text('ALTER INDEX "public"."users_inserted_at_idx" RENAME TO "users_inserted_idx"'))


def downgrade() -> None:
    pass
