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
    type   = "nvarchar(255)"
    unique = true
  }
  column "age" {
    type = "int"
  }
  column "nickname" {
    type = "nvarchar(50)"
    null = true
  }

  primary_key {
    columns = ["id"]
  }
  foreign_key {
    columns     = ["tenant_id"]
    ref_table   = "tenants"
    ref_columns = ["id"]
  }
  check {
    expr = "age >= 0"
  }
  check {
    expr = "age < 150"
  }
  check "ck_users_nickname" {
    expr = "nickname <> ''"
  }
}
