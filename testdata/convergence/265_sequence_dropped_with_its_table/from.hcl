dialect = "postgres"

sequence "invoice_no" {
  owned_by = "invoices.no"
}

table "invoices" {
  column "no" {
    type    = "text"
    default = sql("'INV-' || nextval('invoice_no')")
  }
}

table "keep" {
  column "id" {
    type = "integer"
  }
}
