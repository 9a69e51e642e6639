dialect = "postgres"

table "projects" {
  column "tenant_id" {
    type = "integer"
  }
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["tenant_id", "id"]
  }
}

table "tasks" {
  column "tenant_id" {
    type = "integer"
  }
  column "id" {
    type = "integer"
  }
  column "project_id" {
    type = "integer"
  }
  primary_key {
    columns = ["tenant_id", "id"]
  }
}
