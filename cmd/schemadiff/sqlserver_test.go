package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/internal/tdstest"
	"github.com/schemadiff/schemadiff/schema"
)

// The SQL Server commands run here through go-mssqldb against the TDS test
// server (internal/tdstest) serving catalog rows recorded from SQL Server.

const (
	msRecordings = "../../introspect/testdata/sqlserver"
	msUsersHCL   = "../../testdata/examples/sqlserver/users.hcl"
)

// msServer serves testdata recording name.json and returns its URL.
func msServer(t *testing.T, name string) string {
	t.Helper()
	return tdstest.StartFile(t, filepath.Join(msRecordings, name+".json")).URL("app")
}

// TestSQLServerCommands: inspect, diff, generate and check read a SQL Server
// database that holds users.hcl's tables, and find it equal to the file.
func TestSQLServerCommands(t *testing.T) {
	url := msServer(t, "users")
	r := runCLI(t, "inspect", "--url", url, "--format", "hcl")
	if r.code != 0 || !strings.Contains(r.stdout, `table "users"`) || r.stderr != "" {
		t.Fatalf("inspect: exit %d, stderr %q:\n%s", r.code, r.stderr, r.stdout)
	}
	inspected := writeSchema(t, "inspected.hcl", r.stdout)
	dir := filepath.Join(t.TempDir(), "migrations")
	tests := []struct {
		name string
		args []string
	}{
		{"inspected schema equals the file", []string{"diff", "--from", inspected, "--to", msUsersHCL, "--exit-code"}},
		{"database equals the file", []string{"diff", "--from", url, "--to", msUsersHCL, "--exit-code"}},
		{"file equals the database", []string{"diff", "--from", msUsersHCL, "--to", url, "--exit-code"}},
		{"generate from the database", []string{"generate", "--schema", msUsersHCL, "--dir", dir, "--url", url, "-m", "nothing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			if r.code != 0 || r.stdout != "" {
				t.Errorf("exit %d, want 0 and no output; stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("generate --url on an up-to-date database wrote %d files", len(entries))
	}
}

// TestSQLServerGenerateCheck: migrations generated from users.hcl hold
// exactly what the database holds, so check --url finds no drift; against
// another database it reports the drift.
func TestSQLServerGenerateCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "migrations")
	if r := runCLI(t, "generate", "--schema", msUsersHCL, "--dir", dir, "-m", "create users", "--now", "2024-05-01T12:00:00Z"); r.code != 0 {
		t.Fatalf("generate: exit %d: %s", r.code, r.stderr)
	}
	r := runCLI(t, "check", "--schema", msUsersHCL, "--dir", dir, "--url", msServer(t, "users"))
	if r.code != 0 {
		t.Errorf("check --url on the database the migrations create: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, "check", "--schema", msUsersHCL, "--dir", dir, "--url", msServer(t, "orders"))
	if r.code != 1 || !strings.Contains(r.stdout, "drifted") || !strings.Contains(r.stdout, "dbo.orders") {
		t.Errorf("check --url on another database: exit %d, want 1 naming the drift:\n%s%s", r.code, r.stdout, r.stderr)
	}

	added := strings.Replace(readFile(t, msUsersHCL), `  column "email" {`, "  column \"nickname\" {\n    type = \"nvarchar(50)\"\n    null = true\n  }\n  column \"email\" {", 1)
	schemaPath := writeSchema(t, "users.hcl", added)
	dir2 := filepath.Join(t.TempDir(), "migrations")
	r = runCLI(t, "generate", "--schema", schemaPath, "--dir", dir2, "--url", msServer(t, "users"), "-m", "nickname", "--now", "2024-05-02T12:00:00Z")
	ups, _ := filepath.Glob(filepath.Join(dir2, "*_nickname.up.sql"))
	if r.code != 0 || len(ups) != 1 {
		t.Fatalf("generate --url with a new column: exit %d, files %v: %s%s", r.code, ups, r.stdout, r.stderr)
	}
	if up := readFile(t, ups[0]); !strings.Contains(up, "ADD [nickname] nvarchar(50) NULL") {
		t.Errorf("%s:\n%s", ups[0], up)
	}
}

// TestSQLServerWarnings: what the database holds but the model cannot is
// named on stderr, once per object, and the rest is printed.
func TestSQLServerWarnings(t *testing.T) {
	url := msServer(t, "stored_forms")
	want := []string{
		"warning: dbo.places.spot: column of a CLR user-defined type",
		"warning: dbo.documents.xml_documents_body: XML index: not read",
		"warning: dbo.places.six_places_location: SPATIAL index: not read",
	}
	for _, args := range [][]string{
		{"inspect", "--url", url},
		{"diff", "--from", url, "--to", url},
	} {
		t.Run(args[0], func(t *testing.T) {
			r := runCLI(t, args...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			per := len(want)
			if args[0] == "diff" {
				per *= 2 // two sources, each read once
			}
			if len(lines) != per {
				t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), per, r.stderr)
			}
			for i, l := range lines {
				if !strings.HasPrefix(l, want[i%len(want)]) {
					t.Errorf("stderr line %d = %q, want it to start with %q", i+1, l, want[i%len(want)])
				}
			}
		})
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestSQLServerStoredForms: a database whose definitions SQL Server stored in
// its own form (IN lists as reversed OR chains, CAST as CONVERT with a style,
// rowversion read back as timestamp, bracketed defaults and predicates,
// generated constraint names) compares equal, both ways, to the same tables
// written the natural way.
func TestSQLServerStoredForms(t *testing.T) {
	url := msServer(t, "stored_forms")
	natural := filepath.Join("..", "..", "testdata", "examples", "sqlserver", "stored_forms.hcl")
	for _, tt := range []struct{ name, from, to string }{
		{"database to file", url, natural},
		{"file to database", natural, url},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "diff", "--from", tt.from, "--to", tt.to, "--exit-code")
			if r.code != 0 || r.stdout != "" {
				t.Errorf("exit %d, want 0 and no changes:\n%s%s", r.code, r.stdout, r.stderr)
			}
		})
	}
}

// TestSQLServerApplyPlan: apply plans against a SQL Server database read over
// TDS through go-mssqldb (the plan part; executing needs a live server,
// internal/apply's live tests): no change against the schema it holds, and a
// dry run of a new column prints its T-SQL and applies nothing.
func TestSQLServerApplyPlan(t *testing.T) {
	url := msServer(t, "users")
	changed := writeSchema(t, "users.hcl", strings.Replace(readFile(t, msUsersHCL),
		`column "email"`, "column \"nickname\" {\n    type = \"nvarchar(50)\"\n    null = true\n  }\n  column \"email\"", 1))
	tests := []struct {
		name, to   string
		wantStdout string // what the output holds
		wantStderr string
	}{
		{"the database equals the schema", msUsersHCL, "No changes.\n", "already equals the desired schema"},
		{"a dry run prints the plan and its T-SQL", changed, "ADD [nickname] nvarchar(50) NULL", "Dry run: nothing was applied."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "apply", "--url", url, "--to", tt.to, "--dry-run")
			if r.code != 0 || !strings.Contains(r.stdout, tt.wantStdout) || !strings.Contains(r.stderr, tt.wantStderr) {
				t.Errorf("exit %d; want 0, stdout holding %q and stderr %q:\n%s%s", r.code, tt.wantStdout, tt.wantStderr, r.stdout, r.stderr)
			}
		})
	}
}

// TestSQLServerUnmanagedObjects reads the unmanaged recording (a table
// with, in schema reporting, a schema-bound view over its email column and
// a procedure; a trigger, a synonym and a sequence in dbo): the synonym is
// a warning on stderr (the others are read); read with --schema dbo,
// dropping the column under the view, which is then unmanaged, is an
// unmanaged-dependent error hazard naming it; --strict refuses the database
// (exit 2).
func TestSQLServerUnmanagedObjects(t *testing.T) {
	url := msServer(t, "unmanaged")
	warnings := []string{
		"warning: synonym dbo.clients: synonyms are not read; the comparison ignores it",
	}
	noEmail := writeSchema(t, "customers.hcl", `dialect = "sqlserver"

table "customers" {
  column "id" {
    type = "int"
  }
  column "name" {
    type = "nvarchar(100)"
  }
  primary_key {
    name    = "pk_customers"
    columns = ["id"]
  }
}
`)
	tests := []struct {
		name      string
		args      []string
		code      int
		stdoutHas string
		stderrHas string // with --strict; otherwise stderr is exactly the warnings
	}{
		{name: "inspect", args: []string{"inspect", "--url", url}, stdoutHas: "# " + warnings[0] + "\n"},
		{name: "diff drops the column under the view", args: []string{"diff", "--from", url, "--schema", "dbo", "--to", noEmail, "--format", "json"},
			stdoutHas: `"message": "view reporting.customer_emails, which schemadiff does not manage, depends on column dbo.customers.email: DROP COLUMN fails`},
		{name: "inspect strict", args: []string{"inspect", "--url", url, "--strict"}, code: 2,
			stderrHas: "--strict: the database holds what schemadiff does not read (warnings: 1;"},
		{name: "diff strict", args: []string{"diff", "--from", url, "--to", noEmail, "--strict"}, code: 2,
			stderrHas: "synonym dbo.clients: synonyms are not read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.code, r.stdout, r.stderr)
			}
			if tt.stderrHas != "" {
				if !strings.Contains(r.stderr, tt.stderrHas) {
					t.Errorf("stderr = %q, want it to hold %q", r.stderr, tt.stderrHas)
				}
			} else if want := strings.Join(warnings, "\n") + "\n"; r.stderr != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, want)
			}
			if !strings.Contains(r.stdout, tt.stdoutHas) {
				t.Errorf("stdout does not hold %q:\n%s", tt.stdoutHas, r.stdout)
			}
		})
	}
}

// TestSQLServerModulesInspected reads the modules recording (views,
// functions, procedures, triggers, sequences) with inspect --format json:
// the objects are in the model, the encrypted view is the one warning.
func TestSQLServerModulesInspected(t *testing.T) {
	r := runCLI(t, "inspect", "--url", msServer(t, "modules"), "--format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d:\n%s", r.code, r.stderr)
	}
	var db schema.Database
	if err := json.Unmarshal([]byte(r.stdout), &db); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range db.Views {
		got = append(got, "view "+v.QName().String()+": "+v.Query)
	}
	for _, f := range db.Functions {
		got = append(got, fmt.Sprintf("function %s.%s procedure=%v", f.Schema, f.Name, f.Procedure))
	}
	for _, tr := range db.Triggers {
		got = append(got, fmt.Sprintf("trigger %s on %s: %s %v %s", tr.Name, tr.TableQName(), tr.Timing, tr.Events, tr.Enabled))
	}
	for _, s := range db.Sequences {
		got = append(got, fmt.Sprintf("sequence %s %s start %d", s.QName(), s.Type, s.Start))
	}
	want := []string{
		"view dbo.big_orders: select id, amount from dbo.orders where amount > 1000",
		"view reporting.open_orders: select id, customer, amount from dbo.orders where status = 'open'",
		"function dbo.close_order procedure=true",
		"function dbo.order_total procedure=false",
		"function reporting.orders_of procedure=false",
		"trigger trg_orders_status on dbo.orders: after [insert update] disabled",
		"trigger trg_open_orders_delete on reporting.open_orders: instead of [delete] ",
		"sequence dbo.order_numbers int start 1000",
		"sequence dbo.ticket_ids bigint start -9223372036854775808",
		"sequence reporting.big decimal(38,0) start 1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("objects:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(db.Warnings) != 1 || db.Warnings[0].Object != "view dbo.secret" {
		t.Errorf("warnings = %v, want one about view dbo.secret", db.Warnings)
	}
}
