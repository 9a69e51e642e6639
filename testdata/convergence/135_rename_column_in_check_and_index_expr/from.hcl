dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "mail" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
  check "users_mail_check" {
    expr = "mail LIKE '%@%'"
  }
  index "users_lower_mail_idx" {
    on {
      expr = "lower(mail)"
    }
    unique = true
    where  = "mail <> ''"
  }
}
