# Issue 12's acceptance schema ("done when"), the changed state: built.hcl
# with every kind changed (changed.sql builds the same by hand;
# internal/e2e/acceptance_test.go).
dialect = "postgres"

schema "app" {}

extension "citext" {
  schema = "public"
}

# added
extension "pg_trgm" {
  schema = "public"
}

sequence "invoice_no" {
  schema    = "app"
  type      = "integer"
  start     = 1000
  increment = 10 # was 1
}

domain "email" {
  schema   = "app"
  type     = "text"
  not_null = true
  check "email_check" {
    expr = "VALUE ~ '^[^@]+@[^@]+$'"
  }
  check "email_length" { # added
    expr = "length(VALUE) < 200"
  }
}

composite_type "money_amount" {
  schema = "app"
  attribute "amount" {
    type = "numeric(12,2)"
  }
  attribute "currency" {
    type = "text"
  }
  attribute "note" { # added
    type = "text"
  }
}

table "customers" {
  schema = "app"
  column "id" {
    type = "bigint"
    identity {}
  }
  column "email" {
    type = "app.email"
  }
  column "name" {
    type = "citext"
  }
  column "tenant" {
    type = "text"
  }
  column "updated_at" {
    type    = "timestamptz"
    default = sql("now()")
  }
  primary_key {
    columns = ["id"]
  }
  row_security       = true
  force_row_security = true # added
}

table "invoices" {
  schema = "app"
  column "no" {
    type    = "integer"
    default = sql("nextval('app.invoice_no')")
  }
  column "issued_on" {
    type = "date"
  }
  column "customer_id" {
    type = "bigint"
  }
  column "amount" {
    type = "numeric(14,2)" # was numeric(12,2): invoice_totals reads it
  }
  primary_key {
    columns = ["no", "issued_on"]
  }
  foreign_key "invoices_customer_id_fkey" {
    columns     = ["customer_id"]
    ref_table   = "app.customers"
    ref_columns = ["id"]
  }
  index "invoices_customer_id_idx" {
    columns = ["customer_id"]
  }
  partition_by {
    strategy = "range"
    columns  = ["issued_on"]
  }
}

table "invoices_2024" {
  schema = "app"
  partition_of {
    parent = "app.invoices"
    bound  = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
  }
}

# added
table "invoices_2025" {
  schema = "app"
  partition_of {
    parent = "app.invoices"
    bound  = "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"
  }
}

table "invoices_default" {
  schema = "app"
  partition_of {
    parent = "app.invoices"
    bound  = "DEFAULT"
  }
}

function "touch_updated_at" {
  schema   = "app"
  returns  = "trigger"
  language = "plpgsql"
  body     = "BEGIN NEW.updated_at := now(); RETURN NEW; END"
}

function "customer_count" {
  schema     = "app"
  args       = ["p_tenant text"]
  returns    = "bigint"
  language   = "sql"
  volatility = "stable"
  body       = "SELECT count(*) FROM app.customers WHERE tenant = p_tenant AND name <> ''" # body changed
  comment    = "Customers of a tenant."
}

# added
procedure "forget_customer" {
  schema   = "app"
  args     = ["p_id bigint"]
  language = "sql"
  body     = "DELETE FROM app.customers WHERE id = p_id"
}

trigger "customers_touch" {
  on       = "app.customers"
  timing   = "before"
  events   = ["insert", "update"] # was update
  for_each = "row"
  function = "app.touch_updated_at"
}

policy "customers_tenant" {
  on         = "app.customers"
  command    = "all" # was select
  using      = "tenant = current_setting('app.tenant', true)"
  with_check = "tenant = current_setting('app.tenant', true)"
}

view "customer_emails" {
  schema = "app"
  query   = "SELECT id, email, name FROM app.customers" # a column added at the end
  comment = "Customers and their e-mail addresses."
}

materialized_view "invoice_totals" {
  schema = "app"
  query  = "SELECT customer_id, count(*) AS invoices, sum(amount) AS total, max(issued_on) AS last_issued FROM app.invoices GROUP BY customer_id"
  index "invoice_totals_customer_id_idx" {
    columns = ["customer_id"]
    unique  = true
  }
}
