dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "tenant_id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  column "name" {
    type = "text"
    null = true
  }
  column "last_login_at" {
    type = "timestamptz"
    null = true
  }
  column "deleted_at" {
    type = "timestamptz"
    null = true
  }
  column "settings" {
    type    = "jsonb"
    default = sql("'{}'::jsonb")
  }
  primary_key {
    columns = ["id"]
  }
  index "users_login_name_idx" {
    on {
      column = "last_login_at"
      desc   = true
      nulls  = "first"
    }
    on {
      column = "name"
      nulls  = "last"
    }
  }
}
