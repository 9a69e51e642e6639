dialect = "postgres"

table "items" {
  column "id" {
    type = "integer"
  }
  column "code" {
    type = "text"
    null = true
  }
  column "tags" {
    type = "text[]"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  index "items_code_key" {
    columns = ["code"]
    unique  = true
  }
  index "items_tags_idx" {
    columns = ["tags"]
    using   = "gin"
  }
  index "items_id_code_idx" {
    columns = ["id", "code"]
    with    = ["fillfactor=90"]
  }
}
