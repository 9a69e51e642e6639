dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "mail" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
