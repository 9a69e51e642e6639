dialect = "postgres"

table "notes" {
  column "id" {
    type = "integer"
  }
  column "body" {
    type    = "text"
    storage = "external"
  }
  primary_key {
    columns = ["id"]
  }
}
