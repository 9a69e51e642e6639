dialect = "postgres"

table "docs" {
  column "id" {
    type = "integer"
  }
  column "body" {
    type = "text"
  }
  column "meta" {
    type = "jsonb"
  }
  column "title" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
