dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "varchar(20)"
  }
  primary_key {
    columns = ["id"]
  }
}
