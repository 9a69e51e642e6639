dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "text[]"
  }
  primary_key {
    columns = ["id"]
  }
}
