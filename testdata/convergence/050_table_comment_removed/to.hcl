dialect = "postgres"

table "notes" {

  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}
