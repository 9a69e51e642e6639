dialect = "postgres"

table "category" {
  column "id" {
    type = "integer"
  }
  primary_key {
    name    = "category_pkey"
    columns = ["id"]
  }
}

table "products" {
  column "id" {
    type = "integer"
  }
  column "category_id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "products_category_id_fkey" {
    columns     = ["category_id"]
    ref_table   = "category"
    ref_columns = ["id"]
  }
}
