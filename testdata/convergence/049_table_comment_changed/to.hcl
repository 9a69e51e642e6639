dialect = "postgres"

table "notes" {
  comment = "Notes written by support staff"

  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}
