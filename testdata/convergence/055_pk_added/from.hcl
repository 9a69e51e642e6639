dialect = "postgres"

table "events" {
  column "id" {
    type = "bigint"
  }
  column "kind" {
    type = "text"
  }
}
