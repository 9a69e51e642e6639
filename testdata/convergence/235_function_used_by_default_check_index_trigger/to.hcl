dialect = "postgres"

function "next_code" {
  returns  = "text"
  language = "sql"
  body     = "SELECT 'C' || (SELECT count(*) + 1 FROM items)::text"
}

function "is_slug" {
  args       = ["s text"]
  returns    = "boolean"
  language   = "sql"
  volatility = "immutable"
  body       = "SELECT s ~ '^[a-z0-9-]+$'"
}

function "norm" {
  args       = ["s text"]
  returns    = "text"
  language   = "sql"
  volatility = "immutable"
  body       = "SELECT lower(trim(s))"
}

function "touch_item" {
  returns  = "trigger"
  language = "plpgsql"
  body     = <<-SQL
    BEGIN
      NEW.updated_at := now();
      RETURN NEW;
    END
  SQL
}

table "items" {
  column "id" {
    type = "integer"
  }
  column "code" {
    type    = "text"
    default = sql("next_code()")
  }
  column "slug" {
    type = "text"
  }
  column "updated_at" {
    type = "timestamptz"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  check "items_slug_check" {
    expr = "is_slug(slug)"
  }
  index "items_norm_slug_idx" {
    on {
      expr = "norm(slug)"
    }
  }
}

trigger "items_touch" {
  on       = "items"
  timing   = "before"
  events   = ["insert", "update"]
  for_each = "row"
  function = "touch_item"
}
