dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
