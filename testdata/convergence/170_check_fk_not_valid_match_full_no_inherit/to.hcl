dialect = "postgres"

table "parents" {
  column "a" {
    type = "integer"
  }
  column "b" {
    type = "integer"
  }
  primary_key {
    columns = ["a", "b"]
  }
}

table "children" {
  column "id" {
    type = "integer"
  }
  column "a" {
    type = "integer"
    null = true
  }
  column "b" {
    type = "integer"
    null = true
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
  foreign_key "children_a_b_fkey" {
    columns     = ["a", "b"]
    ref_table   = "parents"
    ref_columns = ["a", "b"]
    match_full  = true
    comment     = "both or neither"
  }
  foreign_key "children_parent_id_fkey" {
    columns     = ["parent_id"]
    ref_table   = "children"
    ref_columns = ["id"]
    not_valid   = true
  }
  check "children_qty_check" {
    expr       = "qty >= 0"
    no_inherit = true
  }
  check "children_qty_small" {
    expr      = "qty < 10"
    not_valid = true
    comment   = "new rows only"
  }
}
