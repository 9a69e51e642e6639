dialect = "sqlserver"

table "users" {
  column "id" {
    type = "int"
  }
  column "email_address" {
    type         = "nvarchar(255)"
    renamed_from = "email"
  }

  primary_key {
    columns = ["id"]
  }
  index "ix_users_email" {
    columns = ["email_address"]
  }
}
