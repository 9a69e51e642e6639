dialect = "postgres"

table "authors" {
  column "id" {
    type = "serial"
  }
  column "name" {
    type = "varchar(100)"
  }
  column "email" {
    type   = "varchar(255)"
    unique = true
  }
  primary_key {
    columns = ["id"]
  }
  index "authors_lower_email_idx" {
    on {
      expr = "lower(email)"
    }
    unique = true
  }
}

table "posts" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "author_id" {
    type = "integer"
    null = true
  }
  column "title" {
    type = "text"
  }
  column "published_at" {
    type = "timestamp"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  index {
    on {
      column = "author_id"
    }
    on {
      column = "published_at"
      desc   = true
    }
  }
  foreign_key {
    columns     = ["author_id"]
    ref_table   = "authors"
    ref_columns = ["id"]
    on_delete   = "SET NULL"
  }
}
