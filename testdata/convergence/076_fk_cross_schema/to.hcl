dialect = "postgres"

schema "audit" {}

table "users" {
  column "id" {
    type = "bigint"
  }
  primary_key {
    columns = ["id"]
  }
}

table "logins" {
  schema = "audit"

  column "id" {
    type = "bigint"
    identity {}
  }
  column "user_id" {
    type = "bigint"
  }
  column "at" {
    type    = "timestamptz"
    default = sql("now()")
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "logins_user_id_fkey" {
    columns     = ["user_id"]
    ref_table   = "public.users"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
}
