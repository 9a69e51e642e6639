dialect = "postgres"

schema "audit" {}

table "log" {
  schema = "audit"

  column "id" {
    type = "bigint"
    identity {}
  }
  column "message" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
