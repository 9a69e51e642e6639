package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestWarningsOfAnUnmodelledObject runs the commands that read a database
// holding a rule (which schemadiff does not model): each says so once on
// stderr, inspect writes it as a comment, --format json lists it under
// warnings, and --strict (or strict: true in the configuration) refuses
// the database with exit 2.
func TestWarningsOfAnUnmodelledObject(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL); CREATE RULE users_no_delete AS ON DELETE TO users DO INSTEAD NOTHING")
	const warning = "warning: rule users_no_delete on public.users: rules are not modelled; the comparison ignores it and migrations leave it alone"
	file := writeSchema(t, "schema.hcl", `dialect = "postgres"
table "users" {
  column "id"    { type = "integer" }
  column "email" { type = "text" }
  primary_key { columns = ["id"] }
}
`)
	strictDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(strictDir, "schemadiff.yaml"), []byte("strict: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		code       int
		stdoutHas  string // "" when stdout is not looked at
		jsonWarned bool   // stdout is JSON whose warnings list the rule
		stderrHas  string
	}{
		{name: "inspect hcl", args: []string{"inspect", "--url", url}, stdoutHas: "# " + warning + "\n", stderrHas: warning},
		{name: "inspect yaml", args: []string{"inspect", "--url", url, "--format", "yaml"}, stdoutHas: "# " + warning + "\n", stderrHas: warning},
		{name: "inspect sql", args: []string{"inspect", "--url", url, "--format", "sql"}, stdoutHas: "-- " + warning + "\n", stderrHas: warning},
		{name: "inspect json", args: []string{"inspect", "--url", url, "--format", "json"}, jsonWarned: true, stderrHas: warning},
		{name: "diff json", args: []string{"diff", "--from", url, "--to", file, "--format", "json"}, jsonWarned: true, stderrHas: warning},
		{name: "inspect strict", args: []string{"inspect", "--url", url, "--strict"}, code: 2,
			stderrHas: "--strict: the database holds what schemadiff does not read (warnings: 1;"},
		{name: "diff strict", args: []string{"diff", "--from", url, "--to", file, "--strict"}, code: 2,
			stderrHas: "rule users_no_delete on public.users: rules are not modelled"},
		{name: "check github notice", args: []string{"check", "--to", file, "--dir", t.TempDir(), "--url", url, "--format", "github"},
			code: 1, stdoutHas: "::notice::" + warning + "\n", stderrHas: warning},
		{name: "check strict from the configuration", args: []string{"check", "--config", filepath.Join(strictDir, "schemadiff.yaml"),
			"--to", file, "--dir", t.TempDir(), "--url", url}, code: 2, stderrHas: "--strict: the database holds what schemadiff does not read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.stderrHas) || tt.code != 2 && strings.Count(r.stderr, "warning: rule") != 1 {
				t.Errorf("stderr = %q, want it to hold %q (once)", r.stderr, tt.stderrHas)
			}
			if tt.stdoutHas != "" && !strings.Contains(r.stdout, tt.stdoutHas) {
				t.Errorf("stdout does not hold %q:\n%s", tt.stdoutHas, r.stdout)
			}
			if tt.jsonWarned {
				var doc struct {
					Warnings []struct{ Object, Message string }
				}
				if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
					t.Fatalf("stdout is not JSON: %v\n%s", err, r.stdout)
				}
				if len(doc.Warnings) != 1 || doc.Warnings[0].Object != "rule users_no_delete on public.users" {
					t.Errorf("warnings = %+v, want the rule's", doc.Warnings)
				}
			}
		})
	}
}
