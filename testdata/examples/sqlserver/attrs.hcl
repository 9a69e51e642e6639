dialect = "sqlserver"

# Every SQL Server attribute of keys, constraints and indexes the model holds.
# introspect/testdata/sqlserver/attrs.sql creates this database; attrs.json is
# what its catalog reads, and must compare equal to this file.

table "tenants" {
  column "id" {
    type = "int"
  }

  primary_key {
    columns = ["id"]
  }
}

table "events" {
  column "id" {
    type = "bigint"
    identity {
      not_for_replication = true
    }
  }
  column "tenant_id" {
    type = "int"
  }
  column "occurred_at" {
    type = "datetime2"
  }
  column "kind" {
    type = "nvarchar(20)"
  }
  column "amount" {
    type = "decimal(18,2)"
  }

  primary_key {
    columns = ["tenant_id", "occurred_at", "id"]
    desc    = ["occurred_at"]
  }
  unique "uq_events_kind" {
    columns = ["kind", "id"]
    desc    = ["kind"]
  }
  foreign_key "fk_events_tenant" {
    columns     = ["tenant_id"]
    ref_table   = "tenants"
    ref_columns = ["id"]
    nocheck     = true
  }
  check "ck_events_amount" {
    expr                = "amount >= 0"
    not_for_replication = true
  }
  check "ck_events_kind" {
    expr    = "kind <> ''"
    nocheck = true
  }
  check "ck_events_recent" {
    expr     = "occurred_at > '2000-01-01'"
    disabled = true
  }
  index "ix_events_kind" {
    columns          = ["kind"]
    fill_factor      = 80
    pad_index        = true
    data_compression = "PAGE"
  }
  index "ix_events_tenant_kind" {
    columns          = ["tenant_id", "kind", "id"]
    unique           = true
    ignore_dup_key   = true
    data_compression = "ROW"
  }
  index "ncci_events" {
    columns     = ["tenant_id", "amount"]
    columnstore = true
  }
}

table "facts" {
  column "day" {
    type = "date"
  }
  column "value" {
    type = "bigint"
  }

  index "cci_facts" {
    columnstore      = true
    clustered        = true
    data_compression = "COLUMNSTORE_ARCHIVE"
  }
}
