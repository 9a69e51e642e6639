dialect = "postgres"

table "shipments" {
  column "id" {
    type = "integer"
  }
  column "order" {
    type         = "integer"
    renamed_from = "position"
  }

  primary_key {
    columns = ["id"]
  }
  check "shipments_position_check" {
    expr = "\"order\" > 0"
  }
  index "shipments_position_idx" {
    on {
      expr = "(\"order\" * 2)"
    }
  }
}
