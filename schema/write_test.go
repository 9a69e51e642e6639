package schema_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schemadiff/schemadiff/schema"
)

var writers = []struct {
	ext   string
	write func(io.Writer, *schema.Database) error
}{
	{".hcl", schema.WriteHCL},
	{".yaml", schema.WriteYAML},
}

// roundTrip writes db with write, loads the file back and returns the model
// and the text.
func roundTrip(t *testing.T, db *schema.Database, ext string, write func(io.Writer, *schema.Database) error) (*schema.Database, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, db); err != nil {
		t.Fatalf("write%s: %v", ext, err)
	}
	path := filepath.Join(t.TempDir(), "out"+ext)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := schema.Load(schema.LoadOptions{}, path)
	if err != nil {
		t.Fatalf("reading back the written %s:\n%s\n%v", ext, buf.String(), err)
	}
	return got, buf.Bytes()
}

func TestWriteRoundTrip(t *testing.T) {
	for _, src := range []string{"testdata/rich/postgres.hcl", "testdata/rich/sqlserver.yaml", "testdata/folder"} {
		want := mustLoad(t, schema.LoadOptions{}, src)
		for _, w := range writers {
			t.Run(filepath.Base(src)+w.ext, func(t *testing.T) {
				got, text := roundTrip(t, want, w.ext, w.write)
				if d := cmp.Diff(want, got, ignorePos); d != "" {
					t.Errorf("round trip through\n%s\nchanged the model (-want +got):\n%s", text, d)
				}
				var again bytes.Buffer
				if err := w.write(&again, got); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(text, again.Bytes()) {
					t.Errorf("second write differs:\n%s\n---\n%s", text, again.Bytes())
				}
			})
		}
	}
}

// Strings that need escaping in HCL or YAML survive a round trip.
func TestWriteEscaping(t *testing.T) {
	tricky := []string{
		`say "hi"`, `back\slash`, "${not_a_var}", "%{not_a_directive}", "two\nlines\ttab",
		"true", "null", "0", "-1", "a: b", "#hash", " lead", "trail ", "[x]", "{x}", "yes", "ünï",
		"", "*star", "&amp", "!tag", "it's", "a, b",
	}
	for _, w := range writers {
		for _, s := range tricky {
			db := &schema.Database{
				Dialect: schema.Postgres,
				Schemas: []*schema.Schema{{Name: "public", Comment: s}},
				Tables: []*schema.Table{{
					Schema:  "public",
					Name:    "t " + s,
					Comment: s,
					Columns: []*schema.Column{
						{Name: "c" + s, Type: "text", Default: &schema.Default{Kind: schema.DefaultString, Value: s}, Comment: s},
						{Name: "e", Type: "text", Default: &schema.Default{Kind: schema.DefaultExpr, Value: "'" + s + "'"}},
					},
					PrimaryKey: &schema.PrimaryKey{Name: "pk" + s, Columns: []string{"c" + s}},
					Checks:     []*schema.Check{{Name: "ck" + s, Expr: "e <> '" + s + "'"}},
				}},
			}
			got, text := roundTrip(t, db, w.ext, w.write)
			if d := cmp.Diff(db, got, ignorePos); d != "" {
				t.Errorf("%s: %q did not survive:\n%s\n(-want +got):\n%s", w.ext, s, text, d)
			}
		}
	}
}

// Attributes at their zero value are left out; index parts are a columns
// list when they can be.
func TestWriteHCLLayout(t *testing.T) {
	db := &schema.Database{
		Dialect: schema.SQLServer,
		Tables: []*schema.Table{{
			Schema: "sales",
			Name:   "orders",
			Columns: []*schema.Column{
				{Name: "id", Type: "int", Identity: &schema.Identity{Seed: 1, Increment: 1}},
				{Name: "total", Type: "decimal(18,2)", Null: true, Default: &schema.Default{Kind: schema.DefaultNumber, Value: "0"}, DefaultName: "df_orders_total"},
			},
			Indexes: []*schema.Index{
				{Name: "ix_a", Parts: []schema.IndexPart{{Column: "id"}, {Column: "total"}}, Clustered: boolPtr(false)},
				{Name: "ix_b", Parts: []schema.IndexPart{{Column: "total", Desc: true}}},
			},
		}},
	}
	want := `dialect = "sqlserver"

table "orders" {
  schema = "sales"

  column "id" {
    type = "int"
    identity {
      seed      = 1
      increment = 1
    }
  }
  column "total" {
    type         = "decimal(18,2)"
    null         = true
    default      = 0
    default_name = "df_orders_total"
  }

  index "ix_a" {
    columns   = ["id", "total"]
    clustered = false
  }

  index "ix_b" {
    on {
      column = "total"
      desc   = true
    }
  }
}
`
	var buf bytes.Buffer
	if err := schema.WriteHCL(&buf, db); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, buf.String()); d != "" {
		t.Errorf("WriteHCL (-want +got):\n%s", d)
	}
}
