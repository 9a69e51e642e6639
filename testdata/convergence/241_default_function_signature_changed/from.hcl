dialect = "postgres"

function "next_id" {
  returns  = "integer"
  language = "sql"
  body     = "SELECT coalesce(max(id), 0) + 1 FROM tickets"
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
