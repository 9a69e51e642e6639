dialect = "postgres"

extension "btree_gist" {}

table "bookings" {
  column "id" {
    type = "integer"
  }
  column "room" {
    type = "integer"
  }
  column "during" {
    type = "tsrange"
  }
  primary_key {
    columns = ["id"]
  }
  exclude "bookings_no_overlap" {
    element {
      column   = "room"
      operator = "="
    }
    element {
      column   = "during"
      operator = "&&"
    }
    where      = "room > 0"
    deferrable = true
  }
}
