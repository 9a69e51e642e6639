dialect = "sqlserver"

table "users" {
  column "id" {
    type = "int"
  }
  column "bio" {
    type = "nvarchar(max)"
    null = true
  }

  primary_key {
    columns = ["id"]
  }
}
