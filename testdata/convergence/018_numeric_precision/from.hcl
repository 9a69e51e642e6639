dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "numeric(10,2)"
  }
  primary_key {
    columns = ["id"]
  }
}
