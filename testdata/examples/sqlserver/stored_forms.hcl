# The tables of introspect/testdata/sqlserver/stored_forms.sql, written the
# natural way. SQL Server stores these definitions in its own form (an IN list
# as a reversed OR chain, CAST as CONVERT with a style, rowversion as
# timestamp, defaults and predicates bracketed and parenthesised, unnamed
# constraints with generated names); the recording of that database must
# compare equal to this file (cmd/schemadiff TestSQLServerStoredForms).
dialect = "sqlserver"

table "accounts" {
  column "id" {
    type = "int"
    identity {}
  }
  column "status" {
    type    = "nvarchar(20)"
    default = "active"
  }
  column "code" {
    type = "nvarchar(10)"
  }
  column "is_deleted" {
    type    = "bit"
    default = 0
  }
  column "is_active" {
    type         = "bit"
    default      = 1
    default_name = "df_accounts_is_active"
  }
  column "created_at" {
    type    = "datetime"
    default = sql("GETDATE()")
  }
  column "public_id" {
    type    = "uniqueidentifier"
    default = sql("NEWID()")
  }
  column "starts_on" {
    type    = "date"
    default = "2020-01-01"
  }
  column "due_text" {
    type = "varchar(30)"
    null = true
  }
  column "due_at" {
    computed { expr = "CAST(due_text AS datetime)" }
  }
  column "row_version" {
    type = "rowversion"
  }
  column "email" {
    type = "nvarchar(320)"
    null = true
  }

  primary_key {
    columns   = ["id"]
    clustered = true
  }
  check {
    expr = "status IN ('active', 'invited')"
  }
  check "ck_accounts_code" {
    expr = "CAST(code AS int) > 0"
  }
  index "ix_accounts_active" {
    columns = ["status"]
    where   = "is_deleted = 0"
  }
  index "ix_accounts_email" {
    columns = ["email"]
    unique  = true
    where   = "email IS NOT NULL"
  }
}

table "documents" {
  column "id" { type = "int" }
  column "body" {
    type = "xml"
    null = true
  }
  primary_key {
    name      = "pk_documents"
    columns   = ["id"]
    clustered = true
  }
  index "ncci_documents" {
    columns     = ["id"]
    columnstore = true
  }
}

table "places" {
  column "id" { type = "int" }
  column "node" {
    type = "hierarchyid"
    null = true
  }
  column "location" {
    type = "geography"
    null = true
  }
  primary_key {
    name      = "pk_places"
    columns   = ["id"]
    clustered = true
  }
}
