dialect = "postgres"

table "documents" {
  column "id" { type = "bigint" }
  column "tenant" { type = "text" }
  column "body" {
    type = "text"
    null = true
  }
  primary_key { columns = ["id"] }
}
