dialect = "postgres"

table "counters" {
  column "id" {
    type = "smallint"
    identity {}
  }
  primary_key {
    columns = ["id"]
  }
}
