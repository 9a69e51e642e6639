dialect = "postgres"

table "lines" {
  column "id" {
    type = "integer"
  }
  column "quantity" {
    type = "integer"
  }
  column "unit_price" {
    type = "numeric(10,2)"
  }
  column "total" {
    type = "numeric(12,2)"
    null = true
    computed {
      expr      = "quantity * unit_price"
      persisted = true
    }
  }
  primary_key {
    columns = ["id"]
  }
}
