dialect = "sqlserver"

table "tenants" {
  column "id" {
    type = "int"
  }

  primary_key {
    columns = ["id"]
  }
}

table "users" {
  column "id" {
    type = "int"
  }
  column "tenant_id" {
    type = "int"
  }
  column "email" {
    type = "nvarchar(255)"
  }
  column "status" {
    type    = "nvarchar(20)"
    default = "active"
  }

  primary_key {
    columns = ["id"]
  }
  foreign_key {
    columns     = ["tenant_id"]
    ref_table   = "tenants"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
  unique {
    columns = ["tenant_id", "email"]
  }
  check {
    expr = "status IN ('active', 'invited')"
  }
  check {
    expr = "status <> ''"
  }
  index {
    columns = ["email"]
  }
}
