dialect = "postgres"

sequence "ticket_numbers" {
  start = 1000
}

table "tickets" {
  column "id" {
    type = "integer"
  }
  column "number" {
    type    = "bigint"
    default = sql("nextval('ticket_numbers')")
  }
  column "created_utc" {
    type    = "timestamp"
    default = sql("timezone('utc', now())")
  }
  column "local_at" {
    type    = "timestamp"
    null    = true
    default = sql("LOCALTIMESTAMP")
  }
  column "at_time" {
    type    = "time with time zone"
    null    = true
    default = sql("CURRENT_TIME")
  }
  column "note" {
    type    = "text"
    default = ""
  }
  column "day" {
    type    = "date"
    null    = true
    default = sql("now()::date")
  }
  column "maybe" {
    type    = "integer"
    null    = true
    default = sql("NULL")
  }
  column "by_user" {
    type    = "text"
    null    = true
    default = sql("CURRENT_USER")
  }
  column "ts6" {
    type    = "timestamptz"
    null    = true
    default = sql("statement_timestamp()")
  }
  primary_key {
    columns = ["id"]
  }
}
