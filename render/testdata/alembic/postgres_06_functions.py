"""test postgres_06_functions

Revision ID: postgres_06_functions
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'postgres_06_functions'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(sa.text('SET check_function_bodies = false'))
    op.execute(sa.text('CREATE FUNCTION "public"."we""ird fn"("x" text, "n" integer DEFAULT 1)\n RETURNS text\n LANGUAGE sql\n STABLE STRICT LEAKPROOF PARALLEL SAFE COST 10\n SET search_path TO \'public\', \'pg_temp\'\n SET work_mem TO \'64MB\'\nAS $function1$SELECT $function$a$function$ || x$function1$'))
    op.execute(sa.text('SET check_function_bodies = false'))
    op.execute(sa.text('CREATE OR REPLACE FUNCTION "public"."we""ird fn"("x" text, "n" integer DEFAULT 1)\n RETURNS text\n LANGUAGE sql\n STABLE STRICT LEAKPROOF PARALLEL SAFE COST 10\n SET search_path TO \'public\', \'pg_temp\'\n SET work_mem TO \'64MB\'\nAS $function$SELECT x || \'b\'$function$'))
    op.execute(sa.text('COMMENT ON FUNCTION "public"."we""ird fn"(text, integer) IS \'it\'\'s odd\''))
    op.execute(sa.text('SET check_function_bodies = false'))
    op.execute(sa.text('CREATE FUNCTION "public"."touch"()\n RETURNS trigger\n LANGUAGE plpgsql\nAS $function$BEGIN RETURN NEW; END$function$'))
    op.execute(sa.text('SET check_function_bodies = false'))
    op.execute(sa.text('CREATE PROCEDURE "public"."archive"(INOUT "keep" integer)\n LANGUAGE plpgsql\n SECURITY DEFINER\nAS $procedure$BEGIN keep := keep + 1; END$procedure$'))
    op.execute(sa.text('CREATE TRIGGER "users_touch" BEFORE INSERT OR UPDATE OF "nickname" ON "public"."users" FOR EACH ROW WHEN (new.nickname <> \'\') EXECUTE FUNCTION "public"."touch"(\'it\'\'s\', \'2\')'))
    op.execute(sa.text('ALTER TABLE "public"."users" DISABLE TRIGGER "users_touch"'))
    op.execute(sa.text('COMMENT ON TRIGGER "users_touch" ON "public"."users" IS \'stamps rows\''))
    op.execute(sa.text('DROP TRIGGER "users_touch" ON "public"."users"'))
    op.execute(sa.text('DROP FUNCTION "public"."touch"()'))
    op.execute(sa.text('DROP PROCEDURE "public"."archive"(integer)'))
    op.execute(sa.text('DROP FUNCTION "public"."we""ird fn"(text, integer)'))


def downgrade() -> None:
    pass
