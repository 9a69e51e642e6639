dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "role" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
