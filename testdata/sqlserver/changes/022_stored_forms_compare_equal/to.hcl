dialect = "sqlserver"

# As SQL Server stores it and its catalog returns it.
table "users" {
  column "id" {
    type = "int"
  }
  column "status" {
    type    = "nvarchar(20)"
    default = sql("(N'active')")
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
    default = sql("((0))")
  }
  column "created_at" {
    type    = "datetime2"
    default = sql("(getdate())")
  }
  column "version" {
    type = "timestamp"
  }
  column "born_at" {
    computed {
      expr = "(CONVERT([datetime],[born],(0)))"
    }
  }

  primary_key {
    columns = ["id"]
  }
  check "ck_users_status" {
    expr = "([status]='suspended' OR [status]='invited' OR [status]='active')"
  }
  check "ck_users_code" {
    expr = "(CONVERT([int],[code])>(0) AND ([status]<>'deleted' AND [status]<>'banned'))"
  }
  index "ix_users_code" {
    columns = ["code"]
    where   = "([is_deleted]=(0) AND [born] IS NOT NULL)"
  }
}
