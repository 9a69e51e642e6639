package pgtest

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { Main(m) }

func TestDBName(t *testing.T) {
	tests := []struct {
		test string
		want string // prefix
	}{
		{"TestInspect/Mixed Case-and.dots", "t_testinspect_mixed_case_and_dots_"},
		{strings.Repeat("X", 100), "t_xxxxxxxx"},
	}
	for _, tt := range tests {
		got := dbName(tt.test, 7)
		if !strings.HasPrefix(got, tt.want) || !strings.HasSuffix(got, "_7") || len(got) > 63 {
			t.Errorf("dbName(%q) = %q, want prefix %q, suffix _7 and at most 63 bytes", tt.test, got, tt.want)
		}
	}
}

func TestNewDBAndExec(t *testing.T) {
	ctx := context.Background()
	a, b := NewDB(t), NewDB(t)
	if a == b {
		t.Fatalf("NewDB returned the same database twice: %s", a)
	}
	Exec(t, a, `
		CREATE TABLE "select" (id int PRIMARY KEY, note text DEFAULT 'a;b');
		CREATE FUNCTION one() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
		INSERT INTO "select" (id) VALUES (one());`)
	conn, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var note string
	if err := conn.QueryRow(ctx, `SELECT note FROM "select" WHERE id = 1`).Scan(&note); err != nil || note != "a;b" {
		t.Fatalf("script did not run: note=%q err=%v", note, err)
	}
	// The second database is separate and empty.
	conn2, err := pgx.Connect(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	defer conn2.Close(ctx)
	var n int
	if err := conn2.QueryRow(ctx, `SELECT count(*) FROM pg_class WHERE relname = 'select'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("second database is not empty: n=%d err=%v", n, err)
	}
}

func TestNewDBDroppedAtCleanup(t *testing.T) {
	var url string
	t.Run("inner", func(t *testing.T) { url = NewDB(t) })
	name := url[strings.LastIndexByte(url, '/')+1 : strings.IndexByte(url, '?')]
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, AdminURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_database WHERE datname = $1`, name).Scan(&n); err != nil || n != 0 {
		t.Fatalf("database %s still exists after cleanup (n=%d, err=%v)", name, n, err)
	}
}

// recorder is a testing.TB that records Fatalf instead of ending the test.
type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestExecNamesFailingStatement(t *testing.T) {
	url := NewDB(t)
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Exec(r, url, "CREATE TABLE ok (id int);\nCREATE TABLE broken (id no_such_type);\nCREATE TABLE never (id int);")
	}()
	<-done
	for _, want := range []string{"CREATE TABLE broken (id no_such_type)", "no_such_type", "42704"} {
		if !strings.Contains(r.msg, want) {
			t.Errorf("error %q does not mention %q", r.msg, want)
		}
	}
	if strings.Contains(r.msg, "never") {
		t.Errorf("error %q names a later statement", r.msg)
	}
}

func TestNewServerSettings(t *testing.T) {
	tests := []struct {
		name string
		want string
	}{
		{"max_locks_per_transaction", "10"},
		{"max_connections", "10"}, // overrides the default of 50
		{"fsync", "off"},          // the defaults still apply
	}
	url := NewServer(t, "max_locks_per_transaction=10", "max_connections=10")
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, tt := range tests {
		var got string
		if err := conn.QueryRow(ctx, `SELECT current_setting($1)`, tt.name).Scan(&got); err != nil || got != tt.want {
			t.Errorf("%s = %q (err %v), want %q", tt.name, got, err, tt.want)
		}
	}
	if url == AdminURL(t) {
		t.Errorf("NewServer returned the shared server %s", url)
	}
}
