dialect = "postgres"

table "accounts" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "name" {
    type = "text"
  }
  column "created_at" {
    type    = "timestamptz"
    default = sql("now()")
  }
  primary_key {
    columns = ["id"]
  }
}
