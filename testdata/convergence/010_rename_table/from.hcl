dialect = "postgres"

table "customer" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  primary_key {
    name    = "customer_pkey"
    columns = ["id"]
  }
  index "customer_email_idx" {
    columns = ["email"]
  }
}
