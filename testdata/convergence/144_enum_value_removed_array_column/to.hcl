dialect = "postgres"

enum "perm" {
  values = ["read", "write"]
}

table "api_keys" {
  column "id" {
    type = "integer"
  }
  column "perms" {
    type    = "perm[]"
    default = sql("'{read}'::perm[]")
  }
  column "main" {
    type = "perm"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
}
