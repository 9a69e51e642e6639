package schema_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestSourceTextKept checks that Normalize keeps each expression as the user
// wrote it beside its canonical form, that a second Normalize keeps it, and
// that the writers print it (so a written schema reads back the same).
func TestSourceTextKept(t *testing.T) {
	const src = `dialect = "sqlserver"
table "users" {
  column "id" {
    type    = "uniqueidentifier"
    default = sql("NEWID()")
  }
  column "status" { type = "nvarchar(20)" }
  column "is_deleted" { type = "bit" }
  column "qty" { type = "int" }
  column "double_qty" {
    computed {
      expr      = "[qty] * 2"
      persisted = true
    }
  }
  primary_key { columns = ["id"] }
  check "ck_users_status" {
    expr = "status IN ('active', 'invited')"
  }
  index "ix_users_status" {
    columns = ["status"]
    where   = "is_deleted = 0 AND status <> 'invited'"
  }
}
`
	dir := writeFiles(t, map[string]string{"s.hcl": src})
	loaded, err := schema.Load(schema.LoadOptions{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	once, err := schema.Normalize(loaded)
	if err != nil {
		t.Fatal(err)
	}
	twice, err := schema.Normalize(once)
	if err != nil {
		t.Fatal(err)
	}
	for _, db := range []*schema.Database{once, twice} {
		tbl := db.Tables[0]
		for _, tc := range []struct {
			what              string
			source, canonical string
			wantSource        string
		}{
			{"default", string(tbl.Column("id").Default.Source), tbl.Column("id").Default.Value, "NEWID()"},
			{"computed", string(tbl.Column("double_qty").Computed.Source), tbl.Column("double_qty").Computed.Expr, "[qty] * 2"},
			{"check", string(tbl.Checks[0].Source), tbl.Checks[0].Expr, "status IN ('active', 'invited')"},
			{"where", string(tbl.Indexes[0].WhereSource), tbl.Indexes[0].Where, "is_deleted = 0 AND status <> 'invited'"},
		} {
			if tc.source != tc.wantSource {
				t.Errorf("%s source = %q, want %q", tc.what, tc.source, tc.wantSource)
			}
			if tc.canonical == tc.wantSource {
				t.Errorf("%s canonical form %q is the source text: the test no longer shows they differ", tc.what, tc.canonical)
			}
		}
	}

	for name, write := range map[string]func(*bytes.Buffer, *schema.Database) error{
		"hcl":  func(b *bytes.Buffer, db *schema.Database) error { return schema.WriteHCL(b, db) },
		"yaml": func(b *bytes.Buffer, db *schema.Database) error { return schema.WriteYAML(b, db) },
	} {
		var b bytes.Buffer
		if err := write(&b, once); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, want := range []string{"NEWID()", "[qty] * 2", "status IN ('active', 'invited')", "is_deleted = 0 AND status <> 'invited'"} {
			if !strings.Contains(b.String(), want) {
				t.Errorf("%s writer does not print %q:\n%s", name, want, b.String())
			}
		}
	}
}

// TestSourceTextIgnoredByComparisons checks that two models that differ only
// in source texts compare equal (go-cmp honours SourceText.Equal).
func TestSourceTextIgnoredByComparisons(t *testing.T) {
	a := schema.Check{Name: "ck", Expr: "a > 0", Source: "a > 0"}
	b := schema.Check{Name: "ck", Expr: "a > 0", Source: "([a]>(0))"}
	if !a.Source.Equal(b.Source) {
		t.Error("SourceText.Equal reports a difference")
	}
	if got := schema.SourceText("").Or("a > 0"); got != "a > 0" {
		t.Errorf("empty source: Or = %q, want the canonical text", got)
	}
	if got := b.Source.Or(b.Expr); got != "([a]>(0))" {
		t.Errorf("Or = %q, want the source text", got)
	}
}
