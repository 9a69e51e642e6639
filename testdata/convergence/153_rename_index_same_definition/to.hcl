dialect = "postgres"

table "events" {
  column "id" {
    type = "integer"
  }
  column "kind" {
    type = "text"
  }
  column "at" {
    type = "timestamptz"
  }
  primary_key {
    columns = ["id"]
  }
  index "ix_events_kind_at" {
    columns = ["kind", "at"]
  }
}
