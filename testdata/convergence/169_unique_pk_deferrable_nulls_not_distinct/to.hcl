dialect = "postgres"

table "seats" {
  column "id" {
    type = "integer"
  }
  column "row_no" {
    type = "integer"
  }
  column "seat_no" {
    type = "integer"
  }
  column "ticket" {
    type = "text"
    null = true
  }
  column "holder" {
    type = "text"
    null = true
  }
  primary_key {
    columns    = ["id"]
    deferrable = true
    comment    = "seat identity"
  }
  unique "seats_row_no_seat_no_key" {
    columns            = ["row_no", "seat_no"]
    initially_deferred = true
  }
  unique "seats_ticket_key" {
    columns            = ["ticket"]
    nulls_not_distinct = true
  }
  unique "seats_holder_key" {
    columns = ["holder"]
    comment = "one seat per holder"
  }
}
