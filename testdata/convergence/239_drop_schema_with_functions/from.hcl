dialect = "postgres"

schema "billing" {}

table "invoices" {
  schema = "billing"
  column "id" {
    type = "integer"
  }
  column "total" {
    type    = "numeric(10,2)"
    default = sql("billing.zero()")
  }
  primary_key {
    columns = ["id"]
  }
}

function "zero" {
  schema     = "billing"
  returns    = "numeric"
  language   = "sql"
  volatility = "immutable"
  body       = "SELECT 0::numeric"
}

function "stamp" {
  schema   = "billing"
  returns  = "trigger"
  language = "plpgsql"
  body     = "BEGIN RETURN NEW; END"
}

procedure "close_month" {
  schema   = "billing"
  language = "sql"
  body     = "DELETE FROM billing.invoices WHERE total = 0"
}

trigger "invoices_stamp" {
  on       = "billing.invoices"
  timing   = "before"
  events   = ["insert"]
  for_each = "row"
  function = "stamp"
}
