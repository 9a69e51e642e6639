# The users table of seed 002 (an Alembic revision for SQL Server) and the
# tenants table it references. Every column, constraint and index of the
# revision is here; ix_users_active, which the revision creates twice, once.
dialect = "sqlserver"

table "tenants" {
  column "id" {
    type    = "uniqueidentifier"
    default = sql("NEWID()")
  }
  column "index_id" {
    type = "bigint"
    identity {}
  }
  column "name" {
    type = "nvarchar(255)"
  }
  column "created_at" {
    type    = "datetime2"
    default = sql("GETDATE()")
  }
  column "is_deleted" {
    type    = "bit"
    default = false
  }

  primary_key {
    columns   = ["id"]
    clustered = false
  }
  index "ix_tenants_index_id" {
    columns   = ["index_id"]
    unique    = true
    clustered = true
  }
}

table "users" {
  schema = "dbo"

  # BaseEntity fields
  column "id" {
    type    = "uniqueidentifier"
    default = sql("NEWID()")
  }
  column "index_id" {
    type = "bigint"
    identity {}
  }
  column "tenant_id" {
    type = "uniqueidentifier"
  }
  column "created_at" {
    type    = "datetime2"
    default = sql("GETDATE()")
  }
  column "updated_at" {
    type    = "datetime2"
    default = sql("GETDATE()")
  }
  column "is_deleted" {
    type    = "bit"
    default = false
  }

  # User-specific fields
  column "identity_provider" {
    type = "nvarchar(50)"
  }
  column "identity_provider_id" {
    type = "nvarchar(255)"
  }
  column "email" {
    type = "nvarchar(255)"
  }
  column "display_name" {
    type = "nvarchar(255)"
  }
  column "last_login_at" {
    type = "datetime2"
    null = true
  }
  column "login_count" {
    type    = "int"
    default = 0
  }
  column "total_usage_minutes" {
    type    = "int"
    default = 0
  }
  column "last_session_start" {
    type = "datetime2"
    null = true
  }
  column "last_active_at" {
    type = "datetime2"
    null = true
  }
  column "status" {
    type    = "nvarchar(20)"
    default = "active"
  }
  column "user_metadata" {
    type = "nvarchar(4000)"
    null = true
  }

  primary_key {
    columns   = ["id"]
    clustered = false
  }
  foreign_key "fk_users_tenant" {
    columns     = ["tenant_id"]
    ref_table   = "tenants"
    ref_columns = ["id"]
  }
  check "ck_users_status" {
    expr = "status IN ('active', 'invited', 'suspended', 'pending_verification')"
  }
  check "ck_users_identity_provider" {
    expr = "identity_provider IN ('entra_id', 'google', 'email', 'github')"
  }

  index "ix_users_index_id" {
    columns   = ["index_id"]
    unique    = true
    clustered = true
  }
  index "ix_users_active" {
    columns = ["is_deleted"]
    where   = "is_deleted = 0"
  }
  index "ix_users_tenant_active" {
    columns = ["tenant_id", "is_deleted", "index_id"]
    where   = "is_deleted = 0"
  }
  index "ix_users_tenant_id_lookup" {
    columns = ["tenant_id", "id"]
    where   = "is_deleted = 0"
  }
  index "ix_users_tenant_email" {
    columns = ["tenant_id", "email"]
    unique  = true
    where   = "is_deleted = 0"
  }
  index "ix_users_identity_provider" {
    columns = ["identity_provider", "identity_provider_id"]
    unique  = true
    where   = "is_deleted = 0"
  }
  index "ix_users_tenant_status" {
    columns = ["tenant_id", "status"]
    where   = "is_deleted = 0"
  }
  index "ix_users_tenant_last_login" {
    on {
      column = "tenant_id"
    }
    on {
      column = "last_login_at"
    }
    include = ["email"]
    where   = "is_deleted = 0"
  }
}
