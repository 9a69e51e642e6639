dialect = "postgres"

table "keep" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}

table "legacy_sessions" {
  column "token" {
    type = "text"
  }
  column "expires_at" {
    type = "timestamptz"
    null = true
  }
  primary_key {
    columns = ["token"]
  }
}
