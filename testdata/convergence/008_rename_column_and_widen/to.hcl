dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "display_name" {
    type         = "varchar(200)"
    renamed_from = "name"
  }
  primary_key {
    columns = ["id"]
  }
}
