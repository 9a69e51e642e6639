dialect = "postgres"

table "notes" {
  comment = "Free-form notes"

  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}
