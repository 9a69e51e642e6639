dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "mail" {
    type         = "text"
    unique       = true
    renamed_from = "email"
  }
  primary_key {
    columns = ["id"]
  }
  index {
    columns = ["mail"]
    where   = "mail IS NOT NULL"
  }
}
