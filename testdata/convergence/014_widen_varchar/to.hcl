dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "varchar(100)"
  }
  primary_key {
    columns = ["id"]
  }
}
