dialect = "postgres"

table "accounts" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type = "text"
    null = true
  }
  column "region" {
    type = "text"
  }
  primary_key {
    columns = ["id", "region"]
    comment = "account key"
  }
  unique "accounts_email_key" {
    columns            = ["email"]
    nulls_not_distinct = true
    deferrable         = true
  }
  unique "accounts_region_email_key" {
    columns            = ["region", "email"]
    initially_deferred = true
  }
}

table "tokens" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns            = ["id"]
    initially_deferred = true
  }
}

table "docs" {
  column "id" {
    type = "integer"
  }
  column "owner_id" {
    type = "integer"
    null = true
  }
  column "owner_region" {
    type = "text"
    null = true
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
  column "size" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "docs_owner_fkey" {
    columns     = ["owner_id", "owner_region"]
    ref_table   = "accounts"
    ref_columns = ["id", "region"]
    match_full  = true
    deferrable  = true
    comment     = "owner"
  }
  foreign_key "docs_parent_fkey" {
    columns     = ["id"]
    ref_table   = "docs"
    ref_columns = ["id"]
    not_valid   = true
  }
  check "docs_size_check" {
    expr       = "size >= 0"
    no_inherit = true
  }
  check "docs_size_small" {
    expr      = "size < 1000000"
    not_valid = true
    comment   = "new rows only"
  }
  index "docs_title_idx" {
    on {
      column    = "title"
      collation = "C"
      opclass   = "text_pattern_ops"
    }
    with = ["fillfactor=70"]
  }
  index "docs_data_idx" {
    on {
      column  = "data"
      opclass = "jsonb_path_ops"
    }
    using = "gin"
    with    = ["fastupdate=off", "gin_pending_list_limit=128"]
    comment = "containment"
  }
  index "docs_body_idx" {
    on {
      column  = "body"
      opclass = "tsvector_ops(siglen=32)"
    }
    using = "gist"
  }
  index "docs_owner_region_idx" {
    columns            = ["owner_id", "owner_region"]
    unique             = true
    nulls_not_distinct = true
  }
}
