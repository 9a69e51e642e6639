dialect = "sqlserver"

table "users" {
  column "id" {
    type = "int"
  }
  column "email" {
    type = "nvarchar(255)"
  }

  primary_key {
    columns = ["id"]
  }
  index "ix_users_email" {
    columns = ["email"]
  }
}
