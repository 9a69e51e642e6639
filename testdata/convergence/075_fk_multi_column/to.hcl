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
  foreign_key "tasks_project_fkey" {
    columns     = ["tenant_id", "project_id"]
    ref_table   = "projects"
    ref_columns = ["tenant_id", "id"]
    on_delete   = "CASCADE"
  }
}
