dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type      = "varchar(64)"
    collation = "C"
  }
  primary_key {
    columns = ["id"]
  }
}
