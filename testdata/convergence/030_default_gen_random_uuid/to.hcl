dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "uuid"
    default = sql("gen_random_uuid()")
  }
  primary_key {
    columns = ["id"]
  }
}
