dialect = "postgres"

enum "st" {
  values = ["c", "b", "a"]
}

table "jobs" {
  column "id" {
    type = "integer"
  }
  column "state" {
    type    = "st"
    default = "a"
  }
  column "done" {
    type = "boolean"
    computed {
      expr = "state = 'c'"
    }
  }
  primary_key {
    columns = ["id"]
  }
  check "jobs_state_check" {
    expr = "state <> 'b' OR id > 0"
  }
  index "jobs_open_idx" {
    columns = ["id"]
    where   = "state = 'a'"
  }
  index "jobs_is_c_idx" {
    on {
      expr = "(state = 'c')"
    }
  }
  index "jobs_done_idx" {
    columns = ["done"]
  }
  index "jobs_state_idx" {
    columns = ["state"]
  }
}
