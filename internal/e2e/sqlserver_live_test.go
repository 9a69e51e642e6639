package e2e

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/microsoft/go-mssqldb" // the "sqlserver" database/sql driver

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/introspect"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// mssqlURL is the SQL Server the live tests use: a login that may create
// databases. SQL Server cannot run on the project's machines, so these tests
// run only where this is set.
const mssqlURL = "SCHEMADIFF_TEST_MSSQL_URL"

// TestSQLServerConvergenceLive is the convergence test of the SQL Server
// change pairs on a real server: build `from` in a scratch database, apply the
// up migration, introspect (no change may remain against `to`), apply the
// down migration (back at `from`).
func TestSQLServerConvergenceLive(t *testing.T) {
	server := os.Getenv(mssqlURL)
	if server == "" {
		t.Skip(mssqlURL + " is not set: no SQL Server to run against (it cannot run on these machines)")
	}
	entries, err := os.ReadDir(sqlserverChanges)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			dir := filepath.Join(sqlserverChanges, e.Name())
			fromFile, tos := changeFiles(t, dir, e.Name())
			want, to := loadSQLServer(t, fromFile), loadSQLServer(t, tos[0])
			db := mssqlScratch(t, server)

			mssqlApply(t, db.sql, compare(t, &schema.Database{Dialect: schema.SQLServer}, want))
			from := mssqlInspect(t, db.url)
			assertNoChanges(t, "from created from nothing", from, want)

			mssqlApply(t, db.sql, compare(t, from, to))
			assertNoChanges(t, "after the up migration", mssqlInspect(t, db.url), to)

			down, err := diff.Down(from, to, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			mssqlApply(t, db.sql, down)
			assertNoChanges(t, "after the down migration", mssqlInspect(t, db.url), from)
		})
	}
}

// mssqlDB is a scratch database on the live SQL Server.
type mssqlDB struct {
	url string
	sql *sql.DB
}

// mssqlScratch creates a database for this test and drops it at cleanup.
func mssqlScratch(t *testing.T, server string) mssqlDB {
	t.Helper()
	admin, err := sql.Open("sqlserver", server)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	name := "schemadiff_" + hex.EncodeToString(b)
	ctx := context.Background()
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
	return mssqlDB{url: u.String(), sql: db}
}

// mssqlApply runs each statement of plan as its own batch.
func mssqlApply(t *testing.T, db *sql.DB, plan *diff.Plan) {
	t.Helper()
	stmts, err := render.SQL(plan)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(context.Background(), s.SQL); err != nil {
			t.Fatalf("apply %q: %v", s.SQL, err)
		}
	}
}

// mssqlInspect reads the live schema of the scratch database.
func mssqlInspect(t *testing.T, dbURL string) *schema.Database {
	t.Helper()
	ctx := context.Background()
	in, err := introspect.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	got, err := in.Inspect(ctx, introspect.Options{})
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	return got
}
