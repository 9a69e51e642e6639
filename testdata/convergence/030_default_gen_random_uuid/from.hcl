dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "uuid"
  }
  primary_key {
    columns = ["id"]
  }
}
