dialect = "postgres"

table "teams" {
  column "id" {
    type = "integer"
  }
  column "name" {
    type   = "text"
    unique = true
  }
  primary_key {
    columns = ["id"]
  }
}

table "members" {
  column "id" {
    type = "bigserial"
  }
  column "team_id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  column "age" {
    type = "integer"
    null = true
  }
  column "joined_at" {
    type    = "timestamptz"
    null    = true
    default = sql("CURRENT_TIMESTAMP")
  }
  primary_key {
    columns = ["id"]
  }
  unique {
    columns = ["team_id", "email"]
  }
  foreign_key {
    columns     = ["team_id"]
    ref_table   = "teams"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
  check {
    expr = "age >= 18"
  }
}
