package tdstest

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	mssql "github.com/microsoft/go-mssqldb"
)

// Every test here talks to the server through go-mssqldb, the driver
// schemadiff uses, over TCP.

const (
	typesQuery  = "-- schemadiff:types\nSELECT * FROM sys.every_type"
	paramsQuery = "-- schemadiff:params\nSELECT @p1 AS n, @p2 AS s, @p3 AS b"
)

// testRecording holds a result with a column of every type, a NULL in each
// nullable one, and a result that answers a parameterised query.
func testRecording() *Recording {
	long := strings.Repeat("ü€", 3000) // longer than a packet: PLP chunks span packets
	return &Recording{
		Description: "tdstest's own test",
		Results: map[string]*Result{
			"types": {
				QuerySHA256: QueryHash(typesQuery),
				Columns: []Column{
					{Name: "i", Type: "int"}, {Name: "i_null", Type: "int", Nullable: true},
					{Name: "s", Type: "smallint"}, {Name: "s_null", Type: "smallint", Nullable: true},
					{Name: "t", Type: "tinyint"}, {Name: "t_null", Type: "tinyint", Nullable: true},
					{Name: "b", Type: "bigint"}, {Name: "b_null", Type: "bigint", Nullable: true},
					{Name: "bit", Type: "bit"}, {Name: "bit_null", Type: "bit", Nullable: true},
					{Name: "name", Type: "sysname"}, {Name: "name_null", Type: "nvarchar(128)", Nullable: true},
					{Name: "text", Type: "nvarchar(max)"}, {Name: "text_null", Type: "nvarchar(max)", Nullable: true},
					{Name: "v", Type: "sql_variant", Nullable: true},
				},
				Rows: [][]any{
					{int64(-2147483648), int64(7), int64(-32768), int64(300), int64(255), int64(0), int64(-1) << 40, int64(9), true, false, "dbo", "ß", long, "", int64(1)},
					{int64(2147483647), nil, int64(32767), nil, int64(0), nil, int64(1) << 40, nil, false, nil, "", nil, "(N'active')", nil, nil},
					{int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), false, true, "x", "y", "z", "w", "text in a variant"},
					{int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), false, true, "x", "y", "z", "w", int64(1) << 40},
				},
			},
			"params": {
				QuerySHA256: QueryHash(paramsQuery),
				Params:      map[string]any{"@p1": int64(42), "@p2": "ü", "@p3": true},
				Columns:     []Column{{Name: "n", Type: "int"}, {Name: "s", Type: "nvarchar(10)"}, {Name: "b", Type: "bit"}},
				Rows:        [][]any{{int64(42), "ü", true}},
			},
		},
	}
}

func open(t *testing.T, s *Server) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlserver", s.URL("app"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestTypesRoundTrip(t *testing.T) {
	rec := testRecording()
	s := Start(t, Serve(rec))
	db := open(t, s)
	rows, err := db.QueryContext(context.Background(), typesQuery)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		t.Fatal(err)
	}
	var gotTypes []string
	for _, ct := range types {
		name := ct.DatabaseTypeName()
		if n, ok := ct.Length(); ok && name == "NVARCHAR" {
			if n > 4000 {
				name += "(max)"
			} else {
				name += "(" + strconv.FormatInt(n, 10) + ")"
			}
		}
		nullable, _ := ct.Nullable()
		if nullable {
			name += " NULL"
		}
		gotTypes = append(gotTypes, name)
	}
	wantTypes := []string{
		"INT", "INT NULL", "SMALLINT", "SMALLINT NULL", "TINYINT", "TINYINT NULL", "BIGINT", "BIGINT NULL",
		"BIT", "BIT NULL", "NVARCHAR(128)", "NVARCHAR(128) NULL", "NVARCHAR(max)", "NVARCHAR(max) NULL", "SQL_VARIANT NULL",
	}
	if diff := cmp.Diff(wantTypes, gotTypes); diff != "" {
		t.Errorf("column types (-want +got):\n%s", diff)
	}
	var got [][]any
	for rows.Next() {
		cells := make([]any, len(types))
		ptrs := make([]any, len(types))
		for i := range cells {
			ptrs[i] = &cells[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		got = append(got, cells)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rec.Results["types"].Rows, got); diff != "" {
		t.Errorf("rows (-recorded +read through go-mssqldb):\n%s", diff)
	}
}

func TestParams(t *testing.T) {
	s := Start(t, Serve(testRecording()))
	db := open(t, s)
	ctx := context.Background()
	var n int64
	var str string
	var b bool
	if err := db.QueryRowContext(ctx, paramsQuery, 42, "ü", true).Scan(&n, &str, &b); err != nil {
		t.Fatal(err)
	}
	if n != 42 || str != "ü" || !b {
		t.Errorf("got %d %q %v", n, str, b)
	}
	err := db.QueryRowContext(ctx, paramsQuery, 43, "ü", true).Scan(&n, &str, &b)
	if err == nil || !strings.Contains(err.Error(), "was recorded with parameters") || !strings.Contains(err.Error(), "@p1:43") {
		t.Errorf("error = %v, want one naming the parameters", err)
	}
}

// TestUnknownQueries: whatever the recording does not hold is a SQL Server
// error (number 208) saying why, through the driver's error type.
func TestUnknownQueries(t *testing.T) {
	rec := testRecording()
	s := Start(t, Serve(rec))
	db := open(t, s)
	tests := []struct {
		name, query string
		want        string
	}{
		{"unnamed", "SELECT 1", `it does not start with a "-- schemadiff:"<name> comment (first line: "SELECT 1")`},
		{"not recorded", "-- schemadiff:checks\nSELECT 1", `nothing is recorded under "checks" (recorded: params, types)`},
		{"text changed", typesQuery + " WHERE 1 = 1", `the text of query "types" is not the one recorded`},
		{"parameters missing", paramsQuery, `was recorded with parameters`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := db.QueryContext(context.Background(), tt.query)
			if err == nil {
				rows.Close()
				t.Fatal("query succeeded")
			}
			var msErr mssql.Error
			if !errors.As(err, &msErr) {
				t.Fatalf("error %T %v is not an mssql.Error", err, err)
			}
			if msErr.Number != errNotRecorded || msErr.Class != 16 {
				t.Errorf("error number %d class %d, want 208 class 16", msErr.Number, msErr.Class)
			}
			if !strings.Contains(msErr.Message, tt.want) {
				t.Errorf("message %q does not contain %q", msErr.Message, tt.want)
			}
		})
	}
	// The connection survives an error.
	var name string
	if err := db.QueryRowContext(context.Background(), paramsQuery, 42, "ü", true).Scan(new(int64), &name, new(bool)); err != nil {
		t.Fatalf("query after errors: %v", err)
	}
}

func TestTransactions(t *testing.T) {
	tests := []struct {
		level  sql.IsolationLevel
		commit bool
		log    []string
	}{
		{sql.LevelReadCommitted, false, []string{"reset", "begin READ COMMITTED", "query types", "rollback"}},
		{sql.LevelSnapshot, true, []string{"reset", "begin SNAPSHOT", "query types", "commit"}},
		{sql.LevelSerializable, true, []string{"reset", "begin SERIALIZABLE", "query types", "commit"}},
		{sql.LevelDefault, false, []string{"reset", "begin UNCHANGED", "query types", "rollback"}},
	}
	for _, tt := range tests {
		t.Run(tt.level.String(), func(t *testing.T) {
			s := Start(t, Serve(testRecording()))
			db := open(t, s)
			db.SetMaxOpenConns(1)
			ctx := context.Background()
			tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: tt.level})
			if err != nil {
				t.Fatal(err)
			}
			rows, err := tx.QueryContext(ctx, typesQuery)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
			}
			if err := rows.Close(); err != nil {
				t.Fatal(err)
			}
			if tt.commit {
				err = tx.Commit()
			} else {
				err = tx.Rollback()
			}
			if err != nil {
				t.Fatal(err)
			}
			got := s.Log()
			if len(got) < 1 || got[0] != "login app" {
				t.Fatalf("log %q does not start with the login", got)
			}
			if diff := cmp.Diff(tt.log, got[1:]); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadOnlyRefused documents the fault this server exists to catch:
// go-mssqldb refuses read-only transactions before sending anything.
func TestReadOnlyRefused(t *testing.T) {
	s := Start(t, Serve(testRecording()))
	_, err := open(t, s).BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err == nil || !strings.Contains(err.Error(), "read-only transactions are not supported") {
		t.Errorf("error = %v, want go-mssqldb's refusal", err)
	}
}

// TestCancel: a query whose context ends while the server works sends
// ATTENTION, which the server acknowledges, and the connection stays usable.
func TestCancel(t *testing.T) {
	s := Start(t, Serve(testRecording()))
	db := open(t, s)
	db.SetMaxOpenConns(1)
	if err := db.PingContext(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.SetDelay(500 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	rows, err := db.QueryContext(ctx, typesQuery)
	if err == nil {
		for rows.Next() {
		}
		err = rows.Err()
		rows.Close()
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled query: %v, want the context's deadline", err)
	}
	s.SetDelay(0)
	var n int64
	if err := db.QueryRowContext(context.Background(), paramsQuery, 42, "ü", true).Scan(&n, new(string), new(bool)); err != nil || n != 42 {
		t.Fatalf("query after a cancel: %d, %v", n, err)
	}
	// (go-mssqldb then drops the connection and logs in again.)
	want := []string{"login app", "reset", "ping", "reset", "query types", "attention"}
	if got := s.Log(); len(got) < len(want) || !cmp.Equal(want, got[:len(want)]) {
		t.Errorf("requests %q, want them to start with %q", got, want)
	}
}

func TestLogin(t *testing.T) {
	dir := t.TempDir()
	if err := testRecording().Write(filepath.Join(dir, "app.json")); err != nil {
		t.Fatal(err)
	}
	s := StartFile(t, dir)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, user := range []string{"sa:tdstest-pw", "anyone:else"} {
		db, err := sql.Open("sqlserver", "sqlserver://"+user+"@"+s.Addr()+"?database=app&encrypt=disable")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PingContext(ctx); err != nil {
			t.Errorf("login as %s: %v", user, err)
		}
		db.Close()
	}
	db, err := sql.Open("sqlserver", s.URL("other"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.PingContext(ctx)
	if err == nil || !strings.Contains(err.Error(), `Cannot open database "other"`) || !strings.Contains(err.Error(), "databases: app") {
		t.Errorf("login to a database with no recording: %v", err)
	}
}

// TestWriteLoad: a recording written and loaded back is unchanged.
func TestWriteLoad(t *testing.T) {
	rec := testRecording()
	path := filepath.Join(t.TempDir(), "rec.json")
	if err := rec.Write(path); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rec, back); diff != "" {
		t.Errorf("write then load (-written +loaded):\n%s", diff)
	}
}

func TestBadRecordings(t *testing.T) {
	const head = `{"results": {"q": {"query_sha256": "x", `
	tests := []struct{ name, json, want string }{
		{"unknown type", head + `"columns": [{"name": "a", "type": "varchar(10)"}], "rows": []}}}`, `column "a": unknown type "varchar(10)"`},
		{"null in NOT NULL", head + `"columns": [{"name": "a", "type": "int"}], "rows": [[null]]}}}`, `row 1 column "a": null in a column that is not nullable`},
		{"out of range", head + `"columns": [{"name": "a", "type": "tinyint"}], "rows": [[256]]}}}`, "out of range for tinyint"},
		{"string too long", head + `"columns": [{"name": "a", "type": "nvarchar(2)"}], "rows": [["abc"]]}}}`, "more than nvarchar(2) holds"},
		{"cell count", head + `"columns": [{"name": "a", "type": "int"}], "rows": [[1, 2]]}}}`, "2 cells for 1 columns"},
		{"no hash", `{"results": {"q": {"columns": [], "rows": []}}}`, "no query_sha256"},
		{"unknown field", `{"results": {"q": {"query_sha256": "x", "colums": []}}}`, `unknown field "colums"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.json")
			if err := os.WriteFile(path, []byte(tt.json), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "bad.json") {
				t.Errorf("error = %v, want one naming the file and containing %q", err, tt.want)
			}
		})
	}
}
