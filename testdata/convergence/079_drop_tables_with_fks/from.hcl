dialect = "postgres"

table "parents" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}

table "children" {
  column "id" {
    type = "integer"
  }
  column "parent_id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "children_parent_id_fkey" {
    columns     = ["parent_id"]
    ref_table   = "parents"
    ref_columns = ["id"]
  }
}

table "unrelated" {
  column "id" {
    type = "integer"
  }
}
