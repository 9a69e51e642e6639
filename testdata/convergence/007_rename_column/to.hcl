dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type         = "text"
    renamed_from = "mail"
  }
  primary_key {
    columns = ["id"]
  }
}
