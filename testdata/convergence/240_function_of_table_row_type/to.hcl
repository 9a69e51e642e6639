dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "name" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}

function "active_users" {
  returns  = "SETOF users"
  language = "sql"
  body     = "SELECT * FROM users WHERE name <> ''"
}

function "display" {
  args     = ["u users"]
  returns  = "text"
  language = "sql"
  body     = "SELECT u.id || ': ' || u.name"
}
