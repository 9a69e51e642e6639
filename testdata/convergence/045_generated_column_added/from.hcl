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

  primary_key {
    columns = ["id"]
  }
}
