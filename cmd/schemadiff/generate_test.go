package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestInitGenerateCheck is the Done-when, in an empty folder with no
// database: init, generate from the example schema, a second generate that
// writes nothing, and check catching a schema edit.
func TestInitGenerateCheck(t *testing.T) {
	t.Chdir(t.TempDir())
	if r := runCLI(t, "init", "--dialect", "postgres"); r.code != 0 {
		t.Fatalf("init: exit %d: %s", r.code, r.stderr)
	}
	for _, p := range []string{"schemadiff.yaml", "schema/schema.hcl", "migrations"} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("init did not write %s: %v", p, err)
		}
	}
	r := runCLI(t, "generate", "-m", "create users", "--now", "2024-05-01T12:00:00Z")
	if r.code != 0 {
		t.Fatalf("generate: exit %d: %s", r.code, r.stderr)
	}
	up := "migrations/20240501120000_create_users.up.sql"
	for _, s := range []string{"+ create table public.users", "wrote " + up, "wrote migrations/" + migrate.SumFile} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("generate output lacks %q:\n%s", s, r.stdout)
		}
	}
	if data, err := os.ReadFile(up); err != nil || !strings.Contains(string(data), `CREATE TABLE "public"."users"`) {
		t.Errorf("%s: %v\n%s", up, err, data)
	}

	r = runCLI(t, "generate", "-m", "again")
	entries, _ := os.ReadDir("migrations")
	if r.code != 0 || !strings.Contains(r.stderr, "No changes") || len(entries) != 3 {
		t.Errorf("second generate: exit %d, %d files, stderr %q; want 0, 3 files, 'No changes'", r.code, len(entries), r.stderr)
	}
	if r := runCLI(t, "check"); r.code != 0 {
		t.Errorf("check on a generated project: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}

	edit(t, "schema/schema.hcl", `  column "email" {`, "  column \"nickname\" {\n    type = \"text\"\n    null = true\n  }\n  column \"email\" {")
	r = runCLI(t, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "+ add column nickname to public.users") || !strings.Contains(r.stdout, `ADD COLUMN "nickname" text`) {
		t.Errorf("check after a schema edit: exit %d, want 1 with the plan and SQL:\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, "check", "--format", "github")
	if r.code != 1 || !strings.Contains(r.stdout, "::error file=schema/schema.hcl,line=") {
		t.Errorf("check --format github: exit %d:\n%s", r.code, r.stdout)
	}
}

func TestInitRefusesToOverwrite(t *testing.T) {
	for _, existing := range []string{"schemadiff.yaml", "schemadiff.hcl", "migrations/", "schema/schema.hcl", "schema/"} {
		t.Run(existing, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if strings.HasSuffix(existing, "/") {
				os.Mkdir(existing, 0o755)
			} else {
				os.MkdirAll(filepath.Dir(existing), 0o755)
				os.WriteFile(existing, []byte("mine"), 0o644)
			}
			before := tree(t)
			r := runCLI(t, "init")
			if r.code != 2 || !strings.Contains(r.stderr, "already exists") {
				t.Errorf("init over %s: exit %d %q, want 2 'already exists'", existing, r.code, r.stderr)
			}
			if after := tree(t); after != before {
				t.Errorf("init wrote something:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

func TestConfigAndIntegrityErrors(t *testing.T) {
	tests := []struct {
		name, config, want string
	}{
		{"unknown key", "dialect: postgres\nmigrations:\n  dirr: x\n", "schemadiff.yaml:3:3: unknown field \"dirr\""},
		{"unset variable", "env:\n  prod:\n    url: ${SCHEMADIFF_TEST_UNSET_VAR}\n", "SCHEMADIFF_TEST_UNSET_VAR is not set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			os.WriteFile("schemadiff.yaml", []byte(tt.config), 0o644)
			r := runCLI(t, "check", "--env", "prod")
			if r.code != 2 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 with %q", r.code, r.stderr, tt.want)
			}
		})
	}
	t.Run("edited migration", func(t *testing.T) {
		t.Chdir(t.TempDir())
		runCLI(t, "init")
		runCLI(t, "generate", "-m", "create users", "--now", "2024-05-01T12:00:00Z")
		edit(t, "migrations/20240501120000_create_users.up.sql", "CREATE TABLE", "CREATE UNLOGGED TABLE")
		r := runCLI(t, "generate", "-m", "next")
		if r.code != 2 || !strings.Contains(r.stderr, "20240501120000_create_users.up.sql: was edited") || !strings.Contains(r.stderr, "schemadiff migrate hash") {
			t.Fatalf("generate over an edited migration: exit %d: %s", r.code, r.stderr)
		}
		if r := runCLI(t, "migrate", "hash"); r.code != 0 {
			t.Fatalf("migrate hash: exit %d: %s", r.code, r.stderr)
		}
		if r := runCLI(t, "check"); r.code != 0 {
			t.Errorf("check after migrate hash: exit %d: %s%s", r.code, r.stdout, r.stderr)
		}
	})
}

// TestGenerateFromLiveDatabase uses --url as the current state and --env
// with an environment variable naming it; the tools' tables are left out.
func TestGenerateFromLiveDatabase(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, `CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL);
CREATE TABLE users (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, email text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now());`)
	t.Chdir(t.TempDir())
	runCLI(t, "init", "--dir-format", "goose")
	t.Setenv("SCHEMADIFF_TEST_DB", url)
	edit(t, "schemadiff.yaml", "${DATABASE_URL}", "${SCHEMADIFF_TEST_DB}")
	r := runCLI(t, "generate", "-m", "index email", "--env", "local", "--now", "2024-05-01T12:00:00Z")
	if r.code != 0 {
		t.Fatalf("generate --env: exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile("migrations/20240501120000_index_email.sql")
	if err != nil {
		t.Fatal(err)
	}
	got := string(data)
	if !strings.Contains(got, "-- +goose Up\nCREATE UNIQUE INDEX") || strings.Contains(got, "CREATE TABLE") || strings.Contains(got, "schema_migrations") {
		t.Errorf("migration from the live database should only add the index:\n%s", got)
	}
	pgtest.Exec(t, url, `CREATE UNIQUE INDEX users_email_idx ON users (email);`)
	if r := runCLI(t, "check", "--env", "local"); r.code != 0 {
		t.Errorf("check --url after applying: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	pgtest.Exec(t, url, `ALTER TABLE users ADD COLUMN hotfix int;`)
	if r := runCLI(t, "check", "--env", "local"); r.code != 1 || !strings.Contains(r.stdout, "drifted") || !strings.Contains(r.stdout, "hotfix") {
		t.Errorf("check after drift: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s lacks %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tree lists the working directory's files with their contents.
func tree(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		data, _ := os.ReadFile(p)
		b.WriteString(p + "=" + string(data) + ";")
		return err
	})
	return b.String()
}

// TestInitAlembic: with --dir-format alembic, init uses the Alembic project's
// alembic/versions (and asks for `alembic init` when there is none), and
// generate writes a revision there.
func TestInitAlembic(t *testing.T) {
	t.Chdir(t.TempDir())
	r := runCLI(t, "init", "--dialect", "postgres", "--dir-format", "alembic")
	if r.code != 2 || !strings.Contains(r.stderr, "alembic init alembic") {
		t.Fatalf("init without an Alembic project: exit %d %q, want 2 and the hint", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Fatalf("a refused init wrote %d entries", len(entries))
	}
	if err := os.MkdirAll("alembic/versions", 0o755); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, "init", "--dialect", "postgres", "--dir-format", "alembic"); r.code != 0 {
		t.Fatalf("init: exit %d: %s", r.code, r.stderr)
	}
	if cfg, _ := os.ReadFile("schemadiff.yaml"); !strings.Contains(string(cfg), "dir: alembic/versions") || !strings.Contains(string(cfg), "format: alembic") {
		t.Errorf("config does not point at alembic/versions:\n%s", cfg)
	}
	if r := runCLI(t, "generate", "-m", "create users"); r.code != 0 {
		t.Fatalf("generate: exit %d: %s", r.code, r.stderr)
	}
	revs, _ := filepath.Glob("alembic/versions/*_create_users.py")
	if len(revs) != 1 {
		t.Fatalf("revisions written: %v", revs)
	}
	if src, _ := os.ReadFile(revs[0]); !strings.Contains(string(src), "down_revision = None") || !strings.Contains(string(src), "op.create_table(\n        'users',") {
		t.Errorf("revision:\n%s", src)
	}
}

// TestMalformedURLHidesPassword: a password with an unescaped #, ? or /, as
// expanding ${VAR} of a raw password gives, cuts the URL where redaction
// cannot find the password; every command refuses such a URL without
// showing it.
func TestMalformedURLHidesPassword(t *testing.T) {
	const secret = "Tr0ub4dor"
	tests := []struct {
		name, password string
		args           []string // "URL" is replaced by the URL
	}{
		{"env url with #", "a#" + secret, []string{"check", "--env", "local"}},
		{"env url with ?", "1?" + secret, []string{"generate", "-m", "x", "--env", "local"}},
		{"env url with /", "a/" + secret, []string{"check", "--env", "local"}},
		{"url flag with #", "9#" + secret, []string{"generate", "-m", "x", "--url", "URL"}},
		{"dev-url flag with ?", "9?" + secret, []string{"check", "--dev-url", "URL"}},
		{"diff --from with #", "9#" + secret, []string{"diff", "--from", "URL", "--to", "schema"}},
		{"diff --dev-url with #", "9#" + secret, []string{"diff", "--from", "schema", "--to", "schema", "--dev-url", "URL"}},
		{"inspect with ?", "9?" + secret, []string{"inspect", "--url", "URL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			runCLI(t, "init")
			url := "postgres://app:" + tt.password + "@127.0.0.1:1/app"
			t.Setenv("DATABASE_URL", url)
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "URL", url)
			}
			r := runCLI(t, args...)
			if r.code != 2 || !strings.Contains(r.stderr, "percent-encode") {
				t.Errorf("exit %d, stderr %q; want 2 and the percent-encoding hint", r.code, r.stderr)
			}
			if out := r.stdout + r.stderr; strings.Contains(out, secret) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("want one line without the password, got:\n%s", out)
			}
		})
	}
}
