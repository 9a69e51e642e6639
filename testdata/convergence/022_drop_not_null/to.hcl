dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "varchar(30)"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
}
