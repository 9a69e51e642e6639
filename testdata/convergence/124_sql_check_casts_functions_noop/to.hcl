dialect = "postgres"

table "products" {
  column "id" {
    type = "integer"
  }
  column "sku" {
    type = "varchar(20)"
  }
  column "name" {
    type = "text"
  }
  column "price" {
    type = "numeric(10,2)"
  }
  column "discount" {
    type = "numeric(10,2)"
    null = true
  }
  column "qty" {
    type = "integer"
  }
  column "kind" {
    type = "text"
    null = true
  }
  column "released" {
    type = "date"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  check "products_sku_format" {
    expr = "sku LIKE 'SKU-%'"
  }
  check "products_name_len" {
    expr = "length(btrim(name)) > 0"
  }
  check "products_qty_range" {
    expr = "qty BETWEEN 0 AND 1000"
  }
  check "products_discount_lt" {
    expr = "discount IS DISTINCT FROM price"
  }
  check "products_kind_not_in" {
    expr = "kind NOT IN ('x', 'y')"
  }
  check "products_price_cast" {
    expr = "price::integer >= 0"
  }
  check "products_released_after" {
    expr = "released > '2000-01-01'::date"
  }
  check "products_name_ilike" {
    expr = "name NOT ILIKE '%test%'"
  }
}
