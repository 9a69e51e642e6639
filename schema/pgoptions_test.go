package schema_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	. "github.com/schemadiff/schemadiff/schema"
)

// TestTableOptionDiagnostics: PostgreSQL table options and column storage
// are refused on SQL Server and checked on PostgreSQL, each at its
// file:line:col.
func TestTableOptionDiagnostics(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{
			name: "sql server refuses them",
			file: "s.hcl",
			src: `dialect = "sqlserver"
table "t" {
  unlogged           = true
  storage_parameters = ["fillfactor=70"]
  replica_identity   = "full"
  column "a" {
    type        = "nvarchar(10)"
    compression = "lz4"
    storage     = "main"
  }
}
`,
			want: []string{
				"s.hcl:3:3: table dbo.t: unlogged is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.hcl:4:25: table dbo.t: storage_parameters is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.hcl:5:3: table dbo.t: replica_identity is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.hcl:8:5: table dbo.t column a: compression is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.hcl:9:5: table dbo.t column a: storage is a PostgreSQL option (remove it: SQL Server has no such option)",
			},
		},
		{
			name: "postgres checks the values",
			file: "s.yaml",
			src: `dialect: postgres
tables:
  - name: t
    storage_parameters: [fillfactor=high, colour=blue, autovacuum_enabled=maybe, fillfactor=70, fillfactor=80]
    replica_identity: index
    columns:
      - {name: a, type: text, compression: zstd, storage: compressed}
`,
			want: []string{
				`s.yaml:4:26: table public.t: storage parameter fillfactor takes an integer, not "high" (write "name=value" with a parameter of CREATE TABLE's WITH clause)`,
				`s.yaml:4:43: table public.t: unknown storage parameter "colour" (PostgreSQL 15 table storage parameters: fillfactor, autovacuum_*, toast.*, …) (write "name=value" with a parameter of CREATE TABLE's WITH clause)`,
				`s.yaml:4:56: table public.t: storage parameter autovacuum_enabled takes true or false, not "maybe" (write "name=value" with a parameter of CREATE TABLE's WITH clause)`,
				`s.yaml:4:97: table public.t: storage parameter fillfactor is given twice (keep one of them)`,
				`s.yaml:5:5: table public.t: replica_identity "index" needs replica_identity_index (add replica_identity_index = "<unique index or key name>")`,
				`s.yaml:7:31: table public.t column a: invalid compression "zstd" (use one of pglz, lz4)`,
				`s.yaml:7:50: table public.t column a: invalid storage "compressed" (use one of plain, external, extended, main)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertDiagnostics(t, tt.file, tt.src, tt.want) })
	}
}

// TestNormalizeTableOptions: the canonical forms of the options.
func TestNormalizeTableOptions(t *testing.T) {
	tb := &Table{Name: "t", TableOptions: TableOptions{
		StorageParameters: []string{"toast.autovacuum_enabled=OFF", "Fillfactor = 070", "autovacuum_vacuum_scale_factor=0.050", "vacuum_index_cleanup=AUTO"},
		ReplicaIdentity:   "DEFAULT", ReplicaIdentityIndex: "stale",
	}, Columns: []*Column{
		{Name: "a", Type: "text", Storage: "EXTENDED", Compression: "LZ4"},
		{Name: "b", Type: "varchar(10)", Storage: "main"},
		{Name: "c", Type: "integer[]", Storage: "extended"},
	}}
	db, err := Normalize(&Database{Dialect: Postgres, Tables: []*Table{tb}})
	if err != nil {
		t.Fatal(err)
	}
	got := db.Tables[0]
	want := TableOptions{StorageParameters: []string{"autovacuum_vacuum_scale_factor=0.05", "fillfactor=70", "toast.autovacuum_enabled=false", "vacuum_index_cleanup=auto"}}
	if d := cmp.Diff(want, got.TableOptions); d != "" {
		t.Errorf("options (-want +got):\n%s", d)
	}
	for i, w := range []struct{ storage, compression string }{{"", "lz4"}, {"main", ""}, {"", ""}} {
		if c := got.Columns[i]; c.Storage != w.storage || c.Compression != w.compression {
			t.Errorf("column %s: storage %q compression %q, want %q %q", c.Name, c.Storage, c.Compression, w.storage, w.compression)
		}
	}
}

// TestReplicaIdentityIndexNamed: Normalize, once keys and indexes have
// their names, refuses a replica identity index that is not a unique index
// or key of the table; an unnamed unique constraint is found by the name
// PostgreSQL gives it.
func TestReplicaIdentityIndexNamed(t *testing.T) {
	table := func(index string) *Database {
		return &Database{Dialect: Postgres, Tables: []*Table{{Name: "t",
			TableOptions: TableOptions{ReplicaIdentity: "index", ReplicaIdentityIndex: index},
			Columns:      []*Column{{Name: "a", Type: "integer"}, {Name: "b", Type: "integer"}},
			Uniques:      []*Unique{{Columns: []string{"a"}}},
			Indexes:      []*Index{{Parts: []IndexPart{{Column: "b"}}}},
		}}}
	}
	for _, tt := range []struct{ index, wantErr string }{
		{index: "t_a_key"},
		{index: "t_b_idx", wantErr: "table public.t: replica_identity_index t_b_idx is no unique index or key of the table"},
		{index: "nope", wantErr: "replica_identity_index nope is no unique index or key of the table"},
	} {
		_, err := Normalize(table(tt.index))
		if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("replica_identity_index %s: err = %v, want %q", tt.index, err, tt.wantErr)
		}
	}
}
