dialect = "postgres"

schema "app" {
  comment = "the application"
}

enum "mood" {
  values  = ["ok", "bad"]
  comment = "how it went"
}

enum "level" {
  schema  = "app"
  values  = ["low", "high"]
  comment = "new words"
}

table "t" {
  schema = "app"
  column "id" {
    type = "integer"
  }
  column "m" {
    type = "mood"
  }
  column "l" {
    type = "app.level"
  }
  primary_key {
    columns = ["id"]
  }
}
