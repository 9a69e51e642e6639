dialect = "postgres"

table "order_lines" {
  column "id" {
    type = "integer"
  }
  column "quantity" {
    type = "smallint"
  }
  column "unit_price" {
    type = "numeric(10,2)"
  }
  column "line_total" {
    type = "numeric(12,2)"
    computed {
      expr      = "quantity * unit_price"
      persisted = true
    }
  }

  primary_key {
    columns = ["id"]
  }
  index "order_lines_line_total_idx" {
    columns = ["line_total"]
  }
}
