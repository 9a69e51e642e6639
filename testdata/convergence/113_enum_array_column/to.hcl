dialect = "postgres"

enum "perm" {
  values = ["read", "write", "delete"]
}

table "api_keys" {
  column "id" {
    type = "integer"
  }
  column "perms" {
    type    = "perm[]"
    default = sql("'{read}'::perm[]")
  }
  primary_key {
    columns = ["id"]
  }
}
