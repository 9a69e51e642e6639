-- + create extension citext in schema public
-- + create extension hstore version 1.7 in schema public
-- + create domain public.email (citext)
-- + create domain public.qty (integer)
-- + create composite type public.addr (street text, zip integer, mail public.email)
-- + create sequence public.countdown
-- + create sequence public.order_no
-- + create table public.orders
-- ~ comment on extension citext: 'case-insensitive'
-- ~ comment on domain public.email: 'an address'
-- ~ comment on composite type public.addr: 'postal'
-- ~ comment on sequence public.order_no: 'order numbers'
-- 12 changes: 8 to add, 4 to change, 0 to drop

CREATE EXTENSION IF NOT EXISTS "citext" SCHEMA "public";

CREATE EXTENSION IF NOT EXISTS "hstore" SCHEMA "public" VERSION '1.7';

CREATE DOMAIN "public"."email" AS citext NOT NULL CONSTRAINT "email_check" CHECK (VALUE LIKE '%@%') CONSTRAINT "email_short" CHECK (length(VALUE) < 200);

CREATE DOMAIN "public"."qty" AS integer DEFAULT 1;

CREATE TYPE "public"."addr" AS (
	"street" text COLLATE "C",
	"zip" integer,
	"mail" "public"."email"
);

CREATE SEQUENCE "public"."countdown" AS integer INCREMENT BY -1 MINVALUE -100;

CREATE SEQUENCE "public"."order_no" INCREMENT BY 5 START WITH 1000 CYCLE;

CREATE TABLE "public"."orders" (
  "code" text DEFAULT 'O-' || nextval('order_no') NOT NULL,
  "qty" "public"."qty" NOT NULL
);

COMMENT ON EXTENSION "citext" IS 'case-insensitive';

COMMENT ON DOMAIN "public"."email" IS 'an address';

COMMENT ON TYPE "public"."addr" IS 'postal';

COMMENT ON SEQUENCE "public"."order_no" IS 'order numbers';

-- ~ alter extension hstore: public 1.7 → public 1.8
--     ! warning extension-update: ALTER EXTENSION hstore UPDATE TO '1.8' needs the extension's update script from version 1.7, installed on the server; extensions rarely ship scripts that go back to an older version.
-- ~ alter domain public.email
--     ! warning check-may-fail: Check email_check of domain public.email is checked against every column of the domain: it fails on values that violate it.
-- ~ alter domain public.qty
--     ! warning set-not-null: SET NOT NULL on domain public.qty fails if a column of the domain holds NULL, and scans every such column.
-- ~ alter composite type public.addr: (street text, zip integer, mail public.email) → (street character varying(80), mail public.email, city text)
-- ~ alter sequence public.countdown: type integer → smallint, increment -1 → -2
-- ~ alter sequence public.order_no: type bigint → integer, max default → 100000, cache 0 → 10, cycle true → false
--     ! warning narrow-type: Sequence public.order_no gets a narrower range: ALTER SEQUENCE fails if its current value is outside it.
-- ~ alter sequence public.order_no: owned by public.orders.code
-- ~ remove comment on extension citext
-- 8 changes: 0 to add, 8 to change, 0 to drop; 4 warnings

ALTER EXTENSION "hstore" UPDATE TO '1.8';

ALTER DOMAIN "public"."email" DROP NOT NULL;
ALTER DOMAIN "public"."email" DROP CONSTRAINT "email_check";
ALTER DOMAIN "public"."email" DROP CONSTRAINT "email_short";
ALTER DOMAIN "public"."email" ADD CONSTRAINT "email_check" CHECK (VALUE LIKE '_%@%');
ALTER DOMAIN "public"."email" ADD CONSTRAINT "email_lower" CHECK (VALUE = lower(VALUE)) NOT VALID;

ALTER DOMAIN "public"."qty" SET DEFAULT 2;
ALTER DOMAIN "public"."qty" SET NOT NULL;

ALTER TYPE "public"."addr" DROP ATTRIBUTE "zip", ALTER ATTRIBUTE "street" TYPE character varying(80), ADD ATTRIBUTE "city" text COLLATE "C";

ALTER SEQUENCE "public"."countdown" AS smallint INCREMENT BY -2 MINVALUE -100 MAXVALUE -1;

ALTER SEQUENCE "public"."order_no" AS integer MINVALUE 1 MAXVALUE 100000 CACHE 10 NO CYCLE;

ALTER SEQUENCE "public"."order_no" OWNED BY "public"."orders"."code";

COMMENT ON EXTENSION "citext" IS NULL;

-- ~ alter sequence public.order_no: owned by none
-- - drop table public.orders
--     ! error drop-table: Dropping table public.orders deletes all its rows.
-- - drop composite type public.addr
-- - drop domain public.email
-- - drop domain public.qty
-- - drop sequence public.countdown
--     ! warning drop-type: Dropping sequence public.countdown loses its position: a sequence created again starts over.
-- - drop sequence public.order_no
--     ! warning drop-type: Dropping sequence public.order_no loses its position: a sequence created again starts over.
-- - drop extension citext
--     ! warning drop-extension: Dropping extension citext drops the types, functions and operators it owns; it fails while columns, indexes or functions of the schema use them.
-- - drop extension hstore
--     ! warning drop-extension: Dropping extension hstore drops the types, functions and operators it owns; it fails while columns, indexes or functions of the schema use them.
-- 9 changes: 0 to add, 1 to change, 8 to drop; 1 error, 4 warnings

ALTER SEQUENCE "public"."order_no" OWNED BY NONE;

DROP TABLE "public"."orders";

DROP TYPE "public"."addr";

DROP DOMAIN "public"."email";

DROP DOMAIN "public"."qty";

DROP SEQUENCE "public"."countdown";

DROP SEQUENCE "public"."order_no";

DROP EXTENSION "citext";

DROP EXTENSION "hstore";

