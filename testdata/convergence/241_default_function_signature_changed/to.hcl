dialect = "postgres"

function "next_id" {
  args     = ["step integer DEFAULT 1"]
  returns  = "integer"
  language = "sql"
  body     = "SELECT coalesce(max(id), 0) + step FROM tickets"
}

table "tickets" {
  column "id" {
    type    = "integer"
    default = sql("next_id()")
  }
  primary_key {
    columns = ["id"]
  }
}
