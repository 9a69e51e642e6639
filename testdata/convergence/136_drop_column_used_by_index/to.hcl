dialect = "postgres"

table "events" {
  column "id" {
    type = "integer"
  }
  column "kind" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
  index "events_kind_idx" {
    columns = ["kind"]
  }
}
