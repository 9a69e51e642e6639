-- up
+ create table public.audit
+ add check orders_note_not_null ("note" IS NOT NULL) to public.orders NOT VALID
~ validate check orders_note_not_null ("note" IS NOT NULL) of public.orders
    ! warning set-not-null: Validating orders_note_not_null fails if a row of public.orders holds NULL in note; it scans the table without blocking writes, and SET NOT NULL after it skips the scan.
~ alter column public.orders.note: set not null
- drop check orders_note_not_null ("note" IS NOT NULL) from public.orders
- drop index public.orders_note_key if a failed build left it (concurrently)
+ create unique index public.orders_note_key on public.orders (concurrently)
    ! warning unique-may-fail: Adding unique constraint orders_note_key on table public.orders fails if existing rows hold duplicates.
+ add unique orders_note_key (note) to public.orders using its index
+ add check orders_total_check (total >= 0) to public.orders NOT VALID
~ validate check orders_total_check (total >= 0) of public.orders
    ! warning check-may-fail: Adding check constraint orders_total_check on table public.orders fails if existing rows violate it.
+ create index public.audit_order_id_idx on public.audit
- drop index public.orders_customer_id_idx if a failed build left it (concurrently)
+ create index public.orders_customer_id_idx on public.orders (concurrently)
+ add foreign key audit_order_id_fkey (order_id) → public.orders (id) to public.audit
+ add foreign key orders_customer_id_fkey (customer_id) → public.customers (id) to public.orders NOT VALID
~ validate foreign key orders_customer_id_fkey (customer_id) → public.customers (id) of public.orders
    ! warning fk-may-fail: Adding foreign key orders_customer_id_fkey on table public.orders fails if existing rows reference missing rows of public.customers.
16 changes: 9 to add, 4 to change, 3 to drop; 4 warnings

SET lock_timeout = 5000;
SET statement_timeout = 90000;

CREATE TABLE "public"."audit" (
  "id" integer NOT NULL,
  "order_id" integer NOT NULL
);

ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_note_not_null" CHECK ("note" IS NOT NULL) NOT VALID;
ALTER TABLE "public"."orders" VALIDATE CONSTRAINT "orders_note_not_null";
ALTER TABLE "public"."orders" ALTER COLUMN "note" SET NOT NULL;
ALTER TABLE "public"."orders" DROP CONSTRAINT "orders_note_not_null";
DROP INDEX CONCURRENTLY IF EXISTS "public"."orders_note_key";
CREATE UNIQUE INDEX CONCURRENTLY "orders_note_key" ON "public"."orders" ("note");
ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_note_key" UNIQUE USING INDEX "orders_note_key";
ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_total_check" CHECK (total >= 0) NOT VALID;
ALTER TABLE "public"."orders" VALIDATE CONSTRAINT "orders_total_check";

CREATE INDEX "audit_order_id_idx" ON "public"."audit" ("order_id");

DROP INDEX CONCURRENTLY IF EXISTS "public"."orders_customer_id_idx";
CREATE INDEX CONCURRENTLY "orders_customer_id_idx" ON "public"."orders" ("customer_id");

ALTER TABLE "public"."audit" ADD CONSTRAINT "audit_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "public"."orders" ("id");

ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers" ("id") NOT VALID;
ALTER TABLE "public"."orders" VALIDATE CONSTRAINT "orders_customer_id_fkey";

-- down
- drop foreign key audit_order_id_fkey (order_id) → public.orders (id) from public.audit
- drop foreign key orders_customer_id_fkey (customer_id) → public.customers (id) from public.orders
- drop index public.orders_customer_id_idx (concurrently)
- drop check orders_total_check (total >= 0) from public.orders
- drop unique orders_note_key (note) from public.orders
~ alter column public.orders.note: drop not null
- drop table public.audit
    ! error drop-table: Dropping table public.audit deletes all its rows.
7 changes: 0 to add, 1 to change, 6 to drop; 1 error

SET lock_timeout = 5000;
SET statement_timeout = 90000;

ALTER TABLE "public"."audit" DROP CONSTRAINT "audit_order_id_fkey";

ALTER TABLE "public"."orders" DROP CONSTRAINT "orders_customer_id_fkey";
DROP INDEX CONCURRENTLY "public"."orders_customer_id_idx";
ALTER TABLE "public"."orders" DROP CONSTRAINT "orders_total_check";
ALTER TABLE "public"."orders" DROP CONSTRAINT "orders_note_key";
ALTER TABLE "public"."orders" ALTER COLUMN "note" DROP NOT NULL;

DROP TABLE "public"."audit";

