dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type   = "text"
    unique = true
  }
  primary_key {
    columns = ["id"]
  }
  index {
    columns = ["email"]
    where   = "email IS NOT NULL"
  }
}
