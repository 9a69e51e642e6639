dialect = "postgres"

table "reservations" {
  column "id" {
    type = "integer"
  }
  column "span" {
    type = "int4range"
  }
  column "note" {
    type = "text"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
}
