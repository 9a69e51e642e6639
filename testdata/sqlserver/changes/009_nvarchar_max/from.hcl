dialect = "sqlserver"

table "users" {
  column "id" {
    type = "int"
  }
  column "bio" {
    type = "nvarchar(100)"
    null = true
  }

  primary_key {
    columns = ["id"]
  }
}
