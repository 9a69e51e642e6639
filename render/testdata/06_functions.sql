-- + create function public.we"ird fn(text, integer)
-- ~ replace function public.we"ird fn(text, integer): body
-- ~ comment on function public.we"ird fn(text, integer): 'it''s odd'
-- + create function public.touch()
-- + create procedure public.archive(integer)
-- + create trigger users_touch on public.users
-- ~ disable trigger users_touch on public.users
-- ~ comment on trigger users_touch on public.users: 'stamps rows'
-- - drop trigger users_touch on public.users
-- - drop function public.touch()
-- - drop procedure public.archive(integer)
-- - drop function public.we"ird fn(text, integer)
-- 12 changes: 4 to add, 4 to change, 4 to drop

SET check_function_bodies = false;
CREATE FUNCTION "public"."we""ird fn"("x" text, "n" integer DEFAULT 1)
 RETURNS text
 LANGUAGE sql
 STABLE STRICT LEAKPROOF PARALLEL SAFE COST 10
 SET search_path TO 'public', 'pg_temp'
 SET work_mem TO '64MB'
AS $function1$SELECT $function$a$function$ || x$function1$;

SET check_function_bodies = false;
CREATE OR REPLACE FUNCTION "public"."we""ird fn"("x" text, "n" integer DEFAULT 1)
 RETURNS text
 LANGUAGE sql
 STABLE STRICT LEAKPROOF PARALLEL SAFE COST 10
 SET search_path TO 'public', 'pg_temp'
 SET work_mem TO '64MB'
AS $function$SELECT x || 'b'$function$;

COMMENT ON FUNCTION "public"."we""ird fn"(text, integer) IS 'it''s odd';

SET check_function_bodies = false;
CREATE FUNCTION "public"."touch"()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$BEGIN RETURN NEW; END$function$;

SET check_function_bodies = false;
CREATE PROCEDURE "public"."archive"(INOUT "keep" integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
AS $procedure$BEGIN keep := keep + 1; END$procedure$;

CREATE TRIGGER "users_touch" BEFORE INSERT OR UPDATE OF "nickname" ON "public"."users" FOR EACH ROW WHEN (new.nickname <> '') EXECUTE FUNCTION "public"."touch"('it''s', '2');
ALTER TABLE "public"."users" DISABLE TRIGGER "users_touch";
COMMENT ON TRIGGER "users_touch" ON "public"."users" IS 'stamps rows';
DROP TRIGGER "users_touch" ON "public"."users";

DROP FUNCTION "public"."touch"();

DROP PROCEDURE "public"."archive"(integer);

DROP FUNCTION "public"."we""ird fn"(text, integer);
