dialect = "sqlserver"

# As a user writes it.
table "users" {
  column "id" {
    type = "int"
  }
  column "status" {
    type    = "nvarchar(20)"
    default = "active"
  }
  column "code" {
    type = "nvarchar(10)"
  }
  column "born" {
    type = "date"
    null = true
  }
  column "is_deleted" {
    type    = "bit"
    default = false
  }
  column "created_at" {
    type    = "datetime2"
    default = sql("GETDATE()")
  }
  column "version" {
    type = "rowversion"
  }
  column "born_at" {
    computed {
      expr = "CAST(born AS datetime)"
    }
  }

  primary_key {
    columns = ["id"]
  }
  check "ck_users_status" {
    expr = "status IN ('active', 'invited', 'suspended')"
  }
  check "ck_users_code" {
    expr = "CAST(code AS int) > 0 AND status NOT IN ('banned', 'deleted')"
  }
  index "ix_users_code" {
    columns = ["code"]
    where   = "is_deleted = 0 AND born IS NOT NULL"
  }
}
