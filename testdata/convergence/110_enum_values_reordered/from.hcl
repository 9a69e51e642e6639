dialect = "postgres"

enum "ticket_state" {
  values = ["open", "closed", "waiting"]
}

table "tickets" {
  column "id" {
    type = "integer"
  }
  column "state" {
    type    = "ticket_state"
    default = "open"
  }
  primary_key {
    columns = ["id"]
  }
}
