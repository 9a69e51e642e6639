package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/internal/pgscript"
)

// shared is the server of the running test binary. It is the only
// package-level mutable state of pgtest, which only tests import: Main sets it
// once before any test runs, NewDB reads it.
var shared struct {
	once   sync.Once
	srv    *Server
	skip   string // why PostgreSQL tests are skipped, when srv is nil
	dbSeq  atomic.Int64
	active bool // Main was called
}

// Main is a package's TestMain: it starts one server for the whole test
// binary, runs the tests, stops the server and exits.
//
// When PostgreSQL is not installed, tests that need it are skipped with the
// reason, except with CI=true, where the run fails (a CI that silently skips
// every database test proves nothing).
func Main(m *testing.M) {
	code := 0
	shared.once.Do(func() {
		shared.active = true
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		srv, err := Start(ctx)
		switch {
		case err == nil:
			shared.srv = srv
		case errors.Is(err, ErrNoBinaries) && os.Getenv("CI") != "true":
			shared.skip = err.Error()
		default:
			fmt.Fprintln(os.Stderr, "pgtest:", err)
			code = 1
		}
	})
	if code != 0 {
		os.Exit(code)
	}
	code = m.Run()
	shared.srv.Stop()
	os.Exit(code)
}

// server returns the test binary's server, or skips/fails t.
func server(t testing.TB) *Server {
	t.Helper()
	switch {
	case shared.srv != nil:
		return shared.srv
	case !shared.active:
		t.Fatal("pgtest: the package's TestMain must call pgtest.Main(m)")
	default:
		t.Skip("pgtest: ", shared.skip)
	}
	return nil
}

// AdminURL returns the superuser URL of the test binary's server (skipping or
// failing t as NewDB does when there is none).
func AdminURL(t testing.TB) string {
	t.Helper()
	return server(t).AdminURL()
}

// NewDB creates a fresh, empty database for t and returns its URL
// (postgres://postgres@127.0.0.1:PORT/NAME?sslmode=disable). The database is
// dropped when t ends.
func NewDB(t testing.TB) string {
	t.Helper()
	srv := server(t)
	name := dbName(t.Name(), shared.dbSeq.Add(1))
	ctx := context.Background()
	admin(t, ctx, srv.url, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE template0")
	t.Cleanup(func() {
		admin(t, ctx, srv.url, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	})
	u, err := url.Parse(srv.url)
	if err != nil {
		t.Fatalf("pgtest: parsing server URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// unsafeChars are the characters a database name built from a test name drops.
var unsafeChars = regexp.MustCompile(`[^a-z0-9_]+`)

// dbName builds a unique, readable database name from a test name.
func dbName(testName string, seq int64) string {
	base := strings.Trim(unsafeChars.ReplaceAllString(strings.ToLower(testName), "_"), "_")
	suffix := fmt.Sprintf("_%d_%d", os.Getpid(), seq)
	if max := 63 - len("t_") - len(suffix); len(base) > max {
		base = base[:max]
	}
	return "t_" + base + suffix
}

// admin runs one statement on the server's admin database.
func admin(t testing.TB, ctx context.Context, url, sql string) {
	t.Helper()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("pgtest: connecting to the test server: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("pgtest: %s: %v", sql, err)
	}
}

// Exec runs a multi-statement SQL script on the database at url, one
// statement at a time outside any transaction block; it fails t on the first
// error, naming the statement.
func Exec(t testing.TB, url, script string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("pgtest: connecting to %s: %v", url, err)
	}
	defer conn.Close(ctx)
	for _, stmt := range pgscript.Split(script) {
		if _, err := conn.Exec(ctx, stmt, pgx.QueryExecModeSimpleProtocol); err != nil {
			t.Fatalf("pgtest: %v\nstatement:\n%s", err, stmt)
		}
	}
}

// NewServer starts a server of t's own with extra settings (see StartWith),
// stops it when t ends and returns its superuser URL of the "postgres"
// database. Without PostgreSQL binaries it skips t (fails it with CI=true),
// as the tests of the shared server do.
func NewServer(t testing.TB, settings ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	srv, err := StartWith(ctx, settings...)
	switch {
	case errors.Is(err, ErrNoBinaries) && os.Getenv("CI") != "true":
		t.Skip("pgtest: ", err)
	case err != nil:
		t.Fatalf("pgtest: starting a server with %v: %v", settings, err)
	}
	t.Cleanup(srv.Stop)
	return srv.AdminURL()
}
