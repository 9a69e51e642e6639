dialect = "postgres"

table "accounts" {
  column "id" {
    type = "integer"
  }
  column "status" {
    type    = "varchar(20)"
    default = "active"
  }
  column "plan" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
  check "accounts_status_check" {
    expr = "status IN ('active', 'invited', 'suspended')"
  }
  check "accounts_plan_check" {
    expr = "plan = 'free' OR plan = 'pro'"
  }
}
