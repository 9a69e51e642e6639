// Package mssqltest gives tests a scratch database on the live SQL Server
// that SCHEMADIFF_TEST_MSSQL_URL names. SQL Server cannot run on the
// project's machines, so tests using it are skipped where that is unset.
package mssqltest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/microsoft/go-mssqldb" // the "sqlserver" database/sql driver
)

// EnvURL is the variable holding the URL of a login that may create databases.
const EnvURL = "SCHEMADIFF_TEST_MSSQL_URL"

// Scratch creates a database named prefix + random hex on the server, drops
// it when t ends, and returns its URL and a pool connected to it. Without
// EnvURL it skips t.
func Scratch(t testing.TB, prefix string) (string, *sql.DB) {
	t.Helper()
	server := os.Getenv(EnvURL)
	if server == "" {
		t.Skip(EnvURL + " is not set: no SQL Server to run against (it cannot run on these machines)")
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
	name := prefix + hex.EncodeToString(b)
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
