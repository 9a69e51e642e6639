dialect = "sqlserver"

table "customers" {
  column "id" {
    type = "int"
  }
  column "email" {
    type = "nvarchar(200)"
  }
  column "region" {
    type = "varchar(10)"
    null = true
  }

  primary_key {
    columns = ["id"]
  }
  unique "uq_customers_email" {
    columns = ["email"]
  }
  check "ck_customers_email" {
    expr = "email LIKE '%@%'"
  }
  index "ix_customers_region" {
    columns = ["region"]
    include = ["email"]
  }
  index "ix_customers_email_set" {
    columns = ["region"]
    where   = "email IS NOT NULL"
  }
}
