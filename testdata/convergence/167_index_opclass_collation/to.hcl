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
    on {
      column    = "title"
      collation = "C"
      opclass   = "text_pattern_ops"
      desc      = true
    }
  }
  index "docs_data_idx" {
    on {
      column  = "data"
      opclass = "jsonb_path_ops"
    }
    using   = "gin"
    comment = "containment, by path"
  }
  index "docs_body_idx" {
    on {
      column  = "body"
      opclass = "tsvector_ops(siglen = 32)"
    }
    using = "gist"
  }
  index "docs_lower_title_idx" {
    on {
      expr = "lower(title)"
    }
  }
  index "docs_lower_title_c_idx" {
    on {
      expr      = "lower(title)"
      collation = "C"
    }
  }
}
