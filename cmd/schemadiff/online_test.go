package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// onlineTo is the desired state of the --online CLI tests: accounts gains a
// unique constraint, an index and NOT NULL on name.
const onlineTo = `dialect = "postgres"
table "accounts" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  column "name" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
  unique "accounts_email_key" {
    columns = ["email"]
  }
  index "accounts_name_idx" {
    columns = ["name"]
  }
}
`

// onlineDB returns a database holding accounts, with rows, as before onlineTo.
func onlineDB(t *testing.T) string {
	t.Helper()
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, `CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL, name text);
INSERT INTO accounts SELECT g, 'u' || g || '@example.com', 'n' || g FROM generate_series(1, 100) g;`)
	return url
}

// TestOnlineCLI: --online on diff, generate (also online: true in the
// configuration) and apply, with the timeouts; bad timeouts and editions
// are errors that say what to give.
func TestOnlineCLI(t *testing.T) {
	to := writeSchema(t, "online.hcl", onlineTo)
	for _, tc := range []struct {
		name   string
		args   func(url string) []string
		code   int
		stdout []string // in this order
		stderr []string
	}{{
		name: "diff --online opens with the timeouts",
		args: func(url string) []string {
			return []string{"diff", "--from", url, "--to", to, "--online", "--lock-timeout", "2s", "--statement-timeout", "1m"}
		},
		stdout: []string{"SET lock_timeout = 2000;\nSET statement_timeout = 60000;\n",
			`ADD CONSTRAINT "accounts_name_not_null" CHECK ("name" IS NOT NULL) NOT VALID`,
			`VALIDATE CONSTRAINT "accounts_name_not_null"`,
			`CREATE UNIQUE INDEX CONCURRENTLY "accounts_email_key"`,
			`UNIQUE USING INDEX "accounts_email_key"`,
			`DROP INDEX CONCURRENTLY IF EXISTS "public"."accounts_name_idx"`,
			`CREATE INDEX CONCURRENTLY "accounts_name_idx"`},
	}, {
		name:   "diff without --online has no timeouts",
		args:   func(url string) []string { return []string{"diff", "--from", url, "--to", to} },
		stdout: []string{`ALTER TABLE "public"."accounts" ALTER COLUMN "name" SET NOT NULL`},
	}, {
		name: "a negative timeout is bad input",
		args: func(url string) []string {
			return []string{"diff", "--from", url, "--to", to, "--online", "--statement-timeout=-1s"}
		},
		code:   exitFailure,
		stderr: []string{"--statement-timeout -1s: give a duration of 0 or more"},
	}, {
		name: "apply --online",
		args: func(url string) []string {
			return []string{"apply", "--url", url, "--to", to, "--online", "--auto-approve"}
		},
		stderr: []string{"running outside a transaction: CREATE UNIQUE INDEX CONCURRENTLY", "running outside a transaction: ALTER TABLE \"public\".\"accounts\" VALIDATE CONSTRAINT"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.args(onlineDB(t))...)
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d\n%s%s", r.code, tc.code, r.stdout, r.stderr)
			}
			rest := r.stdout
			for _, s := range tc.stdout {
				i := strings.Index(rest, s)
				if i < 0 {
					t.Fatalf("stdout lacks %q (in order):\n%s", s, r.stdout)
				}
				rest = rest[i+len(s):]
			}
			if tc.code == 0 && len(tc.stdout) > 0 && strings.HasPrefix(tc.stdout[0], "SET") != strings.HasPrefix(r.stdout, "SET lock_timeout") {
				t.Errorf("the script opens with the timeouts only under --online:\n%s", r.stdout)
			}
			for _, s := range tc.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
		})
	}
}

// TestOnlineConfig: online: true in the configuration makes generate write
// an online migration whose files open with the timeouts and whose header
// says --online; an unknown sqlserver_edition is an error at its line.
func TestOnlineConfig(t *testing.T) {
	url := onlineDB(t)
	t.Chdir(t.TempDir())
	if err := os.WriteFile("schemadiff.yaml", []byte("dialect: postgres\nto: schema.hcl\nonline: true\nmigrations:\n  dir_format: goose\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("schema.hcl", []byte(onlineTo), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "generate", "-m", "online", "--url", url, "--lock-timeout", "3s", "--now", "2024-05-01T12:00:00Z")
	if r.code != 0 {
		t.Fatalf("generate: exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join("migrations", "20240501120000_online.sql"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"--online --lock-timeout 3s --statement-timeout 0s", "-- +goose NO TRANSACTION",
		"-- +goose Up\nSET lock_timeout = 3000;\nSET statement_timeout = 0;\n", "CREATE UNIQUE INDEX CONCURRENTLY"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the migration lacks %q:\n%s", want, data)
		}
	}

	if err := os.WriteFile("schemadiff.yaml", []byte("dialect: postgres\nsqlserver_edition: premium\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "generate", "-m", "again", "--url", url)
	if r.code != exitFailure || !strings.Contains(r.stderr, `schemadiff.yaml:2:20: sqlserver_edition "premium": give enterprise, developer, azure, standard, web or express`) {
		t.Errorf("unknown edition: exit %d: %s", r.code, r.stderr)
	}
}
