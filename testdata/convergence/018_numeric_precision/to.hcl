dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "numeric(14,4)"
  }
  primary_key {
    columns = ["id"]
  }
}
