dialect = "postgres"

table "categories" {
  column "id" {
    type = "integer"
  }
  column "parent_id" {
    type = "integer"
    null = true
  }
  column "name" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "categories_parent_id_fkey" {
    columns     = ["parent_id"]
    ref_table   = "categories"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
}
