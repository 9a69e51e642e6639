package schema_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/schemadiff/schemadiff/schema"
)

var ignorePos = cmpopts.IgnoreTypes(schema.Pos{})

func mustLoad(t *testing.T, opts schema.LoadOptions, paths ...string) *schema.Database {
	t.Helper()
	db, err := schema.Load(opts, paths...)
	if err != nil {
		t.Fatalf("Load(%v): %v", paths, err)
	}
	return db
}

func TestLoadHCLAndYAMLAgree(t *testing.T) {
	for _, name := range []string{"postgres", "sqlserver"} {
		t.Run(name, func(t *testing.T) {
			h := mustLoad(t, schema.LoadOptions{}, "testdata/rich/"+name+".hcl")
			y := mustLoad(t, schema.LoadOptions{}, "testdata/rich/"+name+".yaml")
			if d := cmp.Diff(h, y, ignorePos); d != "" {
				t.Errorf("HCL and YAML differ (-hcl +yaml):\n%s", d)
			}
		})
	}
}

func boolPtr(b bool) *bool { return &b }

// The SQL Server example of DESIGN §2 (plus the tenants table it refers to
// and a computed column), spelled out as the model Load must produce.
func TestLoadSQLServerExample(t *testing.T) {
	want := &schema.Database{
		Dialect: schema.SQLServer,
		Tables: []*schema.Table{
			{
				Schema:     "dbo",
				Name:       "tenants",
				Columns:    []*schema.Column{{Name: "id", Type: "uniqueidentifier"}},
				PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
			},
			{
				Schema: "dbo",
				Name:   "users",
				Columns: []*schema.Column{
					{Name: "id", Type: "uniqueidentifier", Default: &schema.Default{Kind: schema.DefaultExpr, Value: "NEWID()"}},
					{Name: "index_id", Type: "bigint", Identity: &schema.Identity{}},
					{Name: "tenant_id", Type: "uniqueidentifier"},
					{Name: "created_at", Type: "datetime2", Default: &schema.Default{Kind: schema.DefaultExpr, Value: "GETDATE()"}},
					{Name: "is_deleted", Type: "bit", Default: &schema.Default{Kind: schema.DefaultBool, Value: "false"}},
					{Name: "email", Type: "nvarchar(255)"},
					{Name: "status", Type: "nvarchar(20)", Default: &schema.Default{Kind: schema.DefaultString, Value: "active"}, DefaultName: "df_users_status"},
					{Name: "user_metadata", Type: "nvarchar(4000)", Null: true},
					{Name: "email_domain", Computed: &schema.Computed{Expr: "SUBSTRING(email, CHARINDEX('@', email) + 1, 255)", Persisted: true}},
				},
				PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}, Clustered: boolPtr(false)},
				Indexes: []*schema.Index{
					{Name: "ix_users_index_id", Unique: true, Parts: []schema.IndexPart{{Column: "index_id"}}, Clustered: boolPtr(true)},
					{Name: "ix_users_tenant_email", Unique: true, Parts: []schema.IndexPart{{Column: "tenant_id"}, {Column: "email"}}, Where: "is_deleted = 0"},
					{Name: "ix_users_tenant_last_login", Parts: []schema.IndexPart{{Column: "tenant_id"}, {Column: "created_at", Desc: true}}, Include: []string{"email"}},
				},
				ForeignKeys: []*schema.ForeignKey{
					{Name: "fk_users_tenant", Columns: []string{"tenant_id"}, RefSchema: "dbo", RefTable: "tenants", RefColumns: []string{"id"}, OnDelete: "NO ACTION"},
				},
				Checks: []*schema.Check{
					{Name: "ck_users_status", Expr: "status IN ('active', 'invited', 'suspended', 'pending_verification')"},
				},
			},
		},
	}
	for _, file := range []string{"testdata/rich/sqlserver.hcl", "testdata/rich/sqlserver.yaml"} {
		got := mustLoad(t, schema.LoadOptions{}, file)
		if d := cmp.Diff(want, got, ignorePos); d != "" {
			t.Errorf("%s (-want +got):\n%s", file, d)
		}
	}
}

// Load fills the schema of tables, enums and foreign-key targets, and reads
// literal defaults by their type.
func TestLoadResolvesReferences(t *testing.T) {
	for _, file := range []string{"testdata/rich/postgres.hcl", "testdata/rich/postgres.yaml"} {
		db := mustLoad(t, schema.LoadOptions{}, file)
		users := db.Table(schema.QName{Schema: "public", Name: "users"})
		events := db.Table(schema.QName{Schema: "audit", Name: "events"})
		if users == nil || events == nil {
			t.Fatalf("%s: tables public.users and audit.events not found", file)
		}
		if e := db.Enum(schema.QName{Schema: "public", Name: "user_role"}); e == nil {
			t.Errorf("%s: enum user_role did not get schema public", file)
		}
		if got := users.ForeignKeys[0].RefQName(); got != (schema.QName{Schema: "public", Name: "tenants"}) {
			t.Errorf("%s: users fk references %v, want public.tenants", file, got)
		}
		if got := events.ForeignKeys[0].RefQName(); got != (schema.QName{Schema: "public", Name: "users"}) {
			t.Errorf("%s: events fk references %v, want public.users", file, got)
		}
		defaults := map[string]schema.Default{
			"role":  {Kind: schema.DefaultString, Value: "viewer"},
			"score": {Kind: schema.DefaultNumber, Value: "0"},
			"ratio": {Kind: schema.DefaultNumber, Value: "-1.5"},
			"zip":   {Kind: schema.DefaultString, Value: "0"},
		}
		for col, want := range defaults {
			if got := users.Column(col).Default; got == nil || *got != want {
				t.Errorf("%s: column %s default = %v, want %v", file, col, got, want)
			}
		}
	}
}

func TestLoadPositions(t *testing.T) {
	tests := []struct {
		file               string
		tableLine, colLine int
		fkLine             int
	}{
		{"testdata/rich/postgres.hcl", 31, 41, 123},
		{"testdata/rich/postgres.yaml", 17, 22, 58},
	}
	for _, tt := range tests {
		db := mustLoad(t, schema.LoadOptions{}, tt.file)
		users := db.Table(schema.QName{Schema: "public", Name: "users"})
		got := []int{users.Pos.Line, users.Column("tenant_id").Pos.Line, users.ForeignKeys[0].Pos.Line}
		want := []int{tt.tableLine, tt.colLine, tt.fkLine}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: lines of table users, column tenant_id, its fk (-want +got):\n%s", tt.file, d)
		}
		if users.Pos.File != tt.file || users.Pos.Column == 0 {
			t.Errorf("%s: table pos = %v", tt.file, users.Pos)
		}
	}
}

func TestLoadFolder(t *testing.T) {
	db := mustLoad(t, schema.LoadOptions{}, "testdata/folder")
	var names []string
	for _, tb := range db.Tables {
		names = append(names, tb.QName().String())
	}
	// a.hcl, b.yaml, sub/c.yml in name order; notes.txt is ignored.
	want := []string{"public.accounts", "public.orders", "public.items"}
	if d := cmp.Diff(want, names); d != "" {
		t.Errorf("tables (-want +got):\n%s", d)
	}
	if db.Dialect != schema.Postgres {
		t.Errorf("dialect = %q, want postgres (from a.hcl)", db.Dialect)
	}
}

func TestLoadDialect(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opts  schema.LoadOptions
		want  schema.Dialect
		err   string
	}{
		{
			name:  "empty schema",
			files: map[string]string{"a.hcl": `dialect = "postgres"`},
			want:  schema.Postgres,
		},
		{
			name:  "empty yaml",
			files: map[string]string{"a.yaml": "dialect: sqlserver\n"},
			want:  schema.SQLServer,
		},
		{
			name:  "from options",
			files: map[string]string{"a.hcl": "table \"t\" {\n  column \"id\" { type = \"int\" }\n}\n"},
			opts:  schema.LoadOptions{Dialect: schema.SQLServer},
			want:  schema.SQLServer,
		},
		{
			name:  "file wins over options",
			files: map[string]string{"a.hcl": `dialect = "postgres"`},
			opts:  schema.LoadOptions{Dialect: schema.SQLServer},
			want:  schema.Postgres,
		},
		{
			name:  "missing",
			files: map[string]string{"a.hcl": "table \"t\" {\n  column \"id\" { type = \"int\" }\n}\n"},
			err:   `a.hcl: no dialect given (add dialect = "postgres" (or "sqlserver") to a schema file, or pass --dialect)`,
		},
		{
			name:  "conflict",
			files: map[string]string{"a.hcl": `dialect = "postgres"`, "b.yaml": "dialect: sqlserver"},
			err:   `b.yaml:1:1: dialect "sqlserver" conflicts with dialect "postgres" (first given as "postgres" at a.hcl:1:1; all files must agree)`,
		},
		{
			name:  "unknown",
			files: map[string]string{"a.hcl": `dialect = "mysql"`},
			err:   `a.hcl:1:1: unknown dialect "mysql" (use "postgres" or "sqlserver")`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			db, err := schema.Load(tt.opts, dir)
			if tt.err != "" {
				if got := relDiags(dir, err); got != tt.err {
					t.Fatalf("error:\n got %s\nwant %s", got, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if db.Dialect != tt.want {
				t.Errorf("dialect = %q, want %q", db.Dialect, tt.want)
			}
		})
	}
}

func TestLoadBadPaths(t *testing.T) {
	dir := writeFiles(t, map[string]string{"notes.txt": "x"})
	for _, path := range []string{filepath.Join(dir, "missing.hcl"), filepath.Join(dir, "notes.txt")} {
		if _, err := schema.Load(schema.LoadOptions{Dialect: schema.Postgres}, path); err == nil {
			t.Errorf("Load(%s) succeeded", path)
		}
	}
}

// writeFiles writes name→content files into a fresh folder.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// relDiags renders err's diagnostics with file names relative to dir.
func relDiags(dir string, err error) string {
	var ds schema.Diagnostics
	if !errors.As(err, &ds) {
		if err == nil {
			return "<nil>"
		}
		return "not Diagnostics: " + err.Error()
	}
	return strings.ReplaceAll(ds.Error(), dir+string(filepath.Separator), "")
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
