dialect = "postgres"

table "user" {
  column "id" {
    type = "integer"
  }
  column "Group" {
    type = "varchar(50)"
  }
  column "CamelCase" {
    type    = "integer"
    default = 1
  }
  primary_key {
    columns = ["id"]
  }
  check "user_CamelCase_check" {
    expr = "\"CamelCase\" > 0"
  }
  index "user_Group_idx" {
    columns = ["Group"]
  }
}

table "Order" {
  column "id" {
    type = "integer"
  }
  column "userId" {
    type = "integer"
  }
  column "valid_from" {
    type         = "date"
    renamed_from = "from"
  }
  column "to" {
    type = "date"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "Order_userId_fkey" {
    columns     = ["userId"]
    ref_table   = "user"
    ref_columns = ["id"]
  }
  check "Order_range_check" {
    expr = "\"to\" IS NULL OR \"to\" >= valid_from"
  }
}
