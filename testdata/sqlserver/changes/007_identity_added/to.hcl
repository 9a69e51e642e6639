dialect = "sqlserver"

table "orders" {
  column "id" {
    type    = "uniqueidentifier"
    default = sql("NEWID()")
  }
  column "seq" {
    type = "bigint"
    identity {}
  }
  column "total" {
    type = "decimal(18,2)"
  }

  primary_key {
    columns   = ["id"]
    clustered = false
  }
  index "cx_orders_seq" {
    columns   = ["seq"]
    unique    = true
    clustered = true
  }
}
