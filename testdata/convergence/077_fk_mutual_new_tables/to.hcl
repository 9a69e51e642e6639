dialect = "postgres"

table "departments" {
  column "id" {
    type = "integer"
  }
  column "manager_id" {
    type = "integer"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "departments_manager_id_fkey" {
    columns     = ["manager_id"]
    ref_table   = "employees"
    ref_columns = ["id"]
    on_delete   = "SET NULL"
  }
}

table "employees" {
  column "id" {
    type = "integer"
  }
  column "department_id" {
    type = "integer"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "employees_department_id_fkey" {
    columns     = ["department_id"]
    ref_table   = "departments"
    ref_columns = ["id"]
  }
}
