dialect = "postgres"

table "users" {
  column "id" {
    type = "bigint"
  }
  primary_key {
    columns = ["id"]
  }
}
