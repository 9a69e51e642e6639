dialect = "postgres"

table "counters" {
  column "id" {
    type = "integer"
  }
  column "hits" {
    type    = "integer"
    default = 0
  }
  column "code" {
    type    = "varchar(10)"
    default = "none"
  }
  primary_key {
    columns = ["id"]
  }
  index "counters_hits_idx" {
    columns = ["hits"]
  }
  index "counters_code_idx" {
    columns = ["code"]
    where   = "code <> 'none'"
  }
  check "counters_hits_check" {
    expr = "hits >= 0"
  }
}
