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
    columns            = ["code"]
    unique             = true
    nulls_not_distinct = true
    with               = ["fillfactor = 70"]
  }
  index "items_tags_idx" {
    columns = ["tags"]
    using   = "gin"
    with    = ["fastupdate=off"]
    comment = "tag search"
  }
  index "items_id_code_idx" {
    columns = ["id", "code"]
    with    = ["FILLFACTOR=80", "deduplicate_items=off"]
  }
}
