dialect = "postgres"

table "events" {
  column "id" {
    type = "bigint"
  }
  column "happened" {
    type = "bigint"
  }
  primary_key {
    columns = ["id"]
  }
}
