-- + add value 'owner' to enum public.user_role before 'admin'
-- + add value 'it''s' to enum public.user_role
-- ~ recreate enum audit.level: ('low', 'medium', 'high') → ('high', 'low')
--     ! warning drop-enum-value: value 'medium' is removed from audit.level: rows holding it make the change fail
-- - drop index public.users_tenant_created_idx
-- + create index public.users_inserted_at_idx on public.users (concurrently)
-- - drop index audit.events_payload_idx (concurrently)
-- - drop foreign key events_user_id_fkey (user_id) → public.users (id) from audit.events
-- - drop primary key users_pkey (id) from public.users
-- + add primary key users_pkey (id, tenant_id) to public.users
-- + add unique users_nickname_key (nickname) to public.users
--     ! warning unique-may-fail: the new unique constraint fails if public.users holds duplicate rows
-- - drop unique users_tenant_id_email_key (tenant_id, email) from public.users
-- + add check users_score_check (score >= 0) to public.users
-- - drop check users_status_check (status IN ('active', 'invited')) from public.users
-- + add foreign key users_tenant_fkey (tenant_id) → public.tenants (id) to public.users
-- - drop foreign key users_tenant_id_fkey from public.users
-- ~ rename table public.legacy to audit.legacy_things
-- ~ rename table audit.events to audit.event_log
-- ~ remove comment on table public.users
-- ~ remove comment on column public.users.email
-- ~ remove comment on schema audit
-- ~ alter column public.users.role: type text → public.user_role
-- ~ alter column public.users.status: collation default → C
-- 22 changes: 7 to add, 8 to change, 7 to drop; 2 warnings

ALTER TYPE "public"."user_role" ADD VALUE 'owner' BEFORE 'admin';

ALTER TYPE "public"."user_role" ADD VALUE 'it''s';

ALTER TYPE "audit"."level" RENAME TO "level__schemadiff_old";
CREATE TYPE "audit"."level" AS ENUM ('high', 'low');
ALTER TABLE "audit"."events" ALTER COLUMN "level" DROP DEFAULT;
ALTER TABLE "audit"."events" ALTER COLUMN "level" TYPE "audit"."level" USING "level"::text::"audit"."level";
ALTER TABLE "audit"."events" ALTER COLUMN "level" SET DEFAULT 'low';
ALTER TABLE "audit"."events" ALTER COLUMN "levels" TYPE "audit"."level"[] USING "levels"::text[]::"audit"."level"[];
DROP TYPE "audit"."level__schemadiff_old";

DROP INDEX "public"."users_tenant_created_idx";
CREATE INDEX CONCURRENTLY "users_inserted_at_idx" ON "public"."users" ("inserted_at" DESC);

DROP INDEX CONCURRENTLY "audit"."events_payload_idx";
ALTER TABLE "audit"."events" DROP CONSTRAINT "events_user_id_fkey";

ALTER TABLE "public"."users" DROP CONSTRAINT "users_pkey";
ALTER TABLE "public"."users" ADD CONSTRAINT "users_pkey" PRIMARY KEY ("id", "tenant_id");
ALTER TABLE "public"."users" ADD CONSTRAINT "users_nickname_key" UNIQUE ("nickname");
ALTER TABLE "public"."users" DROP CONSTRAINT "users_tenant_id_email_key";
ALTER TABLE "public"."users" ADD CONSTRAINT "users_score_check" CHECK (score >= 0);
ALTER TABLE "public"."users" DROP CONSTRAINT "users_status_check";
ALTER TABLE "public"."users" ADD CONSTRAINT "users_tenant_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants" ("id") ON UPDATE CASCADE;
ALTER TABLE "public"."users" DROP CONSTRAINT "users_tenant_id_fkey";

ALTER TABLE "public"."legacy" SET SCHEMA "audit";
ALTER TABLE "audit"."legacy" RENAME TO "legacy_things";

ALTER TABLE "audit"."events" RENAME TO "event_log";

COMMENT ON TABLE "public"."users" IS NULL;
COMMENT ON COLUMN "public"."users"."email" IS NULL;

COMMENT ON SCHEMA "audit" IS NULL;

ALTER TABLE "public"."users" ALTER COLUMN "role" DROP DEFAULT;
ALTER TABLE "public"."users" ALTER COLUMN "role" TYPE "public"."user_role" USING "role"::"public"."user_role";
ALTER TABLE "public"."users" ALTER COLUMN "role" SET DEFAULT 'viewer';
ALTER TABLE "public"."users" ALTER COLUMN "status" TYPE character varying(20) COLLATE "C";
