dialect = "postgres"

table "products" {
  column "id" {
    type = "integer"
  }
  column "price" {
    type = "numeric(10,2)"
  }
  column "discount" {
    type = "numeric(10,2)"
    null = true
  }
  column "status" {
    type = "varchar(20)"
  }
  column "active" {
    type = "boolean"
  }
  primary_key {
    columns = ["id"]
  }
  check "products_status_check" {
    expr = "status IN ('draft', 'published')"
  }
}
