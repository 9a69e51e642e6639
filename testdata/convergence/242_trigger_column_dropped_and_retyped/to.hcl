dialect = "postgres"

table "orders" {
  column "id" {
    type = "integer"
  }
  column "qty" {
    type = "bigint"
  }
  primary_key {
    columns = ["id"]
  }
}

function "noop" {
  returns  = "trigger"
  language = "plpgsql"
  body     = "BEGIN RETURN NEW; END"
}

trigger "orders_status" {
  on        = "orders"
  timing    = "before"
  events    = ["update"]
  update_of = ["qty"]
  for_each  = "row"
  function  = "noop"
}

trigger "orders_qty" {
  on       = "orders"
  timing   = "before"
  events   = ["insert"]
  for_each = "row"
  when     = "NEW.qty > 0"
  function = "noop"
}
