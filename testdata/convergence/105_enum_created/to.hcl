dialect = "postgres"

enum "user_role" {
  values = ["viewer", "editor", "admin"]
}

table "users" {
  column "id" {
    type = "integer"
  }
  column "role" {
    type    = "user_role"
    default = "viewer"
  }
  primary_key {
    columns = ["id"]
  }
}
