dialect = "postgres"

schema "audit" {}

table "events" {
  column "id" {
    type = "bigint"
  }
  primary_key {
    columns = ["id"]
  }
}
