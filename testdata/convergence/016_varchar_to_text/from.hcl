dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "varchar(255)"
  }
  primary_key {
    columns = ["id"]
  }
}
