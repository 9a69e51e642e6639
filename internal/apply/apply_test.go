package apply

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// TestMain starts the package's private PostgreSQL (see internal/pgtest).
func TestMain(m *testing.M) { pgtest.Main(m) }

// stmts builds statements from SQL; a leading "!" marks one NoTransaction.
func stmts(sqls ...string) []render.Statement {
	out := make([]render.Statement, len(sqls))
	for i, s := range sqls {
		out[i] = render.Statement{SQL: strings.TrimPrefix(s, "!"), NoTransaction: strings.HasPrefix(s, "!")}
	}
	return out
}

func TestBatches(t *testing.T) {
	tests := []struct {
		name string
		in   []render.Statement
		want string // batches: (…) a transaction, […] a statement on its own
	}{
		{"none", nil, ""},
		{"all in one transaction", stmts("a", "b", "c"), "(a b c)"},
		{"one outside", stmts("!a"), "[a]"},
		{"outside in the middle keeps plan order", stmts("a", "b", "!c", "d"), "(a b)[c](d)"},
		{"two outside in a row", stmts("!a", "!b", "c"), "[a][b](c)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for _, batch := range Batches(tt.in) {
				var sqls []string
				for _, s := range batch.Statements {
					sqls = append(sqls, s.SQL)
				}
				open, close := "[", "]"
				if batch.Transaction {
					open, close = "(", ")"
				}
				b.WriteString(open + strings.Join(sqls, " ") + close)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("batches %s, want %s", got, tt.want)
			}
		})
	}
}

func TestCheckHazards(t *testing.T) {
	plan := &diff.Plan{Dialect: schema.Postgres, Changes: []*diff.Change{
		{Kind: diff.DropColumn, Hazards: []diff.Hazard{{Code: "drop-column", Severity: diff.Error, Message: "Dropping column a."}}},
		{Kind: diff.DropTable, Hazards: []diff.Hazard{{Code: "drop-table", Severity: diff.Error, Message: "Dropping table t."}}},
		{Kind: diff.DropColumn, Hazards: []diff.Hazard{{Code: "drop-column", Severity: diff.Error, Message: "Dropping column b."}}},
		{Kind: diff.CreateIndex, Hazards: []diff.Hazard{{Code: "blocking-index", Severity: diff.Warning, Message: "Blocks."}}},
	}}
	tests := []struct {
		name    string
		allowed []string
		want    []string // codes refused; nil: allowed
		say     string
	}{
		{"nothing allowed", nil, []string{"drop-column", "drop-table"}, "drop-column (Dropping column a.), drop-table (Dropping table t.), drop-column (Dropping column b.); pass --allow-hazards drop-column,drop-table to apply it anyway"},
		{"one of two allowed", []string{"drop-table"}, []string{"drop-column"}, "hazards: drop-column (Dropping column a.), drop-column (Dropping column b.); pass --allow-hazards drop-column to"},
		{"warnings need no allowing", []string{"drop-column", "drop-table"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckHazards(plan, tt.allowed)
			var he *HazardError
			if tt.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !errors.As(err, &he) {
				t.Fatalf("error %v, want a *HazardError", err)
			}
			if fmt.Sprint(he.Codes) != fmt.Sprint(tt.want) {
				t.Errorf("codes %v, want %v", he.Codes, tt.want)
			}
			if !strings.Contains(err.Error(), tt.say) {
				t.Errorf("message %q does not say %q", err, tt.say)
			}
		})
	}
}

func TestLockTimeoutStatement(t *testing.T) {
	tests := []struct {
		url  string
		d    time.Duration
		want string
	}{
		{"postgres://h/db", 5 * time.Second, "SET lock_timeout = 5000"},
		{"postgres://h/db", 0, "SET lock_timeout = 0"},
		{"postgresql://h/db", time.Nanosecond, "SET lock_timeout = 1"},
		{"sqlserver://h?database=x", 1500 * time.Millisecond, "SET LOCK_TIMEOUT 1500"},
		{"sqlserver://h?database=x", 0, "SET LOCK_TIMEOUT -1"},
	}
	for _, tt := range tests {
		d, err := driver(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.lockTimeout(tt.d); got != tt.want {
			t.Errorf("%s, %s: %q, want %q", tt.url, tt.d, got, tt.want)
		}
	}
	if _, err := driver("mysql://u:Secret1!@h/db"); err == nil || strings.Contains(err.Error(), "Secret1!") {
		t.Errorf("mysql URL: error %v, want one without the password", err)
	}
}

func TestCheckScope(t *testing.T) {
	want := &schema.Database{Dialect: schema.Postgres,
		Schemas: []*schema.Schema{{Name: "app"}, {Name: "public"}},
		Enums:   []*schema.Enum{{Schema: "app", Name: "mood", Values: []string{"ok"}}},
		Tables: []*schema.Table{
			{Schema: "app", Name: "orders", Pos: schema.Pos{File: "app.hcl", Line: 3, Column: 1}},
			{Schema: "public", Name: "tmp_load"},
		}}
	tests := []struct {
		name   string
		target Target
		want   string // "" for no error
	}{
		{"everything managed", Target{}, ""},
		{"both schemas named", Target{Schemas: []string{"app", "public"}}, ""},
		{"a schema left out", Target{Schemas: []string{"app"}}, "schema public is in the desired schema but its schema is not among the managed schemas (--schema app): add --schema public, or remove it"},
		{"an enum's schema left out", Target{Schemas: []string{"public"}}, "schema app "},
		{"an excluded table", Target{Exclude: []string{"tmp_*"}}, "table public.tmp_load is in the desired schema but it is left out"},
		{"a table's position", Target{Exclude: []string{"app.orders"}}, "app.hcl:3:1: table app.orders"},
		{"a malformed pattern", Target{Exclude: []string{"[x"}}, "exclude pattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkScope(tt.target, want)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

// tables returns the tables of the public schema of the database at url, sorted.
func tables(t *testing.T, url string) string {
	t.Helper()
	return query(t, url, `SELECT coalesce(string_agg(tablename, ',' ORDER BY tablename), '') FROM pg_tables WHERE schemaname = 'public'`)
}

// query returns the one text value sql selects.
func query(t *testing.T, url, sql string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var s string
	if err := conn.QueryRow(ctx, sql).Scan(&s); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return s
}

// TestExecute runs statements on a real PostgreSQL: what is committed, what
// is rolled back with its transaction, and what the error says.
func TestExecute(t *testing.T) {
	tests := []struct {
		name       string
		stmts      []render.Statement
		wantTables string
		wantErr    string // "" for success
		committed  int
		progress   []string
	}{
		{
			name:       "one transaction",
			stmts:      stmts("CREATE TABLE a (id int)", "CREATE TABLE b (id int)"),
			wantTables: "a,b", progress: []string{"running 2 statements in one transaction", "committed"},
		},
		{
			name:       "a failure rolls its transaction back",
			stmts:      stmts("CREATE TABLE a (id int)", "CREATE TABLE a (id int)"),
			wantTables: "",
			wantErr:    `statement 2 of 2 failed: CREATE TABLE a (id int): ERROR: relation "a" already exists (SQLSTATE 42P07); its transaction was rolled back (1 earlier statement undone); nothing was applied`,
		},
		{
			name:       "a statement that refuses a transaction runs on its own, in plan order",
			stmts:      stmts("CREATE TABLE a (id int)", "!CREATE INDEX CONCURRENTLY a_id ON a (id)", "CREATE TABLE b (id int)"),
			wantTables: "a,b",
			progress:   []string{"running 1 statement in one transaction", "running outside a transaction: CREATE INDEX CONCURRENTLY a_id ON a (id)"},
		},
		{
			name:       "a failure after a commit says what stays",
			stmts:      stmts("CREATE TABLE a (id int)", "!CREATE INDEX CONCURRENTLY a_x ON a (x)", "CREATE TABLE b (id int)"),
			wantTables: "a",
			wantErr:    "statement 2 of 3 failed: CREATE INDEX CONCURRENTLY a_x ON a (x): ERROR: column \"x\" does not exist (SQLSTATE 42703); it ran outside a transaction; a failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind: drop it before running apply again; the 1 statement committed before stay applied",
			committed:  1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := pgtest.NewDB(t)
			var progress strings.Builder
			err := Execute(context.Background(), url, tt.stmts, Options{LockTimeout: 5 * time.Second, Progress: &progress})
			if got := tables(t, url); got != tt.wantTables {
				t.Errorf("tables %q, want %q", got, tt.wantTables)
			}
			for _, p := range tt.progress {
				if !strings.Contains(progress.String(), p) {
					t.Errorf("progress %q does not say %q", progress.String(), p)
				}
			}
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Execute: %v", err)
				}
				return
			}
			var ee *ExecError
			if !errors.As(err, &ee) {
				t.Fatalf("error %v, want an *ExecError", err)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error\n%s\nwant it to contain\n%s", err, tt.wantErr)
			}
			if ee.Committed != tt.committed {
				t.Errorf("committed %d, want %d", ee.Committed, tt.committed)
			}
		})
	}
}

// holdLock opens a transaction on url that reads table (an ACCESS SHARE
// lock, as any long query holds), blocking ALTER TABLE until t ends.
func holdLock(t *testing.T, url, table string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(ctx) })
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "SELECT count(*) FROM "+pgx.Identifier{table}.Sanitize()); err != nil {
		t.Fatal(err)
	}
}

// TestExecuteLockTimeout: a statement that needs a lock another session
// holds fails after the lock timeout, with a message that says so, instead
// of queueing; its transaction is rolled back.
func TestExecuteLockTimeout(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, "CREATE TABLE held (id int)")
	holdLock(t, url, "held")
	// A safety net, not a timing assertion: without the lock timeout the
	// ALTER would wait for the other session forever.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := Execute(ctx, url, stmts("CREATE TABLE b (id int)", "ALTER TABLE held ADD COLUMN x int"), Options{LockTimeout: 300 * time.Millisecond})
	var ee *ExecError
	if !errors.As(err, &ee) {
		t.Fatalf("error %v, want an *ExecError", err)
	}
	if ctx.Err() != nil {
		t.Fatalf("the safety net fired: the lock timeout was not set (%v)", err)
	}
	for _, want := range []string{"waited longer than the lock timeout (300ms)", "raise --lock-timeout", "ALTER TABLE held", "nothing was applied"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if got := tables(t, url); got != "held" {
		t.Errorf("tables %q: the transaction was not rolled back", got)
	}
}

// TestExecuteCancel: cancelling the context (Ctrl-C) while a statement waits
// stops it and rolls its transaction back.
func TestExecuteCancel(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, "CREATE TABLE held (id int)")
	holdLock(t, url, "held")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	safety := time.AfterFunc(time.Minute, cancel)
	defer safety.Stop()
	watch, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer watch.Close(context.Background())
	go func() {
		// Cancel once the ALTER waits for the lock.
		for ctx.Err() == nil {
			var waiting int
			if err := watch.QueryRow(ctx, "SELECT count(*) FROM pg_locks WHERE NOT granted").Scan(&waiting); err == nil && waiting > 0 {
				cancel()
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	err = Execute(ctx, url, stmts("CREATE TABLE b (id int)", "ALTER TABLE held ADD COLUMN x int"), Options{})
	var ee *ExecError
	if !errors.As(err, &ee) || ee.Cause != "cancelled" || !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want a cancelled *ExecError", err)
	}
	if !strings.Contains(err.Error(), "its transaction was rolled back") || strings.Contains(err.Error(), "\n") {
		t.Errorf("error %q: want one line saying the transaction was rolled back", err)
	}
	if got := tables(t, url); got != "held" {
		t.Errorf("tables %q: the transaction was not rolled back", got)
	}
}
