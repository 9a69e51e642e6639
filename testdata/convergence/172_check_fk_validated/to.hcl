dialect = "postgres"

table "orders" {
  column "id" {
    type = "integer"
  }
  column "parent_id" {
    type = "integer"
    null = true
  }
  column "qty" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "orders_parent_id_fkey" {
    columns     = ["parent_id"]
    ref_table   = "orders"
    ref_columns = ["id"]
  }
  check "orders_qty_check" {
    expr    = "qty > 0"
    comment = "positive, checked"
  }
}
