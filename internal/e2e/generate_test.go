package e2e

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	gomigrate "github.com/golang-migrate/migrate/v4"
	_ "github.com/golang-migrate/migrate/v4/database/pgx/v5" // the real golang-migrate PostgreSQL driver
	_ "github.com/golang-migrate/migrate/v4/source/file"     // the real golang-migrate file source
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx" for goose
	"github.com/pressly/goose/v3"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/internal/pgscript"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/introspect"
	"github.com/schemadiff/schemadiff/schema"
)

// generateSteps are the desired schemas of three migrations in a row: create
// tables; add a column and a partial index; drop a column.
var generateSteps = []struct{ message, hcl string }{
	{"create users and orders", `
dialect = "postgres"
table "users" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "email" { type = "text" }
  column "legacy" {
    type = "text"
    null = true
  }
  primary_key { columns = ["id"] }
}
table "orders" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "user_id" { type = "bigint" }
  column "total" {
    type    = "numeric(10,2)"
    default = 0
  }
  primary_key { columns = ["id"] }
  foreign_key "orders_user_id_fkey" {
    columns     = ["user_id"]
    ref_table   = "users"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
}
`},
	{"add deleted_at and a partial index", `
dialect = "postgres"
table "users" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "email" { type = "text" }
  column "legacy" {
    type = "text"
    null = true
  }
  column "deleted_at" {
    type = "timestamptz"
    null = true
  }
  primary_key { columns = ["id"] }
  index "users_active_email_idx" {
    columns = ["email"]
    unique  = true
    where   = "deleted_at IS NULL"
  }
}
table "orders" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "user_id" { type = "bigint" }
  column "total" {
    type    = "numeric(10,2)"
    default = 0
  }
  primary_key { columns = ["id"] }
  foreign_key "orders_user_id_fkey" {
    columns     = ["user_id"]
    ref_table   = "users"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
}
`},
}

// steps returns the three desired schemas (the third drops users.legacy).
func steps(t *testing.T) []*schema.Database {
	t.Helper()
	texts := []string{generateSteps[0].hcl, generateSteps[1].hcl,
		strings.Replace(generateSteps[1].hcl, "  column \"legacy\" {\n    type = \"text\"\n    null = true\n  }\n", "", 1)}
	var out []*schema.Database
	for i, text := range texts {
		p := filepath.Join(t.TempDir(), "schema.hcl")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		db := loadFile(t, p)
		if i == 2 && db.Table(schema.QName{Schema: "public", Name: "users"}).Column("legacy") != nil {
			t.Fatal("step 3 still has users.legacy")
		}
		out = append(out, db)
	}
	return out
}

// generateAll writes the three migrations of steps into a new directory.
func generateAll(t *testing.T, f migrate.Format, want []*schema.Database) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "migrations")
	messages := []string{generateSteps[0].message, generateSteps[1].message, "drop users.legacy"}
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	for i, db := range want {
		d, err := migrate.Open(dir, f)
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		from, err := d.State(schema.Postgres)
		if err != nil {
			t.Fatal(err)
		}
		up, err := diff.Compare(from, db, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		down, err := diff.Down(from, db, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(up.Changes) == 0 {
			t.Fatalf("step %d: no changes", i+1)
		}
		if _, err := d.Write(migrate.Request{Message: messages[i], Command: "test", Up: up, Down: down, From: from, State: db, Now: now}); err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
	return dir
}

// liveState reads the database at url, leaving out the tools' tables.
func liveState(t *testing.T, url string) *schema.Database {
	t.Helper()
	ctx := context.Background()
	in, err := introspect.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	db, err := in.Inspect(ctx, introspect.Options{Exclude: migrate.ToolTables()})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// tool applies a migration directory up and all the way down.
type tool struct {
	up, down func(t *testing.T, dir, url string)
}

// toolOf returns the real client (or the markers' semantics) of format f.
func toolOf(f migrate.Format) tool {
	switch f {
	case migrate.Goose:
		return tool{gooseUp, gooseDown}
	case migrate.Dbmate:
		return tool{dbmateUp, dbmateDown}
	case migrate.Flyway:
		return tool{flywayUp, flywayDown}
	case migrate.Alembic:
		return tool{alembicUp, alembicDown}
	}
	return tool{golangMigrateUp, golangMigrateDown}
}

// TestGeneratedMigrationsApply generates three migrations per format, applies
// them with the format's tool, requires the database to equal the desired
// schema and the recorded state, and applies the downs back to empty.
func TestGeneratedMigrationsApply(t *testing.T) {
	want := steps(t)
	formats := []migrate.Format{migrate.SQL, migrate.GolangMigrate, migrate.Goose, migrate.Dbmate, migrate.Flyway, migrate.Alembic}
	for _, f := range formats {
		t.Run(string(f), func(t *testing.T) {
			dir := generateAll(t, f, want)
			url := pgtest.NewDB(t)
			toolOf(f).up(t, dir, url)

			live := liveState(t, url)
			plan, err := diff.Compare(live, want[2], diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Changes) > 0 {
				t.Errorf("database after the up migrations differs from the desired schema: %d changes, first %s", len(plan.Changes), plan.Changes[0].Kind)
			}
			d, err := migrate.Open(dir, f)
			if err != nil {
				t.Fatal(err)
			}
			state, err := d.State(schema.Postgres)
			if err != nil {
				t.Fatal(err)
			}
			// The offline state is the live state: generate --url would find nothing.
			if d := cmp.Diff(state, live, cmpopts.IgnoreTypes(schema.Pos{})); d != "" {
				t.Errorf("recorded state differs from the live database (-recorded +live):\n%s", d)
			}

			toolOf(f).down(t, dir, url)
			if left := liveState(t, url); len(left.Tables) > 0 {
				t.Errorf("after the down migrations %d tables are left, first %s", len(left.Tables), left.Tables[0].Name)
			}
		})
	}
}

// TestReplayMatchesRecordedState replays a directory on a scratch server
// (--dev-url) and finds the recorded state.
func TestReplayMatchesRecordedState(t *testing.T) {
	want := steps(t)
	for _, f := range []migrate.Format{migrate.Goose, migrate.Dbmate} {
		dir := generateAll(t, f, want)
		d, err := migrate.Open(dir, f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := d.Replay(context.Background(), pgtest.AdminURL(t), nil)
		if err != nil {
			t.Fatalf("%s: replay: %v", f, err)
		}
		if diff := cmp.Diff(want[2], got, cmpopts.IgnoreTypes(schema.Pos{})); diff != "" {
			t.Errorf("%s: replayed state (-want +got):\n%s", f, diff)
		}
	}
}

func golangMigrate(t *testing.T, dir, url string) *gomigrate.Migrate {
	t.Helper()
	m, err := gomigrate.New("file://"+dir, "pgx5://"+strings.TrimPrefix(url, "postgres://"))
	if err != nil {
		t.Fatalf("golang-migrate: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func golangMigrateUp(t *testing.T, dir, url string) {
	if err := golangMigrate(t, dir, url).Up(); err != nil {
		t.Fatalf("golang-migrate up: %v", err)
	}
}

func golangMigrateDown(t *testing.T, dir, url string) {
	if err := golangMigrate(t, dir, url).Down(); err != nil && !errors.Is(err, gomigrate.ErrNoChange) {
		t.Fatalf("golang-migrate down: %v", err)
	}
}

func gooseProvider(t *testing.T, dir, url string) *goose.Provider {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	p, err := goose.NewProvider(goose.DialectPostgres, db, os.DirFS(dir))
	if err != nil {
		t.Fatalf("goose: %v", err)
	}
	return p
}

func gooseUp(t *testing.T, dir, url string) {
	if _, err := gooseProvider(t, dir, url).Up(context.Background()); err != nil {
		t.Fatalf("goose up: %v", err)
	}
}

func gooseDown(t *testing.T, dir, url string) {
	if _, err := gooseProvider(t, dir, url).DownTo(context.Background(), 0); err != nil {
		t.Fatalf("goose down: %v", err)
	}
}

// sqlFiles returns the files of dir matching pattern, sorted by the number
// of group 1 (newest last).
func sqlFiles(t *testing.T, dir, pattern string) []string {
	t.Helper()
	re := regexp.MustCompile(pattern)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if re.MatchString(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out) // versions of one length sort as numbers
	return out
}

// execScript runs script as one multi-statement query, in a transaction
// unless inTx is false: what dbmate and Flyway do with a migration.
func execScript(t *testing.T, url, name, script string, inTx bool) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if inTx {
		script = "BEGIN;\n" + script + "\nCOMMIT;"
	}
	if _, err := conn.Exec(ctx, script, pgx.QueryExecModeSimpleProtocol); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// dbmateSection splits a dbmate file as dbmate does: the text after the
// "-- migrate:up" line up to the "-- migrate:down" line, or after that line;
// options on the marker line (transaction:false) are returned too.
func dbmateSection(t *testing.T, content, which string) (string, bool) {
	t.Helper()
	marker := regexp.MustCompile(`(?m)^--\s*migrate:(up|down)(.*)$`)
	locs := marker.FindAllStringSubmatchIndex(content, -1)
	if len(locs) != 2 || content[locs[0][2]:locs[0][3]] != "up" {
		t.Fatalf("dbmate file needs -- migrate:up then -- migrate:down:\n%s", content)
	}
	i := 0
	if which == "down" {
		i = 1
	}
	end := len(content)
	if i == 0 {
		end = locs[1][0]
	}
	opts := content[locs[i][4]:locs[i][5]]
	return content[locs[i][1]:end], !strings.Contains(opts, "transaction:false")
}

func dbmateUp(t *testing.T, dir, url string) {
	for _, f := range sqlFiles(t, dir, `^[0-9]+_.*\.sql$`) {
		data, _ := os.ReadFile(f)
		body, tx := dbmateSection(t, string(data), "up")
		execScript(t, url, f, body, tx)
	}
}

func dbmateDown(t *testing.T, dir, url string) {
	files := sqlFiles(t, dir, `^[0-9]+_.*\.sql$`)
	for i := len(files) - 1; i >= 0; i-- {
		data, _ := os.ReadFile(files[i])
		body, tx := dbmateSection(t, string(data), "down")
		execScript(t, url, files[i], body, tx)
	}
}

// flywayRun runs Flyway scripts in order, each in a transaction unless its
// .conf says executeInTransaction=false; then, as Flyway does, each of its
// statements runs on its own.
func flywayRun(t *testing.T, url string, files []string) {
	t.Helper()
	for _, f := range files {
		data, _ := os.ReadFile(f)
		conf, _ := os.ReadFile(f + ".conf")
		if strings.Contains(string(conf), "executeInTransaction=false") {
			if err := pgscript.Apply(context.Background(), url, pgscript.Split(string(data))); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			continue
		}
		execScript(t, url, f, string(data), true)
	}
}

func flywayUp(t *testing.T, dir, url string) {
	flywayRun(t, url, sqlFiles(t, dir, `^V[0-9]+__.*\.sql$`))
}

func flywayDown(t *testing.T, dir, url string) {
	files := sqlFiles(t, dir, `^U[0-9]+__.*\.sql$`)
	for i, j := 0, len(files)-1; i < j; i, j = i+1, j-1 {
		files[i], files[j] = files[j], files[i]
	}
	flywayRun(t, url, files)
}

// TestEnumValueAddedAndUsed: a migration that adds an enum value and makes
// it a column's default runs under the real tools, which would otherwise run
// both in one transaction (PostgreSQL: "unsafe use of new value"); rolled
// back one migration at a time (golang-migrate), each part restores the
// schema its up started from.
func TestEnumValueAddedAndUsed(t *testing.T) {
	state := func(values, def string) *schema.Database {
		p := filepath.Join(t.TempDir(), "schema.hcl")
		src := `dialect = "postgres"
enum "mood" {
  values = [` + values + `]
}
table "people" {
  column "id" { type = "integer" }
  column "mood" {
    type    = "mood"
    default = "` + def + `"
  }
  primary_key { columns = ["id"] }
}
`
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return loadFile(t, p)
	}
	want := []*schema.Database{state(`"happy", "sad"`, "happy"), state(`"happy", "sad", "meh"`, "meh")}
	// dbmate sends a whole section as one query, and golang-migrate (without
	// x-multi-statement) a whole file, which PostgreSQL runs as one
	// transaction: they work because the ADD VALUE is a migration of its own.
	for _, f := range []migrate.Format{migrate.Goose, migrate.Flyway, migrate.GolangMigrate, migrate.Dbmate} {
		t.Run(string(f), func(t *testing.T) {
			dir := generateAll(t, f, want)
			url := pgtest.NewDB(t)
			toolOf(f).up(t, dir, url)
			plan, err := diff.Compare(liveState(t, url), want[1], diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Changes) > 0 {
				t.Errorf("after the up migrations: %d changes, first %s", len(plan.Changes), plan.Changes[0].Kind)
			}
			if f != migrate.GolangMigrate {
				return
			}
			// Rolled back one migration at a time, each part's down undoes
			// exactly its up: first the default, then the value.
			m := golangMigrate(t, dir, url)
			for i, back := range []*schema.Database{state(`"happy", "sad", "meh"`, "happy"), want[0]} {
				if err := m.Steps(-1); err != nil {
					t.Fatalf("golang-migrate down 1 (#%d): %v", i+1, err)
				}
				plan, err := diff.Compare(liveState(t, url), back, diff.Options{})
				if err != nil {
					t.Fatal(err)
				}
				if len(plan.Changes) > 0 {
					t.Errorf("after down 1 (#%d): %d changes, first %s", i+1, len(plan.Changes), plan.Changes[0].Kind)
				}
			}
		})
	}
}
