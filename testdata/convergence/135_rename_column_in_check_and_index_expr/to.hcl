dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type         = "text"
    renamed_from = "mail"
  }
  primary_key {
    columns = ["id"]
  }
  check "users_mail_check" {
    expr = "email LIKE '%@%'"
  }
  index "users_lower_mail_idx" {
    on {
      expr = "lower(email)"
    }
    unique = true
    where  = "email <> ''"
  }
}
