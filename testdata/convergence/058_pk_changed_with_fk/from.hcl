dialect = "postgres"

table "regions" {
  column "id" {
    type = "integer"
  }
  column "code" {
    type = "char(2)"
  }
  primary_key {
    columns = ["id"]
  }
}

table "stores" {
  column "id" {
    type = "integer"
  }
  column "region_id" {
    type = "integer"
    null = true
  }
  column "region_code" {
    type = "char(2)"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "stores_region_fkey" {
    columns     = ["region_id"]
    ref_table   = "regions"
    ref_columns = ["id"]
  }
}
