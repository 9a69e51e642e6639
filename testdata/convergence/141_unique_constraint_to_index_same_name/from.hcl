dialect = "postgres"

table "members" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
  unique "members_email_key" {
    columns = ["email"]
  }
}
