dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "timestamptz"
  }
  primary_key {
    columns = ["id"]
  }
}
