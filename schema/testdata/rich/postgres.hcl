# Every feature of the desired-schema format, for PostgreSQL.
dialect = "postgres"

schema "audit" {
  comment = "Audit trail"
}

enum "user_role" {
  values = ["viewer", "editor", "admin"]
}

enum "status" {
  schema = "audit"
  values = ["open", "closed"]
}

table "tenants" {
  comment = "Customers of the service"
  column "id" {
    type    = "uuid"
    default = sql("gen_random_uuid()")
  }
  column "name" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}

table "users" {
  comment      = "People who sign in"
  renamed_from = "accounts"

  column "id" {
    type = "bigint"
    identity {
      always = true
    }
  }
  column "tenant_id" { type = "uuid" }
  column "email" {
    type      = "varchar(255)"
    collation = "C"
  }
  column "nickname" {
    type         = "text"
    null         = true
    comment      = "Shown to others"
    unique       = true
    renamed_from = "handle"
  }
  column "role" {
    type    = "user_role"
    default = "viewer"
  }
  column "roles" {
    type = "public.user_role[]"
    null = true
  }
  column "tags" { type = "text[]" }
  column "score" {
    type    = "numeric(10,2)"
    default = 0
  }
  column "ratio" {
    type    = "double precision"
    default = -1.5
  }
  column "active" {
    type    = "boolean"
    default = true
  }
  column "zip" {
    type    = "varchar(10)"
    default = "0"
  }
  column "created_at" {
    type    = "timestamptz"
    default = sql("now()")
  }
  column "first_name" { type = "text" }
  column "last_name" { type = "text" }
  column "full_name" {
    type = "text"
    computed {
      expr      = "first_name || ' ' || last_name"
      persisted = true
    }
  }

  primary_key {
    name    = "users_pk"
    columns = ["id"]
  }
  unique "users_tenant_email" {
    columns = ["tenant_id", "email"]
  }
  unique {
    columns = ["tenant_id", "nickname"]
  }
  index "users_lower_email" {
    on { expr = "lower(email)" }
    unique = true
  }
  index {
    columns = ["tenant_id"]
  }
  index "users_recent" {
    on { column = "tenant_id" }
    on {
      column = "created_at"
      desc   = true
      nulls  = "last"
    }
    include = ["email"]
    where   = "active"
  }
  index "users_tags" {
    columns = ["tags"]
    using   = "gin"
  }
  foreign_key "users_tenant_fk" {
    columns            = ["tenant_id"]
    ref_table          = "tenants"
    ref_columns        = ["id"]
    on_delete          = "CASCADE"
    on_update          = "NO ACTION"
    deferrable         = true
    initially_deferred = true
  }
  check {
    expr = "score >= 0"
  }
  check "users_email_check" {
    expr = "email LIKE '%@%'"
  }
}

table "events" {
  schema = "audit"
  column "id" {
    type = "bigint"
    identity {
      seed      = 100
      increment = 10
    }
  }
  column "status" { type = "audit.status" }
  column "user_id" {
    type = "bigint"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key {
    columns     = ["user_id"]
    ref_table   = "public.users"
    ref_columns = ["id"]
    on_delete   = "SET NULL"
  }
}
