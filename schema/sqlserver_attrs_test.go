package schema_test

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/schema"
)

// TestSQLServerAttrDiagnostics: the SQL Server attributes are refused on
// PostgreSQL, and checked on SQL Server, each at its file:line:col.
func TestSQLServerAttrDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		file string
		src  string
		want []string
	}{
		{
			name: "postgres refuses every sql server attribute",
			file: "s.hcl",
			src: `dialect = "postgres"
table "t" {
  column "id" {
    type = "int"
    identity {
      not_for_replication = true
    }
  }
  primary_key {
    columns = ["id"]
    desc    = ["id"]
  }
  check "c" {
    expr                = "id > 0"
    nocheck             = true
    not_for_replication = true
  }
  index "i" {
    columns          = ["id"]
    fill_factor      = 70
    data_compression = "PAGE"
    columnstore      = true
  }
}
`,
			want: []string{
				"s.hcl:6:7: table public.t column id: identity not_for_replication is a SQL Server option (remove it: PostgreSQL has no such option)",
				"s.hcl:11:16: table public.t primary key: desc is a SQL Server option (remove it: PostgreSQL has no such option)",
				"s.hcl:15:5: table public.t check c: nocheck is a SQL Server option (remove it: PostgreSQL has no such option)",
				"s.hcl:16:5: table public.t check c: not_for_replication is a SQL Server option (remove it: PostgreSQL has no such option)",
				"s.hcl:20:5: table public.t index i: fill_factor is a SQL Server option (remove it: PostgreSQL has no such option)",
				"s.hcl:21:5: table public.t index i: data_compression is a SQL Server option (remove it: PostgreSQL has no such option)",
				"s.hcl:22:5: table public.t index i: columnstore is a SQL Server option (remove it: PostgreSQL has no such option)",
			},
		},
		{
			name: "sql server index options and columnstore rules",
			file: "s.yaml",
			src: `dialect: sqlserver
tables:
  - name: t
    columns: [{name: id, type: int}, {name: v, type: int}]
    primary_key: {columns: [id], desc: [v]}
    indexes:
      - {name: i1, columns: [v], fill_factor: 101, ignore_dup_key: true, data_compression: zip}
      - {name: i2, columnstore: true, clustered: true, columns: [v]}
      - {name: i3, columnstore: true}
      - {name: i4, columnstore: true, columns: [v], unique: true}
`,
			want: []string{
				`s.yaml:5:41: table dbo.t primary key: desc names "v", which is not a key column (list in desc only columns that columns lists)`,
				"s.yaml:7:34: table dbo.t index i1: fill_factor 101 is out of range (use a percentage from 1 to 100)",
				"s.yaml:7:52: table dbo.t index i1: ignore_dup_key applies only to a unique index (make the index unique = true, or remove ignore_dup_key)",
				`s.yaml:7:74: table dbo.t index i1: invalid data_compression "zip" for this index (use one of NONE, ROW, PAGE)`,
				"s.yaml:8:20: table dbo.t index i2: a clustered columnstore index takes no columns and no filter (remove columns and where: a clustered columnstore index holds every row and column)",
				"s.yaml:9:20: table dbo.t index i3: a nonclustered columnstore index needs columns (add columns = [\"...\"])",
				"s.yaml:10:20: table dbo.t index i4: a columnstore index cannot be unique (remove unique)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertDiagnostics(t, tt.file, tt.src, tt.want) })
	}
}

// TestSQLServerAttrsRoundTrip: attrs.hcl, which holds every SQL Server
// attribute, written as HCL and as YAML loads back as the same model.
func TestSQLServerAttrsRoundTrip(t *testing.T) {
	want := mustLoad(t, schema.LoadOptions{}, filepath.Join("..", "testdata", "examples", "sqlserver", "attrs.hcl"))
	for _, w := range writers {
		t.Run(w.ext, func(t *testing.T) {
			got, text := roundTrip(t, want, w.ext, w.write)
			if d := cmp.Diff(want, got, ignorePos); d != "" {
				t.Errorf("round trip through\n%s\nchanged the model (-want +got):\n%s", text, d)
			}
		})
	}
}
