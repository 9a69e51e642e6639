dialect = "postgres"

table "events" {
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
