dialect = "sqlserver"

table "users" {
  column "id" {
    type = "int"
    identity {}
  }
  column "email" {
    type = "nvarchar(255)"
  }
  column "status" {
    type    = "nvarchar(20)"
    default = "active"
  }
  column "is_deleted" {
    type    = "bit"
    default = false
  }

  primary_key {
    columns = ["id"]
  }
  check "ck_users_status" {
    expr = "status IN ('active', 'invited')"
  }
  index "ux_users_email" {
    columns = ["email"]
    unique  = true
    where   = "is_deleted = 0 AND status <> 'invited'"
  }
}
