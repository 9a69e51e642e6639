package schema_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/schema"
)

// TestIdentitySequenceOptionsDiagnostics: issue 9 item 6. SQL Server's
// IDENTITY(seed, increment) has no other sequence option, so each is refused
// where it is written; on PostgreSQL, options CREATE SEQUENCE would refuse are
// refused with the server's reason.
func TestIdentitySequenceOptionsDiagnostics(t *testing.T) {
	for _, tt := range []struct {
		name, file, src string
		want            []string
	}{
		{
			name: "sql server refuses the postgres options",
			file: "s.hcl",
			src: `dialect = "sqlserver"
table "t" {
  column "id" {
    type = "int"
    identity {
      seed      = 5
      min_value = 0
      max_value = 10
      cache     = 2
      cycle     = true
    }
  }
}
`,
			want: []string{
				"s.hcl:7:7: table dbo.t column id: identity min_value is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.hcl:8:7: table dbo.t column id: identity max_value is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.hcl:9:7: table dbo.t column id: identity cache is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.hcl:10:7: table dbo.t column id: identity cycle is a PostgreSQL option (remove it: SQL Server has no such option)",
			},
		},
		{
			name: "postgres bounds that CREATE SEQUENCE refuses",
			file: "s.yaml",
			src: `dialect: postgres
tables:
  - name: t
    columns:
      - {name: a, type: int, identity: {seed: -300, min_value: -200, max_value: 200, cache: -1}}
      - {name: b, type: int, identity: {seed: 300, min_value: 5, max_value: 5}}
`,
			want: []string{
				"s.yaml:5:41: table public.t column a: identity seed -300 is less than min_value -200 (make seed at least min_value (START value cannot be less than MINVALUE))",
				"s.yaml:5:86: table public.t column a: identity cache must be at least 1, not -1 (write cache = 1 or more)",
				"s.yaml:6:41: table public.t column b: identity seed 300 is greater than max_value 5 (make seed at most max_value (START value cannot be greater than MAXVALUE))",
				"s.yaml:6:52: table public.t column b: identity min_value 5 must be less than max_value 5 (make min_value less than max_value)",
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) { assertDiagnostics(t, tt.file, tt.src, tt.want) })
	}
}

// TestIdentitySequenceOptionsCanonical: issue 9 item 6. HCL and YAML load the
// same options, and Normalize leaves out what PostgreSQL's defaults say
// (bounds of the type and direction, cache 1) and fills the default start.
func TestIdentitySequenceOptionsCanonical(t *testing.T) {
	i64 := func(n int64) *int64 { return &n }
	for _, tt := range []struct {
		name, hcl, yaml string
		want            schema.Identity
	}{
		{
			name: "every option",
			hcl:  `identity {  seed = -200  increment = 10  min_value = -200  max_value = 200  cache = 5  cycle = true  }`,
			yaml: `{seed: -200, increment: 10, min_value: -200, max_value: 200, cache: 5, cycle: true}`,
			want: schema.Identity{Seed: -200, Increment: 10, MinValue: i64(-200), MaxValue: i64(200), Cache: 5, Cycle: true},
		},
		{
			name: "defaults spelled out",
			hcl:  `identity {  seed = 1  min_value = 1  max_value = 2147483647  cache = 1  }`,
			yaml: `{seed: 1, min_value: 1, max_value: 2147483647, cache: 1}`,
			want: schema.Identity{Seed: 1, Increment: 1},
		},
		{
			name: "start defaults to the minimum",
			hcl:  `identity {  min_value = -5  }`,
			yaml: `{min_value: -5}`,
			want: schema.Identity{Seed: -5, Increment: 1, MinValue: i64(-5)},
		},
		{
			name: "descending: start and bounds follow the direction",
			hcl:  `identity {  increment = -1  min_value = -2147483648  max_value = -1  }`,
			yaml: `{increment: -1, min_value: -2147483648, max_value: -1}`,
			want: schema.Identity{Seed: -1, Increment: -1},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"s.hcl":  "dialect = \"postgres\"\ntable \"t\" {\n  column \"id\" {\n    type = \"int\"\n    " + strings.ReplaceAll(tt.hcl, "  ", "\n") + "\n  }\n}\n",
				"s.yaml": "dialect: postgres\ntables:\n  - name: t\n    columns:\n      - {name: id, type: int, identity: " + tt.yaml + "}\n",
			}
			for name, src := range files {
				path := filepath.Join(dir, name)
				if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
				db, err := schema.Load(schema.LoadOptions{}, path)
				if err == nil {
					db, err = schema.Normalize(db)
				}
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if diff := cmp.Diff(&tt.want, db.Tables[0].Columns[0].Identity); diff != "" {
					t.Errorf("%s (-want +got):\n%s", name, diff)
				}
			}
		})
	}
}

// TestWriteKeepsIdentityOptionsAndUsing: issue 9 items 6 and 7. fmt and
// inspect write every identity sequence option, and fmt keeps a column's
// using and using_down: HCL and YAML written from a schema load back equal.
func TestWriteKeepsIdentityOptionsAndUsing(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "s.hcl")
	if err := os.WriteFile(src, []byte(`dialect = "postgres"
table "t" {
  column "id" {
    type = "bigint"
    identity {
      seed      = -200
      increment = 10
      min_value = -200
      max_value = 200
      cache     = 5
      cycle     = true
    }
  }
  column "at" {
    type       = "timestamptz"
    using      = "to_timestamp(at)"
    using_down = "extract(epoch from at)::bigint"
  }
}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	load := func(path string) *schema.Database {
		t.Helper()
		db, err := schema.Load(schema.LoadOptions{}, path)
		if err != nil {
			t.Fatalf("load %s: %v", path, err)
		}
		return db
	}
	want := load(src)
	for _, w := range []struct {
		ext   string
		write func(*os.File, *schema.Database) error
	}{
		{"hcl", func(f *os.File, db *schema.Database) error { return schema.WriteHCL(f, db) }},
		{"yaml", func(f *os.File, db *schema.Database) error { return schema.WriteYAML(f, db) }},
	} {
		path := filepath.Join(dir, "out."+w.ext)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.write(f, want); err != nil {
			t.Fatal(err)
		}
		f.Close()
		got := load(path)
		if d := cmp.Diff(want.Tables[0].Columns, got.Tables[0].Columns, cmp.FilterPath(func(p cmp.Path) bool {
			return p.Last().String() == ".Pos"
		}, cmp.Ignore())); d != "" {
			t.Errorf("%s written and loaded back (-want +got):\n%s", w.ext, d)
		}
	}
}
