package apply

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// mssqlURL names the SQL Server the live tests use: a login that may create
// databases. SQL Server cannot run on the project's machines, so these tests
// run only where it is set.
const mssqlURL = "SCHEMADIFF_TEST_MSSQL_URL"

// mssqlScratch creates a database on the server for t, drops it when t
// ends, and returns its URL and a pool connected to it.
func mssqlScratch(t *testing.T) (string, *sql.DB) {
	t.Helper()
	server := os.Getenv(mssqlURL)
	if server == "" {
		t.Skip(mssqlURL + " is not set: no SQL Server to run against (it cannot run on these machines)")
	}
	ctx := context.Background()
	admin, err := sql.Open("sqlserver", server)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	name := "schemadiff_apply_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE ["+name+"]"); err != nil {
		t.Fatalf("create database: %v", err)
	}
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("database", name)
	u.RawQuery = q.Encode()
	db, err := sql.Open("sqlserver", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		admin.ExecContext(ctx, "ALTER DATABASE ["+name+"] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE ["+name+"]")
	})
	return u.String(), db
}

// TestExecuteSQLServerLive runs Execute through go-mssqldb on a real SQL
// Server: a transaction committed, one rolled back whole on a failure, and
// SET LOCK_TIMEOUT failing a statement (Msg 1222) instead of queueing.
func TestExecuteSQLServerLive(t *testing.T) {
	dbURL, db := mssqlScratch(t)
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
	dbURL, _ := mssqlScratch(t)
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
		t.Errorf("%d changes remain after apply, first %s", len(remaining.Changes), render.Describe(remaining.Changes[0]))
	}
}
