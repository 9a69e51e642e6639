-- ~ rename table public.tenants to public.orgs
-- ~ rename primary key public.users_pkey to users_id_tenant_pkey on public.users
-- ~ rename unique public.users_nickname_key to users_nick_key on public.users
-- ~ rename check public.users_score_check to users_score_nonnegative on public.users
-- ~ rename foreign key public.users_tenant_fkey to users_org_fkey on public.users
-- ~ rename index public.users_inserted_at_idx to users_inserted_idx
-- 6 changes: 0 to add, 6 to change, 0 to drop

ALTER TABLE "public"."tenants" RENAME TO "orgs";

ALTER TABLE "public"."users" RENAME CONSTRAINT "users_pkey" TO "users_id_tenant_pkey";
ALTER TABLE "public"."users" RENAME CONSTRAINT "users_nickname_key" TO "users_nick_key";
ALTER TABLE "public"."users" RENAME CONSTRAINT "users_score_check" TO "users_score_nonnegative";
ALTER TABLE "public"."users" RENAME CONSTRAINT "users_tenant_fkey" TO "users_org_fkey";
ALTER INDEX "public"."users_inserted_at_idx" RENAME TO "users_inserted_idx";
