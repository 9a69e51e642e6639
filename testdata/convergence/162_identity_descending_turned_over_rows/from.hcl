dialect = "postgres"

table "counters" {
  column "id" {
    type = "smallint"
    identity {
      increment = -1
    }
  }
  primary_key {
    columns = ["id"]
  }
}
