dialect = "postgres"

schema "auth" {}

enum "scope" {
  schema = "auth"
  values = ["read", "write", "admin"]
}

table "people" {
  column "id" {
    type = "integer"
  }
  column "first_name" {
    type = "text"
  }
  column "last_name" {
    type = "text"
  }
  column "full_name" {
    type = "text"
    null = true
    computed {
      expr      = "first_name || ' ' || last_name"
      persisted = true
    }
  }
  column "search_key" {
    type = "text"
    null = true
    computed {
      expr      = "lower(first_name) || lower(last_name)"
      persisted = true
    }
  }
  column "name_len" {
    type = "integer"
    null = true
    computed {
      expr      = "length(first_name) + length(last_name)"
      persisted = true
    }
  }
  column "scopes" {
    type    = "auth.scope[]"
    default = sql("'{read}'::auth.scope[]")
  }
  column "main_scope" {
    type    = "auth.scope"
    null    = true
    default = "read"
  }
  primary_key {
    columns = ["id"]
  }
}
