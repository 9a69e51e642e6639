package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/review"
)

const (
	reviewUsersHCL = "../../testdata/examples/sqlserver/users.hcl"
	reviewShopHCL  = "../../testdata/examples/postgres/shop.hcl"
	reviewSeed002  = "../../review/testdata/seed002_create_users.py"
	reviewAutogen  = "../../review/testdata/autogen_create_users.py"
)

// TestReviewSeed002: the duplicate index of seed 002 is an error at its line, exit 1.
func TestReviewSeed002(t *testing.T) {
	r := runCLI(t, "review", "--dialect", "sqlserver", "--to", reviewUsersHCL, reviewSeed002)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "94: error [duplicate-object] table dbo.users index ix_users_active") {
		t.Errorf("the duplicate ix_users_active error at line 94 is missing:\n%s", r.stdout)
	}
	r = runCLI(t, "review", "--to", reviewUsersHCL, "--format", "github", reviewAutogen)
	if r.code != 1 || !strings.Contains(r.stdout, "::error file="+reviewAutogen+",line=50,title=schemadiff wrong-dialect-option::") {
		t.Errorf("github annotations: exit %d:\n%s", r.code, r.stdout)
	}
}

// TestReviewGeneratedDirectories: what `schemadiff generate` writes, in every
// format, reviews clean: no finding but the advice of the migration linter
// (column types, lock timeout: review.AdviceCodes), even with --fail-on info
// once those are left out.
func TestReviewGeneratedDirectories(t *testing.T) {
	for _, schemaPath := range []string{reviewUsersHCL, reviewShopHCL} {
		for _, format := range migrate.Formats() { // every format, golang-migrate too
			t.Run(filepath.Base(schemaPath)+"/"+string(format), func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "migrations")
				if r := runCLI(t, "generate", "--to", schemaPath, "--dir", dir, "--dir-format", string(format), "-m", "create"); r.code != 0 {
					t.Fatalf("generate: exit %d: %s", r.code, r.stderr)
				}
				r := runCLI(t, "review", "--to", schemaPath, "--dir", dir, "--fail-on", "warning", "--format", "json")
				if r.code != 0 || !adviceOnly(t, r.stdout) {
					t.Errorf("exit %d, want 0 and no findings but advice:\n%s%s", r.code, r.stdout, r.stderr)
				}
			})
		}
	}
}

func TestReviewFailOnAndBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"warnings pass by default", []string{"review", "--to", reviewShopHCL, writeSQL(t, "CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE TABLE x (a int);\n")}, 0, ""},
		{"warnings fail with --fail-on warning", []string{"review", "--fail-on", "warning", "--to", reviewShopHCL, writeSQL(t, "CREATE TABLE x (a int);\n")}, 1, ""},
		{"no dialect", []string{"review", writeSQL(t, "SELECT 1;")}, 2, "no dialect"},
		{"no files", []string{"review", "--dialect", "postgres"}, 2, "name migration files"},
		{"missing file", []string{"review", "--dialect", "postgres", "nope.sql"}, 2, "nope.sql"},
		{"bad format", []string{"review", "--dialect", "postgres", "--format", "xml", writeSQL(t, "SELECT 1;")}, 2, "format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.err) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", r.code, r.stderr, tt.code, tt.err)
			}
		})
	}
}

func writeSQL(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "001_m.sql")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestReviewSince: only migrations changed since the ref get findings.
func TestReviewSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(repo, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q")
	write("001_a.sql", "DROP TABLE old_one;\n") // an error, but already merged
	git("add", ".")
	git("commit", "-q", "-m", "first")
	write("002_b.sql", "CREATE TABLE t (a int);\nCREATE INDEX i ON t (a);\nCREATE INDEX i ON t (a);\n")
	t.Chdir(repo)
	git("add", "002_b.sql") // git diff lists tracked files only
	r := runCLI(t, "review", "--dialect", "postgres", "--since", "HEAD", "--dir", ".")
	if r.code != 1 || !strings.Contains(r.stdout, "002_b.sql") || strings.Contains(r.stdout, "001_a.sql") {
		t.Errorf("--since HEAD: exit %d, want only 002's duplicate index:\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "review", "--dialect", "postgres", "--since", "no-such-ref", "--dir", "."); r.code != 2 {
		t.Errorf("a bad ref must exit 2, got %d", r.code)
	}
}

// TestReviewFromConfig: in a project made by init, a bare `review` takes the
// migration directory, the schema and the dialect from schemadiff.yaml.
func TestReviewFromConfig(t *testing.T) {
	t.Chdir(t.TempDir())
	if r := runCLI(t, "init", "--dialect", "postgres"); r.code != 0 {
		t.Fatalf("init: %s", r.stderr)
	}
	if r := runCLI(t, "generate", "-m", "create users"); r.code != 0 {
		t.Fatalf("generate: %s", r.stderr)
	}
	if r := runCLI(t, "review", "--fail-on", "info"); r.code != 0 {
		t.Errorf("review of a generated project: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	src, err := os.ReadFile("schema/schema.hcl")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "  primary_key {", "  column \"nickname\" {\n    type = \"text\"\n    null = true\n  }\n\n  primary_key {", 1)
	if err := os.WriteFile("schema/schema.hcl", []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "review", "--fail-on", "warning")
	if r.code != 1 || !strings.Contains(r.stdout, "drift-missing") || !strings.Contains(r.stdout, "nickname") {
		t.Errorf("review after a schema edit: exit %d, want 1 and a drift-missing finding for nickname:\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestItem8And10ReviewDirectoryCLI: `review DIR` reviews the directory, a
// glob skips what is no migration, and --since takes a migration version.
func TestItem8And10ReviewDirectoryCLI(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "migrations")
	if r := runCLI(t, "generate", "--schema", reviewShopHCL, "--dir", dir, "--format", "goose", "-m", "create"); r.code != 0 {
		t.Fatalf("generate: exit %d: %s", r.code, r.stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	version := strings.SplitN(filepath.Base(files[0]), "_", 2)[0]
	tests := []struct {
		name  string
		args  []string
		code  int
		want  string // a line of stdout (JSON), or of stderr for exit 2
		clean bool   // no finding but advice (adviceOnly)
	}{
		{"directory", []string{dir}, 0, `"migrations": [`, true},
		{"glob", files, 0, `"code": "not-a-migration"`, false},
		{"since the last version", []string{"--dir", dir, "--since", version}, 0, `"findings": []`, true},
		{"since an unknown version outside git", []string{"--dir", dir, "--since", "1"}, 2, "--since 1: no migration has this version", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"review", "--schema", reviewShopHCL, "--format", "json"}, tt.args...)
			r := runCLI(t, args...)
			out := r.stdout
			if tt.code == 2 {
				out = r.stderr
			}
			if r.code != tt.code || !strings.Contains(out, tt.want) || tt.clean && !adviceOnly(t, r.stdout) {
				t.Errorf("exit %d (want %d), output lacks %q:\n%s%s", r.code, tt.code, tt.want, r.stdout, r.stderr)
			}
		})
	}
}

// adviceOnly reports whether the JSON report out has no finding but the
// advice of review's migration linter, all at information level.
func adviceOnly(t *testing.T, out string) bool {
	t.Helper()
	var rep review.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Errorf("review output is not a JSON report: %v", err)
		return false
	}
	for _, f := range rep.Findings {
		if f.Severity != diff.Info || !slices.Contains(review.AdviceCodes(), f.Code) {
			return false
		}
	}
	return true
}
