dialect = "postgres"

schema "audit" {}

enum "level" {
  schema = "audit"
  values = ["debug", "info", "warn", "error"]
}

table "events" {
  column "id" {
    type = "bigint"
  }
  column "level" {
    type    = "audit.level"
    default = "info"
  }
  primary_key {
    columns = ["id"]
  }
}
