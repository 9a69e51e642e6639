package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/kong"
	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/internal/source"
	"github.com/schemadiff/schemadiff/render"
)

// editSchema writes the schema file from with every old replaced by its new
// (pairs) into a fresh temp folder and returns its path.
func editSchema(t *testing.T, from string, pairs ...string) string {
	t.Helper()
	src, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%s does not hold %q", from, pairs[i])
		}
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return writeSchema(t, filepath.Base(from), s)
}

// usersChanged writes seed 000's users table without full_name (a
// drop-column hazard) and with a new nullable column, nickname.
func usersChanged(t *testing.T) string {
	return editSchema(t, filepath.Join(examples, "users.hcl"),
		`column "full_name" {`, `column "nickname" {`, `type = "varchar(100)"
    null = true`, `type = "text"
    null = true`)
}

// assertEquals checks, independently of apply, that the database at url
// (its schemas among schemas; all when none are given) equals the schema
// file: introspected and diffed, no change remains.
func assertEquals(t *testing.T, url, file string, schemas ...string) {
	t.Helper()
	ctx := context.Background()
	live, err := source.Load(ctx, url, source.Options{Schemas: schemas})
	if err != nil {
		t.Fatal(err)
	}
	want, err := source.Load(ctx, file, source.Options{Dialect: live.Dialect})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := diff.Compare(live, want, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Changes) > 0 {
		var b strings.Builder
		render.WritePlan(&b, plan, false)
		t.Errorf("the database does not equal %s:\n%s", filepath.Base(file), b.String())
	}
}

// step is one run of the command line and what it must give.
type step struct {
	name       string
	args       []string
	code       int
	stdout     []string // what stdout holds
	stderr     []string // what stderr holds
	notStdout  []string // what stdout must not hold
	stateAfter string   // the schema file the database equals afterwards
	schemas    []string // the database schemas stateAfter describes (default: all)
}

// runSteps runs steps in order on one database, checking each.
func runSteps(t *testing.T, url string, steps []step) {
	t.Helper()
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			r := runCLI(t, s.args...)
			if r.code != s.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, s.code, r.stdout, r.stderr)
			}
			for _, w := range s.stdout {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("stdout does not hold %q:\n%s", w, r.stdout)
				}
			}
			for _, w := range s.notStdout {
				if strings.Contains(r.stdout, w) {
					t.Errorf("stdout holds %q:\n%s", w, r.stdout)
				}
			}
			for _, w := range s.stderr {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr does not hold %q:\n%s", w, r.stderr)
				}
			}
			assertEquals(t, url, s.stateAfter, s.schemas...)
		})
	}
}

// TestApply takes a real PostgreSQL from empty to seed 000's table, then to
// a changed schema: the drop-column hazard is refused until allowed, a dry
// run and a run without terminal or --auto-approve change nothing. After
// each step the database is inspected again and diffed against the schema.
func TestApply(t *testing.T) {
	url := pgtest.NewDB(t)
	users := filepath.Join(examples, "users.hcl")
	changed := usersChanged(t)
	apply := func(to string, more ...string) []string {
		return append([]string{"apply", "--url", url, "--to", to}, more...)
	}
	runSteps(t, url, []step{
		{
			name: "empty to seed 000", args: apply(users, "--auto-approve"),
			stdout:     []string{"+ create table public.users", `CREATE TABLE "public"."users"`},
			stderr:     []string{"running 1 statement in one transaction", "committed", "Applied the plan to postgres://", "it now equals the desired schema"},
			stateAfter: users,
		},
		{
			name: "no changes", args: apply(users),
			stdout: []string{"No changes."}, stderr: []string{"already equals the desired schema"},
			stateAfter: users,
		},
		{
			name: "drop-column refused", args: apply(changed, "--auto-approve"), code: exitFailure,
			stdout:     []string{"- drop column full_name from public.users", "! error drop-column"},
			stderr:     []string{"refusing to apply: the plan has error-level hazards: drop-column (Dropping column public.users.full_name deletes its values.); pass --allow-hazards drop-column to apply it anyway"},
			stateAfter: users,
		},
		{
			name: "dry run changes nothing", args: apply(changed, "--dry-run", "--format", "sql"),
			stdout:     []string{`ALTER TABLE "public"."users" DROP COLUMN "full_name";`, `ADD COLUMN "nickname" text`},
			notStdout:  []string{"drop column full_name from public.users"},
			stderr:     []string{"note: the plan has error-level hazards: apply refuses it without --allow-hazards drop-column", "Dry run: nothing was applied."},
			stateAfter: users,
		},
		{
			name: "no terminal and no --auto-approve refuses", args: apply(changed, "--allow-hazards", "drop-column"), code: exitFailure,
			stderr:     []string{"stdin is not a terminal; pass --auto-approve"},
			stateAfter: users,
		},
		{
			name: "drop-column allowed", args: apply(changed, "--allow-hazards", "drop-column", "--auto-approve"),
			stdout:     []string{"- drop column full_name from public.users", "+ add column nickname to public.users"},
			stderr:     []string{"running 2 statements in one transaction", "Applied the plan"},
			stateAfter: changed,
		},
	})
}

// TestApplyConcurrently: an index built CONCURRENTLY cannot run in a
// transaction block; apply says so and runs it on its own, and it is valid.
func TestApplyConcurrently(t *testing.T) {
	url := seed000DB(t)
	to := editSchema(t, filepath.Join(examples, "users.hcl"),
		"  primary_key {", "  index \"users_full_name_idx\" {\n    columns = [\"full_name\"]\n  }\n\n  primary_key {")
	runSteps(t, url, []step{{
		name: "concurrently", args: []string{"apply", "--url", url, "--to", to, "--concurrently", "--auto-approve"},
		stdout: []string{"+ create index public.users_full_name_idx on public.users (concurrently)", `CREATE INDEX CONCURRENTLY "users_full_name_idx"`},
		stderr: []string{"1 of 1 statements cannot run inside a transaction block: each runs on its own, in plan order",
			`running outside a transaction: CREATE INDEX CONCURRENTLY "users_full_name_idx"`},
		stateAfter: to,
	}})
	var valid bool
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if err := conn.QueryRow(ctx, `SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_full_name_idx'::regclass`).Scan(&valid); err != nil || !valid {
		t.Errorf("index users_full_name_idx valid = %v (%v), want a valid index", valid, err)
	}
}

// TestApplyLockTimeout: with another session holding a lock on the table
// (an open transaction that read it), apply fails after --lock-timeout with
// a message that says so, instead of queueing behind it, and changes nothing.
func TestApplyLockTimeout(t *testing.T) {
	url := seed000DB(t)
	ctx := context.Background()
	holder, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close(ctx)
	tx, err := holder.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT count(*) FROM users"); err != nil {
		t.Fatal(err)
	}
	// A safety net, not a timing assertion: without lock_timeout the ALTER
	// would wait for the holder forever.
	deadline, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	code := run(deadline, []string{"apply", "--url", url, "--to", usersChanged(t),
		"--allow-hazards", "drop-column", "--auto-approve", "--lock-timeout", "500ms"}, &stdout, &stderr)
	if deadline.Err() != nil {
		t.Fatalf("the safety net fired: apply queued behind the lock; stderr: %s", stderr.String())
	}
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	for _, w := range []string{"waited longer than the lock timeout (500ms)", "raise --lock-timeout", "nothing was applied"} {
		if !strings.Contains(stderr.String(), w) {
			t.Errorf("stderr does not say %q:\n%s", w, stderr.String())
		}
	}
	tx.Rollback(ctx)
	assertEquals(t, url, filepath.Join(examples, "users.hcl"))
}

// runAnswering runs the command line as run does, but with a terminal that
// answers answer to the confirmation prompt.
func runAnswering(t *testing.T, answer string, args ...string) (result, error) {
	t.Helper()
	var c cli
	var stdout, stderr bytes.Buffer
	parser, err := kong.New(&c, kong.Writers(&stdout, &stderr))
	if err != nil {
		t.Fatal(err)
	}
	kctx, err := parser.Parse(args)
	if err != nil {
		t.Fatal(err)
	}
	err = kctx.Run(&env{ctx: context.Background(), stdout: &stdout, stderr: &stderr, stdin: strings.NewReader(answer)})
	return result{stdout: stdout.String(), stderr: stderr.String()}, err
}

// TestApplyConfirm: on a terminal apply asks, and applies only on yes.
func TestApplyConfirm(t *testing.T) {
	users := filepath.Join(examples, "users.hcl")
	tests := []struct {
		answer  string
		applied bool
	}{
		{"y\n", true},
		{"YES\n", true},
		{"n\n", false},
		{"\n", false},
		{"", false}, // end of input
	}
	for _, tt := range tests {
		t.Run(strings.TrimSpace(tt.answer), func(t *testing.T) {
			url := pgtest.NewDB(t)
			r, err := runAnswering(t, tt.answer, "apply", "--url", url, "--to", users)
			if !strings.Contains(r.stderr, "Apply this change to postgres://postgres@") || !strings.Contains(r.stderr, "? [y/N] ") {
				t.Errorf("stderr does not ask:\n%s", r.stderr)
			}
			if tt.applied {
				if err != nil {
					t.Fatalf("not applied: %v", err)
				}
				assertEquals(t, url, users)
				return
			}
			if err == nil || !strings.Contains(err.Error(), "the answer was not yes; nothing was changed") {
				t.Errorf("error %v, want a refusal", err)
			}
			assertEquals(t, url, filepath.Join(examples, "empty.hcl"))
		})
	}
}

// TestApplyBadInput: bad input gives exit 2 and one clear line that says
// what to do, never the password.
func TestApplyBadInput(t *testing.T) {
	ex, err := filepath.Abs(examples)
	if err != nil {
		t.Fatal(err)
	}
	users := filepath.Join(ex, "users.hcl")
	url := pgtest.NewDB(t)
	t.Chdir(t.TempDir()) // no configuration file
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no URL", []string{"apply", "--to", users}, "no database to apply to: give --url, or --env"},
		{"not a URL", []string{"apply", "--url", "localhost/db", "--to", users}, "is not a database URL"},
		{"negative lock timeout", []string{"apply", "--url", url, "--to", users, "--lock-timeout=-1s"}, "--lock-timeout -1s: give a duration of 0 or more"},
		{"bad format", []string{"apply", "--url", url, "--to", users, "--format", "hcl"}, "--format"},
		{"unreachable, password redacted", []string{"apply", "--url", "postgres://app:Secret1!@127.0.0.1:1/db?connect_timeout=5", "--to", users}, "app:xxxxx@127.0.0.1:1"},
		{"table outside --schema", []string{"apply", "--url", url, "--to", users, "--schema", "app"}, "is in the desired schema but its schema is not among the managed schemas (--schema app): add --schema public"},
		{"excluded table", []string{"apply", "--url", url, "--to", users, "--exclude", "users"}, "table public.users is in the desired schema but it is left out of the database comparison"},
		{"dialects differ", []string{"apply", "--url", url, "--to", filepath.Join(ex, "..", "sqlserver", "users.hcl")}, "sqlserver"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			if r.code != exitFailure || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "Secret1!") {
				t.Errorf("exit %d, stderr %q; want exit 2 saying %q", r.code, r.stderr, tt.want)
			}
			if r.stdout != "" {
				t.Errorf("stdout is not empty: %q", r.stdout)
			}
		})
	}
	assertEquals(t, url, filepath.Join(ex, "empty.hcl"))
}

// TestApplyJSONAndConfig: settings come from schemadiff.yaml (the schema
// path and an environment's url naming a variable), and --format json
// prints the plan as JSON, statements marked as diff --format json does.
func TestApplyJSONAndConfig(t *testing.T) {
	url := pgtest.NewDB(t)
	users, err := filepath.Abs(filepath.Join(examples, "users.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	t.Setenv("APPLY_TEST_URL", url)
	if err := os.WriteFile("schemadiff.yaml", []byte("schema: "+users+"\nenv:\n  dev:\n    url: ${APPLY_TEST_URL}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "apply", "--env", "dev", "--format", "json", "--auto-approve")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Changes []struct {
			Kind       string `json:"kind"`
			Statements []struct {
				SQL string `json:"sql"`
			} `json:"statements"`
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, r.stdout)
	}
	if len(out.Changes) != 1 || out.Changes[0].Kind != "create_table" || len(out.Changes[0].Statements) != 1 {
		t.Errorf("JSON plan %+v, want one create_table with its statement", out)
	}
	assertEquals(t, url, users)
}

// TestApplyEnumValue: a value ALTER TYPE … ADD VALUE adds cannot be used in
// the transaction that adds it; apply runs it on its own first, so a default
// later in the same plan may use it.
func TestApplyEnumValue(t *testing.T) {
	url := pgtest.NewDB(t)
	pair := filepath.Join("..", "..", "testdata", "convergence", "107_enum_value_added_at_end")
	from := filepath.Join(pair, "from.hcl")
	to := editSchema(t, filepath.Join(pair, "to.hcl"), `default = "open"`, `default = "archived"`)
	runSteps(t, url, []step{
		{name: "from", args: []string{"apply", "--url", url, "--to", from, "--auto-approve"}, stateAfter: from},
		{
			name: "add a value and use it", args: []string{"apply", "--url", url, "--to", to, "--auto-approve"},
			stdout: []string{`ALTER TYPE "public"."ticket_state" ADD VALUE 'archived'`, `SET DEFAULT 'archived'`},
			stderr: []string{"1 of 2 statements cannot run inside a transaction block", `running outside a transaction: ALTER TYPE "public"."ticket_state" ADD VALUE 'archived'`,
				"running 1 statement in one transaction"},
			stateAfter: to,
		},
	})
}

// TestApplySchemaFlag: --schema manages only the schemas it names: one that
// does not exist yet is created, tables of other schemas are left alone.
func TestApplySchemaFlag(t *testing.T) {
	url := seed000DB(t)
	app := writeSchema(t, "app.hcl", `dialect = "postgres"

schema "app" {}

table "orders" {
  schema = "app"
  column "id" {
    type = "bigint"
  }
  primary_key {
    columns = ["id"]
  }
}
`)
	args := []string{"apply", "--url", url, "--to", app, "--schema", "app", "--auto-approve"}
	runSteps(t, url, []step{
		{
			name: "app created, public left alone", args: args,
			stdout:     []string{"+ create schema app", "+ create table app.orders"},
			notStdout:  []string{"users"},
			stateAfter: app, schemas: []string{"app"},
		},
		{name: "again: no changes", args: args, stdout: []string{"No changes."}, stateAfter: app, schemas: []string{"app"}},
		{name: "public untouched", args: []string{"apply", "--url", url, "--to", filepath.Join(examples, "users.hcl"), "--schema", "public", "--dry-run"},
			stdout: []string{"No changes."}, stateAfter: filepath.Join(examples, "users.hcl"), schemas: []string{"public"}},
	})
}
