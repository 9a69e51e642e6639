package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

const examples = "../../testdata/examples/postgres"

// writeSchema writes content to name in a fresh temp folder and returns its path.
func writeSchema(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// seed000DB returns the URL of a database holding seed 000's users table.
func seed000DB(t *testing.T) string {
	t.Helper()
	url := pgtest.NewDB(t)
	sql, err := os.ReadFile(filepath.Join(examples, "seed000.sql"))
	if err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, url, string(sql))
	return url
}

// TestBadInput: every kind of bad input gives exit 2, nothing on stdout, and
// one clear message on stderr naming file:line:col or the object — with no
// stack trace and never the password.
func TestBadInput(t *testing.T) {
	empty := filepath.Join(examples, "empty.hcl")
	malformed := writeSchema(t, "bad.hcl", "dialect = \"postgres\"\ntable \"t\" {\n  column \"a\" {\n    type = \n  }\n}\n")
	wrongType := writeSchema(t, "types.hcl", "dialect = \"postgres\"\ntable \"t\" {\n  column \"a\" {\n    type = \"strng\"\n  }\n}\n")
	unknownColumn := writeSchema(t, "cols.hcl", "dialect = \"postgres\"\ntable \"t\" {\n  column \"email\" {\n    type = \"text\"\n  }\n  index \"i\" {\n    columns = [\"emial\"]\n  }\n}\n")
	badYAML := writeSchema(t, "bad.yaml", "dialect: postgres\ntables:\n  - name: t\n    columns:\n      - {name: a, type: text, nul: true}\n")
	admin := pgtest.AdminURL(t)
	wrongUser := strings.Replace(admin, "postgres@", "nobody:Secret1!@", 1)

	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"malformed HCL", []string{"diff", "--from", empty, "--to", malformed}, []string{"bad.hcl:4:12:", "expression"}},
		{"wrong type", []string{"diff", "--from", empty, "--to", wrongType}, []string{"types.hcl:4:", `unknown PostgreSQL type "strng"`}},
		{"unknown column", []string{"diff", "--from", empty, "--to", unknownColumn}, []string{"cols.hcl:7:", `unknown column "emial"`, "did you mean email?"}},
		{"unknown YAML key", []string{"validate", badYAML}, []string{"bad.yaml:5:", "nul"}},
		{"missing file", []string{"diff", "--from", empty, "--to", "no/such/schema.hcl"}, []string{"no/such/schema.hcl", "no such schema file"}},
		{"unknown URL scheme", []string{"diff", "--from", "mysql://root:Secret1!@localhost/x", "--to", empty}, []string{`unsupported URL scheme "mysql"`, "root:xxxxx@"}},
		{"unreachable host", []string{"inspect", "--url", "postgres://app:Secret1!@127.0.0.1:1/db?connect_timeout=5"}, []string{"cannot reach PostgreSQL at 127.0.0.1:1", "app:xxxxx@"}},
		{"bad credentials", []string{"inspect", "--url", wrongUser}, []string{"authentication failed", "nobody:xxxxx@"}},
		{"missing flag", []string{"diff", "--from", empty}, []string{"--to"}},
		{"bad format", []string{"diff", "--from", empty, "--to", empty, "--format", "xml"}, []string{"--format"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			if r.code != exitFailure {
				t.Errorf("exit code %d, want %d; stderr: %s", r.code, exitFailure, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout is not empty: %q", r.stdout)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr %q does not contain %q", r.stderr, w)
				}
			}
			for _, bad := range []string{"Secret1!", "goroutine", "panic"} {
				if strings.Contains(r.stderr, bad) {
					t.Errorf("stderr shows %q: %s", bad, r.stderr)
				}
			}
			if n := strings.Count(strings.TrimSpace(r.stderr), "\n"); n > 0 && !strings.HasPrefix(tt.name, "unknown column") {
				t.Errorf("stderr is %d lines, want one: %s", n+1, r.stderr)
			}
		})
	}
}

// TestSeed000NoChanges is the PostgreSQL issue's "done when": a database
// holding seed 000's table, diffed against the example schema (HCL and YAML),
// prints no statement and exits 0, even with --exit-code — and the migration
// tools' own tables in it are no change either.
func TestSeed000NoChanges(t *testing.T) {
	url := seed000DB(t)
	pgtest.Exec(t, url, `CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
		CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL)`)
	for _, file := range []string{"users.hcl", "users.yaml"} {
		r := runCLI(t, "diff", "--from", url, "--to", filepath.Join(examples, file), "--exit-code")
		if r.code != exitOK || r.stdout != "" || r.stderr != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 0 and no output", file, r.code, r.stdout, r.stderr)
		}
	}
}

// TestDiffFormats checks the three outputs and --exit-code on a real change,
// and that the same inputs give byte-identical output.
func TestDiffFormats(t *testing.T) {
	url := seed000DB(t)
	to := writeSchema(t, "users.hcl", `dialect = "postgres"

table "users" {
  column "id" {
    type = "serial"
  }
  column "username" {
    type   = "varchar(50)"
    unique = true
  }
  column "email" {
    type   = "text"
    unique = true
  }
  column "role" {
    type    = "varchar(20)"
    default = "viewer"
  }
  column "hashed_password" {
    type = "varchar(255)"
  }
  column "disabled" {
    type    = "boolean"
    null    = true
    default = false
  }
  column "created_at" {
    type    = "timestamp"
    null    = true
    default = sql("now()")
  }
  column "last_login_at" {
    type = "timestamptz"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  index {
    on {
      expr = "lower(email)"
    }
  }
}
`)
	sql := runCLI(t, "diff", "--from", url, "--to", to, "--exit-code")
	if sql.code != exitChanges {
		t.Fatalf("exit %d, want 1; stderr %s", sql.code, sql.stderr)
	}
	for _, want := range []string{
		`ALTER TABLE "public"."users" DROP COLUMN "full_name"`,
		`ALTER TABLE "public"."users" ADD COLUMN "last_login_at" timestamp with time zone`,
		`ALTER COLUMN "email" TYPE text`,
		`CREATE INDEX "users_lower_idx" ON "public"."users" (`,
		`lower(email)`,
	} {
		if !strings.Contains(sql.stdout, want) {
			t.Errorf("SQL lacks %q:\n%s", want, sql.stdout)
		}
	}
	if again := runCLI(t, "diff", "--from", url, "--to", to); again.stdout != sql.stdout {
		t.Errorf("the same inputs gave different SQL:\n%s\n---\n%s", sql.stdout, again.stdout)
	}

	plan := runCLI(t, "diff", "--from", url, "--to", to, "--format", "plan")
	for _, want := range []string{"- drop column full_name from public.users", "drop-column", "blocking-index", "\n"} {
		if !strings.Contains(plan.stdout, want) {
			t.Errorf("plan lacks %q:\n%s", want, plan.stdout)
		}
	}
	if strings.Contains(plan.stdout, "\x1b[") {
		t.Errorf("plan written to a non-terminal has colors:\n%q", plan.stdout)
	}

	js := runCLI(t, "diff", "--from", url, "--to", to, "--format", "json")
	var doc struct {
		Dialect string `json:"dialect"`
		Changes []struct {
			Kind string `json:"kind"`
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(js.stdout), &doc); err != nil {
		t.Fatalf("json output does not parse: %v\n%s", err, js.stdout)
	}
	if doc.Dialect != "postgres" || len(doc.Changes) == 0 {
		t.Errorf("json: dialect %q, %d changes", doc.Dialect, len(doc.Changes))
	}

	down := runCLI(t, "diff", "--from", url, "--to", to, "--down")
	if !strings.Contains(down.stdout, `ADD COLUMN "full_name" character varying(100)`) {
		t.Errorf("down migration does not restore full_name:\n%s", down.stdout)
	}
}

// TestInspectLoadsBack: inspect's HCL and YAML, used as desired schemas
// against the same database, give no change; its SQL rebuilds it.
func TestInspectLoadsBack(t *testing.T) {
	url := seed000DB(t)
	for _, format := range []string{"hcl", "yaml"} {
		r := runCLI(t, "inspect", "--url", url, "--format", format)
		if r.code != exitOK {
			t.Fatalf("inspect --format %s: exit %d: %s", format, r.code, r.stderr)
		}
		path := writeSchema(t, "inspected."+format, r.stdout)
		d := runCLI(t, "diff", "--from", url, "--to", path, "--exit-code")
		if d.code != exitOK || d.stdout != "" {
			t.Errorf("inspect as %s loaded back differs (exit %d):\n%s%s", format, d.code, d.stdout, d.stderr)
		}
	}

	sql := runCLI(t, "inspect", "--url", url, "--format", "sql")
	rebuilt := pgtest.NewDB(t)
	pgtest.Exec(t, rebuilt, sql.stdout)
	if d := runCLI(t, "diff", "--from", rebuilt, "--to", url, "--exit-code"); d.code != exitOK {
		t.Errorf("inspect --format sql does not rebuild the database (exit %d):\n%s%s", d.code, d.stdout, d.stderr)
	}

	js := runCLI(t, "inspect", "--url", url, "--format", "json")
	if !json.Valid([]byte(js.stdout)) || !strings.Contains(js.stdout, `"users"`) {
		t.Errorf("inspect --format json:\n%s", js.stdout)
	}
}

// TestValidateAndFmt: validate reports a valid schema; fmt lays a file out
// canonically, once (a second run changes nothing), and --check says so.
func TestValidateAndFmt(t *testing.T) {
	v := runCLI(t, "validate", filepath.Join(examples, "shop.hcl"))
	if v.code != exitOK || !strings.Contains(v.stdout, "valid postgres schema") {
		t.Errorf("validate: exit %d, %q %q", v.code, v.stdout, v.stderr)
	}

	path := writeSchema(t, "messy.hcl", "dialect=\"postgres\"\ntable \"t\" {\ncolumn \"a\" {\ntype=\"text\"\nnull = true\n}\n}\n")
	if r := runCLI(t, "fmt", "--check", path); r.code != exitChanges {
		t.Errorf("fmt --check on a messy file: exit %d, want 1", r.code)
	}
	if r := runCLI(t, "fmt", path); r.code != exitOK || !strings.Contains(r.stdout, "messy.hcl") {
		t.Errorf("fmt: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	first, _ := os.ReadFile(path)
	if r := runCLI(t, "fmt", "--check", path); r.code != exitOK {
		t.Errorf("fmt --check after fmt: exit %d, want 0", r.code)
	}
	if !strings.Contains(string(first), "    type = \"text\"") {
		t.Errorf("fmt did not indent:\n%s", first)
	}
	if r := runCLI(t, "validate", path); r.code != exitOK {
		t.Errorf("formatted file no longer validates: %s", r.stderr)
	}
}

// TestDevURL: a check whose stored form the built-in rules cannot match
// (PostgreSQL casts the integer to double precision for interval * float8)
// shows a spurious change without --dev-url and none with it, and the
// scratch database is gone afterwards.
func TestDevURL(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, `CREATE TABLE events (at timestamptz NOT NULL, CONSTRAINT events_at_check CHECK (at > now() - '1 day'::interval * 2))`)
	to := writeSchema(t, "events.hcl", `dialect = "postgres"

table "events" {
  column "at" {
    type = "timestamptz"
  }
  check "events_at_check" {
    expr = "at > now() - '1 day'::interval * 2"
  }
}
`)
	if r := runCLI(t, "diff", "--from", url, "--to", to, "--exit-code"); r.code != exitChanges {
		t.Errorf("without --dev-url: exit %d, want 1 (if the built-in rules now match this literal, pick another expression they can't)", r.code)
	}
	admin := pgtest.AdminURL(t)
	r := runCLI(t, "diff", "--from", url, "--to", to, "--dev-url", admin, "--exit-code")
	if r.code != exitOK || r.stdout != "" {
		t.Errorf("with --dev-url: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var left int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_database WHERE datname LIKE 'schemadiff_dev_%'`).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Errorf("--dev-url left %d scratch databases behind", left)
	}
}

// TestSQLServerExample is the SQL Server issue's "done when": from the empty
// schema to seed 002's tables, the T-SQL creates every object once, with every
// option, identically from HCL and YAML; --no-go leaves out the batch lines.
func TestSQLServerExample(t *testing.T) {
	ex := "../../testdata/examples/sqlserver"
	empty := filepath.Join(ex, "empty.hcl")
	hcl := runCLI(t, "diff", "--from", empty, "--to", filepath.Join(ex, "users.hcl"))
	yaml := runCLI(t, "diff", "--from", empty, "--to", filepath.Join(ex, "users.yaml"))
	if hcl.code != exitOK || hcl.stdout != yaml.stdout {
		t.Fatalf("exit %d %s; HCL and YAML give the same T-SQL: %v", hcl.code, hcl.stderr, hcl.stdout == yaml.stdout)
	}
	for _, want := range []string{
		"CONSTRAINT [pk_users] PRIMARY KEY NONCLUSTERED ([id])",
		"CREATE UNIQUE CLUSTERED INDEX [ix_users_index_id] ON [dbo].[users] ([index_id]);",
		"CREATE UNIQUE NONCLUSTERED INDEX [ix_users_tenant_email] ON [dbo].[users] ([tenant_id], [email]) WHERE is_deleted = 0;",
		"INCLUDE ([email]) WHERE is_deleted = 0;",
		"[index_id] bigint IDENTITY(1, 1) NOT NULL",
		"CONSTRAINT [df_users_id] DEFAULT (NEWID())",
		"CONSTRAINT [fk_users_tenant] FOREIGN KEY ([tenant_id]) REFERENCES [dbo].[tenants] ([id])",
		"\nGO\n",
	} {
		if strings.Count(hcl.stdout, want) < 1 {
			t.Errorf("T-SQL lacks %q", want)
		}
	}
	if n := strings.Count(hcl.stdout, "[ix_users_active]"); n != 1 {
		t.Errorf("ix_users_active appears %d times, want once", n)
	}
	clustered := strings.Index(hcl.stdout, "[ix_users_index_id]")
	if nonclustered := strings.Index(hcl.stdout, "[ix_users_active]"); clustered < 0 || nonclustered < clustered {
		t.Errorf("the clustered index of users is not created before its nonclustered ones")
	}
	noGO := runCLI(t, "diff", "--from", empty, "--to", filepath.Join(ex, "users.hcl"), "--no-go")
	if strings.Contains(noGO.stdout, "\nGO\n") || !strings.Contains(noGO.stdout, "CREATE TABLE [dbo].[users]") {
		t.Errorf("--no-go output:\n%s", noGO.stdout)
	}
}
