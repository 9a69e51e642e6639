package schema_test

import (
	"slices"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestPgAttrsDiagnostics checks the errors about the PostgreSQL index and
// constraint attributes: each is PostgreSQL-only on SQL Server, operator
// classes and storage parameters must be well formed, nulls_not_distinct
// needs a unique index; in HCL and YAML, at the attribute's position.
func TestPgAttrsDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		name, file, src string
		want            []string
	}{
		{"postgres only on sql server", "s.hcl", `dialect = "sqlserver"
table "t" {
  column "id" {
    type = "int"
  }
  column "a" {
    type = "nvarchar(10)"
  }
  primary_key {
    columns    = ["id"]
    deferrable = true
  }
  unique "t_a_key" {
    columns            = ["a"]
    nulls_not_distinct = true
  }
  check "t_id_check" {
    expr      = "id > 0"
    not_valid = true
  }
  index "t_a_idx" {
    on {
      column  = "a"
      opclass = "text_pattern_ops"
    }
    with = ["fillfactor=70"]
  }
}
`, []string{
			`s.hcl:11:5: table dbo.t primary key: deferrable is a PostgreSQL option (remove it: SQL Server has no such option)`,
			`s.hcl:15:5: table dbo.t unique t_a_key: nulls_not_distinct is a PostgreSQL option (remove it: SQL Server has no such option)`,
			`s.hcl:19:5: table dbo.t check t_id_check: not_valid is a PostgreSQL option (remove it: SQL Server has no such option)`,
			`s.hcl:24:7: table dbo.t index t_a_idx: parts.0.opclass is a PostgreSQL option (remove it: SQL Server has no such option)`,
			`s.hcl:26:13: table dbo.t index t_a_idx: with is a PostgreSQL option (remove it: SQL Server has no such option)`,
		}},
		{"bad operator class, storage parameter and nulls_not_distinct", "s.yaml", `dialect: postgres
tables:
  - name: t
    columns:
      - {name: a, type: text}
    indexes:
      - name: t_a_idx
        on:
          - {column: a, opclass: "text_pattern_ops; drop table t"}
        with: ["fillfactor=70", "fillfactor"]
        nulls_not_distinct: true
`, []string{
			`s.yaml:9:25: table public.t index t_a_idx: invalid operator class "text_pattern_ops; drop table t" (write an operator class name, with parameters in parentheses if it takes any, e.g. "text_pattern_ops" or "tsvector_ops(siglen=32)")`,
			`s.yaml:10:33: table public.t index t_a_idx: invalid storage parameter "fillfactor" (entry 2) (write each storage parameter as "name=value", e.g. "fillfactor=70")`,
			`s.yaml:11:9: table public.t index t_a_idx: nulls_not_distinct applies to unique indexes only (add unique = true, or remove nulls_not_distinct)`,
		}},
		{"well formed", "s.hcl", `dialect = "postgres"
table "t" {
  column "a" {
    type = "tsvector"
  }
  index "t_a_idx" {
    on {
      column  = "a"
      opclass = "tsvector_ops (siglen = '32')"
    }
    using = "gist"
    with  = ["BUFFERING = auto"]
  }
}
`, []string{"<nil>"}},
	} {
		t.Run(tc.name, func(t *testing.T) { assertDiagnostics(t, tc.file, tc.src, tc.want) })
	}
}

// TestPgAttrsCanonical checks the canonical spellings of operator classes
// and storage parameters, and that INITIALLY DEFERRED implies DEFERRABLE.
func TestPgAttrsCanonical(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"text_pattern_ops", "text_pattern_ops"},
		{"TSVECTOR_OPS (siglen = '32')", "tsvector_ops(siglen=32)"},
		{`gist_trgm_ops("siglen"=64)`, "gist_trgm_ops(siglen=64)"},
	} {
		if got := schema.CanonicalOpclass(tc.in); got != tc.want {
			t.Errorf("CanonicalOpclass(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	got := schema.CanonicalStorageParams([]string{"fillfactor = 70", "FASTUPDATE=off", "deduplicate_items='on'", "buffering=auto"})
	want := []string{"buffering=auto", "deduplicate_items=true", "fastupdate=false", "fillfactor=70"}
	if !slices.Equal(got, want) {
		t.Errorf("CanonicalStorageParams = %q, want %q", got, want)
	}
	db, err := schema.Normalize(&schema.Database{Dialect: schema.Postgres, Tables: []*schema.Table{{Schema: "public", Name: "t",
		Columns:     []*schema.Column{{Name: "a", Type: "integer"}},
		PrimaryKey:  &schema.PrimaryKey{Name: "t_pkey", Columns: []string{"a"}, InitiallyDeferred: true},
		Uniques:     []*schema.Unique{{Name: "t_a_key", Columns: []string{"a"}, InitiallyDeferred: true}},
		ForeignKeys: []*schema.ForeignKey{{Name: "t_a_fkey", Columns: []string{"a"}, RefTable: "t", RefColumns: []string{"a"}, InitiallyDeferred: true}},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	tb := db.Tables[0]
	if !tb.PrimaryKey.Deferrable || !tb.Uniques[0].Deferrable || !tb.ForeignKeys[0].Deferrable {
		t.Errorf("INITIALLY DEFERRED without DEFERRABLE: primary key %v, unique %v, foreign key %v",
			tb.PrimaryKey.Deferrable, tb.Uniques[0].Deferrable, tb.ForeignKeys[0].Deferrable)
	}
}
