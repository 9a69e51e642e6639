dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}
