dialect = "postgres"

table "users" {
  column "id" {
    type = "serial"
  }
  column "username" {
    type   = "varchar(50)"
    unique = true
  }
  column "email" {
    type   = "varchar(100)"
    unique = true
  }
  column "full_name" {
    type = "varchar(100)"
    null = true
  }
  column "role" {
    type    = "varchar(20)"
    default = "viewer"
  }
  column "hashed_password" {
    type = "varchar(255)"
  }
  column "disabled" {
    type    = "boolean"
    null    = true
    default = false
  }
  column "created_at" {
    type    = "timestamp"
    null    = true
    default = sql("now()")
  }
  column "updated_at" {
    type    = "timestamp"
    null    = true
    default = sql("now()")
  }

  primary_key {
    columns = ["id"]
  }
  index "idx_users_username" {
    columns = ["username"]
  }
  index "idx_users_email_lower" {
    on {
      expr = "lower(email)"
    }
  }
}
