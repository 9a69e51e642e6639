dialect = "postgres"

extension "hstore" {}

table "items" {
  column "id" {
    type = "integer"
  }
  column "attrs" {
    type = "hstore"
    null = true
  }
}
