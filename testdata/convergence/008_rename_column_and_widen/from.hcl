dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "name" {
    type = "varchar(50)"
  }
  primary_key {
    columns = ["id"]
  }
}
