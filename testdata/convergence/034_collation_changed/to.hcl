dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type      = "varchar(64)"
    collation = "POSIX"
  }
  primary_key {
    columns = ["id"]
  }
}
