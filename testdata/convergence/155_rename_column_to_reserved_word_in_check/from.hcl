dialect = "postgres"

table "shipments" {
  column "id" {
    type = "integer"
  }
  column "position" {
    type = "integer"
  }

  primary_key {
    columns = ["id"]
  }
  check "shipments_position_check" {
    expr = "position > 0"
  }
  index "shipments_position_idx" {
    on {
      expr = "(position * 2)"
    }
  }
}
