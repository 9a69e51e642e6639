dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "bigint"
  }
  primary_key {
    columns = ["id"]
  }
}
