dialect = "postgres"

table "accounts" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  column "tenant_id" {
    type = "integer"
  }
  column "created_at" {
    type = "timestamptz"
  }
  column "deleted_at" {
    type = "timestamptz"
    null = true
  }
  column "name" {
    type = "text"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  index "accounts_email_live" {
    unique = true
    on {
      expr = "lower(email)"
    }
    where = "deleted_at IS NULL"
  }
  index "accounts_mixed" {
    on {
      column = "tenant_id"
    }
    on {
      expr = "lower(name)"
    }
    on {
      expr = "(created_at AT TIME ZONE 'UTC')::date"
      desc = true
    }
  }
  index "accounts_recent" {
    on {
      column = "created_at"
      desc   = true
      nulls  = "last"
    }
  }
  index "accounts_cover" {
    on {
      expr = "lower(email)"
    }
    include = ["name", "tenant_id"]
  }
  index "accounts_coalesce" {
    on {
      expr = "coalesce(deleted_at, created_at)"
    }
  }
  index "accounts_partial_in" {
    columns = ["tenant_id"]
    where   = "name IN ('a', 'b') AND deleted_at IS NOT NULL"
  }
}
