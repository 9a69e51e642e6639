dialect = "postgres"

enum "ticket_state" {
  values = ["open", "waiting", "closed"]
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
