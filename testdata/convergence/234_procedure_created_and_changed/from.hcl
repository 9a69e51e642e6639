dialect = "postgres"

table "counters" {
  column "name" {
    type = "text"
  }
  column "n" {
    type = "integer"
  }
  primary_key {
    columns = ["name"]
  }
}

procedure "bump" {
  args     = ["counter text"]
  language = "sql"
  body     = "UPDATE counters SET n = n + 1 WHERE name = counter"
}
