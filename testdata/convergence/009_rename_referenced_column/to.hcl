dialect = "postgres"

table "authors" {
  column "author_id" {
    type         = "integer"
    renamed_from = "id"
  }
  primary_key {
    columns = ["author_id"]
  }
}

table "books" {
  column "id" {
    type = "integer"
  }
  column "author_id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "books_author_id_fkey" {
    columns     = ["author_id"]
    ref_table   = "authors"
    ref_columns = ["author_id"]
  }
}
