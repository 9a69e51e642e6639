dialect = "postgres"

table "counters" {
  column "id" {
    type = "bigint"
    identity {
      always    = true
      max_value = 1000000
      cache     = 20
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
