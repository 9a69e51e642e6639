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
  events   = ["insert"]
  for_each = "row"
  when     = "NEW.body <> ''"
  function = "noop"
}

trigger "docs_b" {
  on       = "docs"
  timing   = "before"
  events   = ["delete"]
  for_each = "row"
  function = "noop"
  args     = ["x"]
  comment  = "before"
}

trigger "docs_c" {
  on       = "docs"
  timing   = "after"
  events   = ["truncate"]
  function = "noop2"
}
