dialect = "postgres"

table "counters" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "label" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
