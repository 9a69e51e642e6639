dialect = "postgres"

extension "citext" {}

extension "hstore" {
  comment = "key/value pairs"
}

extension "pg_trgm" {}

extension "pgcrypto" {}

table "keep" {
  column "id" {
    type = "integer"
  }
}

table "users" {
  column "id" {
    type    = "uuid"
    default = sql("gen_random_uuid()")
  }
  column "email" {
    type = "citext"
  }
  column "attrs" {
    type = "hstore"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  index "users_email_trgm" {
    on {
      column  = "email"
      opclass = "gin_trgm_ops"
    }
    using = "gin"
  }
}
