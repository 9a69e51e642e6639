package apply

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/mssqltest"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// TestExecuteSQLServerLive runs Execute through go-mssqldb on a real SQL
// Server: a transaction committed, one rolled back whole on a failure, and
// SET LOCK_TIMEOUT failing a statement (Msg 1222) instead of queueing.
func TestExecuteSQLServerLive(t *testing.T) {
	dbURL, db := mssqltest.Scratch(t, "schemadiff_apply_")
	ctx := context.Background()
	count := func(table string) int {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sys.tables WHERE name = @p1", table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	if err := Execute(ctx, dbURL, stmts("CREATE TABLE [dbo].[a] ([id] int NOT NULL)", "CREATE TABLE [dbo].[b] ([id] int NOT NULL)"), Options{LockTimeout: 5 * time.Second}); err != nil {
		t.Fatalf("Execute: %v", err)
	}
	if count("a") != 1 || count("b") != 1 {
		t.Errorf("tables a and b were not created")
	}

	err := Execute(ctx, dbURL, stmts("CREATE TABLE [dbo].[c] ([id] int NOT NULL)", "CREATE TABLE [dbo].[a] ([id] int NOT NULL)"), Options{LockTimeout: 5 * time.Second})
	var ee *ExecError
	if !errors.As(err, &ee) || ee.Index != 2 || ee.Undone != 1 {
		t.Errorf("error %v, want statement 2 failing with 1 statement undone", err)
	}
	if count("c") != 0 {
		t.Errorf("table c exists: the transaction was not rolled back")
	}

	// Another session holds an exclusive table lock until the end of its transaction.
	holder, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "SELECT count(*) FROM [dbo].[a] WITH (TABLOCKX, HOLDLOCK)"); err != nil {
		t.Fatal(err)
	}
	deadline, cancel := context.WithTimeout(ctx, time.Minute) // a safety net, not a timing assertion
	defer cancel()
	err = Execute(deadline, dbURL, stmts("ALTER TABLE [dbo].[a] ADD [x] int NULL"), Options{LockTimeout: 500 * time.Millisecond})
	if deadline.Err() != nil || !errors.As(err, &ee) || !strings.Contains(err.Error(), "waited longer than the lock timeout (500ms)") {
		t.Errorf("error %v, want a lock timeout after 500ms", err)
	}
}

// TestApplySQLServerLive takes a real SQL Server database from empty to the
// SQL Server example schema with Plan and Execute, and reads it back equal.
func TestApplySQLServerLive(t *testing.T) {
	dbURL, _ := mssqltest.Scratch(t, "schemadiff_apply_")
	ctx := context.Background()
	want, err := schema.Load(schema.LoadOptions{}, filepath.Join("..", "..", "testdata", "examples", "sqlserver", "users.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if want, err = schema.Normalize(want); err != nil {
		t.Fatal(err)
	}
	target := Target{URL: dbURL}
	plan, err := Plan(ctx, target, want, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := render.SQL(plan)
	if err != nil {
		t.Fatal(err)
	}
	if err := Execute(ctx, dbURL, stmts, Options{LockTimeout: 5 * time.Second}); err != nil {
		t.Fatal(err)
	}
	remaining, err := Plan(ctx, target, want, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(remaining.Changes) > 0 {
		t.Errorf("%d changes remain after apply, first %s", len(remaining.Changes), render.Describe(remaining.Dialect, remaining.Changes[0]))
	}
}
