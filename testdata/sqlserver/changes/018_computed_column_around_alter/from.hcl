dialect = "sqlserver"

table "order_lines" {
  column "id" {
    type = "int"
  }
  column "quantity" {
    type = "smallint"
  }
  column "unit_price" {
    type = "decimal(10,2)"
  }
  column "line_total" {
    null = true
    computed {
      expr      = "quantity * unit_price"
      persisted = true
    }
  }

  primary_key {
    columns = ["id"]
  }
  index "ix_order_lines_total" {
    columns = ["line_total"]
  }
}
