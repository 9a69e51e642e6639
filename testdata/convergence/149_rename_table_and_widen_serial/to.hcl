dialect = "postgres"

table "customers" {
  renamed_from = "customer"

  column "id" {
    type = "bigserial"
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
