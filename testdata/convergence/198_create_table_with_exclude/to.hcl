dialect = "postgres"

table "keep" {
  column "id" {
    type = "integer"
  }
}

table "rooms" {
  column "during" {
    type = "tstzrange"
  }
  exclude {
    element {
      column   = "during"
      operator = "&&"
    }
    deferrable = true
    comment    = "no overlap"
  }
}
