dialect = "postgres"

table "events" {
  unlogged = true
  column "id" {
    type = "integer"
  }
  column "body" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
