dialect = "postgres"

table "counters" {
  column "id" {
    type = "integer"
    identity {
      seed      = -200
      increment = 10
      min_value = -200
      max_value = 200
      cache     = 5
      cycle     = true
    }
  }
  column "label" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
