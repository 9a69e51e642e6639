dialect = "postgres"

enum "st" {
  values = ["a", "b"]
}

table "jobs" {
  column "id" {
    type = "integer"
  }
  column "state" {
    type    = "st"
    default = "a"
  }
  primary_key {
    columns = ["id"]
  }
}
