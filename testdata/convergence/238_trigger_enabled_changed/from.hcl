dialect = "postgres"

table "jobs" {
  column "id" {
    type = "integer"
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

trigger "t1" {
  on       = "jobs"
  timing   = "before"
  events   = ["insert"]
  for_each = "row"
  function = "noop"
}

trigger "t2" {
  on       = "jobs"
  timing   = "before"
  events   = ["insert"]
  for_each = "row"
  function = "noop"
  enabled  = "disabled"
}

trigger "t3" {
  on       = "jobs"
  timing   = "before"
  events   = ["insert"]
  for_each = "row"
  function = "noop"
  enabled  = "replica"
}

trigger "t4" {
  on       = "jobs"
  timing   = "before"
  events   = ["insert"]
  for_each = "row"
  function = "noop"
  enabled  = "always"
}
