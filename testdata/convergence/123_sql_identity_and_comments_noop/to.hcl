dialect = "postgres"

schema "billing" {
  comment = "Money matters"
}

table "invoices" {
  schema  = "billing"
  comment = "One row per invoice sent"

  column "id" {
    type = "bigint"
    identity {
      always    = true
      seed      = 100
      increment = 10
    }
  }
  column "number" {
    type      = "varchar(30)"
    collation = "C"
    comment   = "Printed on the invoice"
  }
  column "note" {
    type = "text"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
}
