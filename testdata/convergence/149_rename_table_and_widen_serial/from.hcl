dialect = "postgres"

table "customer" {
  column "id" {
    type = "serial"
  }
  column "email" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
  index {
    columns = ["email"]
  }
}
