dialect = "postgres"

table "docs" {
  column "id" {
    type = "integer"
  }
  column "body" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}

function "noop" {
  returns  = "trigger"
  language = "plpgsql"
  body     = "BEGIN RETURN NEW; END"
}

function "noop2" {
  returns  = "trigger"
  language = "plpgsql"
  body     = "BEGIN RETURN NULL; END"
}

trigger "docs_a" {
  on       = "docs"
  timing   = "before"
  events   = ["insert", "update"]
  for_each = "row"
  function = "noop"
}

trigger "docs_b" {
  on       = "docs"
  timing   = "after"
  events   = ["delete"]
  for_each = "row"
  function = "noop2"
  args     = ["y", "2"]
  comment  = "after"
}

trigger "docs_c" {
  on       = "docs"
  timing   = "after"
  events   = ["truncate"]
  function = "noop"
}
