dialect = "postgres"

enum "st" {
  values = ["a", "b", "c"]
}

table "jobs" {
  column "id" {
    type = "integer"
  }
  column "state" {
    type    = "st"
    default = "c"
  }
  primary_key {
    columns = ["id"]
  }
}
