dialect = "postgres"

table "customer_subscription_billing_history_entries_archive" {
  column "id" {
    type = "integer"
  }
  column "subscription_identifier_for_external_payment_provider" {
    type   = "text"
    unique = true
  }
  column "amount_in_smallest_currency_unit_including_all_taxes" {
    type = "integer"
    null = true
  }
  column "parent_entry_identifier_referencing_same_table" {
    type = "integer"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key {
    columns     = ["parent_entry_identifier_referencing_same_table"]
    ref_table   = "customer_subscription_billing_history_entries_archive"
    ref_columns = ["id"]
  }
  check {
    expr = "amount_in_smallest_currency_unit_including_all_taxes >= 0"
  }
  index {
    columns = ["parent_entry_identifier_referencing_same_table", "amount_in_smallest_currency_unit_including_all_taxes"]
  }
  index {
    columns = ["parent_entry_identifier_referencing_same_table", "amount_in_smallest_currency_unit_including_all_taxes"]
  }
}
