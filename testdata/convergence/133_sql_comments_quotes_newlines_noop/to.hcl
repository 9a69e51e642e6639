dialect = "postgres"

table "notes" {
  comment = "It's \"quoted\"\nand spans two lines"
  column "id" {
    type = "integer"
  }
  column "body" {
    type    = "text"
    null    = true
    comment = "Tab\there \\ back slash — ünïcode"
  }
  primary_key {
    columns = ["id"]
  }
}
