dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type      = "text"
    collation = "C"
  }
  primary_key {
    columns = ["id"]
  }
}
