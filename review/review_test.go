package review

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files of review/testdata/golden")

const (
	usersHCL = "../testdata/examples/sqlserver/users.hcl"
	shopHCL  = "../testdata/examples/postgres/shop.hcl"
	seed002  = "testdata/seed002_create_users.py"
	autogen  = "testdata/autogen_create_users.py"
)

func loadSchema(t *testing.T, path string) *schema.Database {
	t.Helper()
	db, err := schema.Load(schema.LoadOptions{}, path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return db
}

func run(t *testing.T, opts Options) *Report {
	t.Helper()
	rep, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return rep
}

// lineOf returns the 1-based line numbers of file's lines that contain s.
func linesOf(t *testing.T, file, s string) []int {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for i, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, s) {
			out = append(out, i+1)
		}
	}
	return out
}

// find returns the findings with code on object.
func find(rep *Report, code, object string) []Finding {
	var out []Finding
	for _, f := range rep.Findings {
		if f.Code == code && (object == "" || f.Object == object) {
			out = append(out, f)
		}
	}
	return out
}

func TestSeed002(t *testing.T) {
	rep := run(t, Options{Schema: loadSchema(t, usersHCL), Files: []string{seed002}})
	// ix_users_active is created twice: the error is at the op.create_index
	// call that opens the second creation (the name is on the next line).
	creates := linesOf(t, seed002, "op.create_index(")
	names := linesOf(t, seed002, "        'ix_users_active',")
	if len(names) != 2 {
		t.Fatalf("seed file: want ix_users_active twice, found lines %v", names)
	}
	wantLine := 0
	for _, l := range creates {
		if l < names[1] {
			wantLine = l
		}
	}
	dups := find(rep, CodeDuplicate, "table dbo.users index ix_users_active")
	if len(dups) != 1 || dups[0].Pos.Line != wantLine || dups[0].Severity != diff.Error || dups[0].Pos.File != seed002 {
		t.Errorf("duplicate ix_users_active: got %+v, want one error at %s:%d", dups, seed002, wantLine)
	}
	idLine := linesOf(t, seed002, "sa.Column('id'")[0]
	cd := find(rep, CodeClientDefault, "table dbo.users column id")
	if len(cd) != 1 || cd[0].Pos.Line != idLine || !strings.Contains(cd[0].Message, "server_default") {
		t.Errorf("client-side NEWID(): got %+v, want a finding at line %d naming server_default", cd, idLine)
	}
	if !rep.Fails(diff.Error) {
		t.Error("the seed must fail with --fail-on error")
	}
}

func TestAutogenerateMisses(t *testing.T) {
	rep := run(t, Options{Schema: loadSchema(t, usersHCL), Files: []string{autogen}})
	const users = "table dbo.users"
	tests := []struct {
		code, object, lineHas string // lineHas: text of the line the finding must be on ("" = in the schema file)
		sev                   diff.Severity
	}{
		{CodeMissedNonclustered, users + " primary key", "sa.PrimaryKeyConstraint('id')", diff.Warning},
		{CodeDriftMissing, users + " index ix_users_index_id", "", diff.Warning},
		{CodeDriftMissing, users + " index ix_users_active", "", diff.Warning},
		{CodeMissedWhere, users + " index ix_users_tenant_active", "'ix_users_tenant_active'", diff.Warning},
		{CodeMissedWhere, users + " index ix_users_tenant_id_lookup", "'ix_users_tenant_id_lookup'", diff.Warning},
		{CodeMissedWhere, users + " index ix_users_tenant_email", "'ix_users_tenant_email'", diff.Error},
		{CodeMissedWhere, users + " index ix_users_tenant_status", "'ix_users_tenant_status'", diff.Warning},
		{CodeMissedWhere, users + " index ix_users_tenant_last_login", "'ix_users_tenant_last_login'", diff.Warning},
		{CodeMissedInclude, users + " index ix_users_tenant_last_login", "'ix_users_tenant_last_login'", diff.Warning},
		{CodeWrongDialectOption, users + " index ix_users_identity_provider", "postgresql_where=", diff.Error},
		{CodeMissedIdentity, users + " column index_id", "sa.Column('index_id'", diff.Warning},
		{CodeClientDefault, users + " column id", "sa.Column('id'", diff.Warning},
	}
	for _, tt := range tests {
		t.Run(tt.code+" "+tt.object, func(t *testing.T) {
			fs := find(rep, tt.code, tt.object)
			if len(fs) != 1 {
				t.Fatalf("got %d findings, want 1; all: %+v", len(fs), rep.Findings)
			}
			f := fs[0]
			if f.Severity != tt.sev {
				t.Errorf("severity %s, want %s", f.Severity, tt.sev)
			}
			if tt.lineHas == "" {
				if f.Pos.File != usersHCL || f.Pos.Line == 0 {
					t.Errorf("at %s, want a line of %s", f.Pos, usersHCL)
				}
				return
			}
			if want := linesOf(t, autogen, tt.lineHas)[0]; f.Pos.File != autogen || f.Pos.Line != want {
				t.Errorf("at %s, want %s:%d", f.Pos, autogen, want)
			}
		})
	}
	// The filter given as postgresql_where is reported once, not again as a missed filter.
	if fs := find(rep, CodeMissedWhere, users+" index ix_users_identity_provider"); len(fs) != 0 {
		t.Errorf("ix_users_identity_provider reported twice: %+v", fs)
	}
	// Nothing else: every finding is one of the misses above.
	if len(rep.Findings) != len(tests) {
		t.Errorf("got %d findings, want %d: %+v", len(rep.Findings), len(tests), rep.Findings)
	}
}

// generated writes the migration schemadiff generates from nothing to the
// schema at schemaPath into a new directory, in format (sql, goose, dbmate,
// flyway), and returns the directory.
func generated(t *testing.T, schemaPath, format string) string {
	t.Helper()
	db := loadSchema(t, schemaPath)
	want, err := schema.Normalize(db)
	if err != nil {
		t.Fatal(err)
	}
	empty := &schema.Database{Dialect: want.Dialect}
	script := func(compare func(from, to *schema.Database, o diff.Options) (*diff.Plan, error)) string {
		plan, err := compare(empty, want, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		stmts, err := render.SQL(plan)
		if err != nil {
			t.Fatal(err)
		}
		return render.Script(stmts)
	}
	up, down := script(diff.Compare), script(diff.Down)
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	switch format {
	case "sql":
		write("20250120100000_create.up.sql", up)
		write("20250120100000_create.down.sql", down)
	case "goose":
		write("20250120100000_create.sql", "-- +goose Up\n"+up+"\n-- +goose Down\n"+down)
	case "dbmate":
		write("20250120100000_create.sql", "-- migrate:up\n"+up+"\n-- migrate:down\n"+down)
	case "flyway":
		write("V1__create.sql", up)
		write("U1__create.sql", down)
	}
	return dir
}

func TestGeneratedDirectoryIsClean(t *testing.T) {
	for _, schemaPath := range []string{usersHCL, shopHCL} {
		for _, format := range []string{"sql", "goose", "dbmate", "flyway"} {
			t.Run(filepath.Base(schemaPath)+"/"+format, func(t *testing.T) {
				dir := generated(t, schemaPath, format)
				rep := run(t, Options{Schema: loadSchema(t, schemaPath), Dir: dir})
				if rep.Fails(diff.Warning) {
					t.Errorf("generated migrations must review clean with --fail-on warning, got %+v", rep.Findings)
				}
				if len(rep.Migrations) != 2 && format != "goose" && format != "dbmate" {
					t.Errorf("read %v, want the up and the down file", rep.Migrations)
				}
				// Without the down part, the check must notice (it really compares).
				if format == "sql" {
					os.WriteFile(filepath.Join(dir, "20250120100000_create.down.sql"), []byte("-- nothing\n"), 0o644)
					rep := run(t, Options{Schema: loadSchema(t, schemaPath), Dir: dir})
					if len(find(rep, CodeDownMismatch, "")) != 1 {
						t.Errorf("an empty down migration must be a down-mismatch, got %+v", rep.Findings)
					}
				}
			})
		}
	}
}
