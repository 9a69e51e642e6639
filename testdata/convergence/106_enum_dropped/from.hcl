dialect = "postgres"

enum "mood" {
  values = ["sad", "ok", "happy"]
}

table "t" {
  column "id" {
    type = "integer"
  }
}
