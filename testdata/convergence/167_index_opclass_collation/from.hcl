dialect = "postgres"

table "docs" {
  column "id" {
    type = "integer"
  }
  column "title" {
    type = "text"
  }
  column "body" {
    type = "tsvector"
    null = true
  }
  column "data" {
    type = "jsonb"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  index "docs_title_idx" {
    columns = ["title"]
  }
  index "docs_data_idx" {
    columns = ["data"]
    using   = "gin"
    comment = "containment"
  }
  index "docs_body_idx" {
    columns = ["body"]
    using   = "gist"
  }
  index "docs_lower_title_idx" {
    on {
      expr    = "lower(title)"
      opclass = "text_pattern_ops"
    }
  }
}
