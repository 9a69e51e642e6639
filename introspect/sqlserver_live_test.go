package introspect

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// goLine splits a T-SQL script into batches, as sqlcmd does.
var goLine = regexp.MustCompile(`(?im)^\s*GO\s*$`)

// TestSQLServerLive creates each testdata/sqlserver/<name>.sql schema in a
// scratch database of a real SQL Server, inspects it, and checks it reads as
// the recording does through the TDS test server (apart from the random
// names SQL Server generates). To replace a recording with the server's own
// rows, see testdata/README.md (go run ./internal/tdstest/cmd/record). It
// runs only when SCHEMADIFF_TEST_MSSQL_URL is set.
func TestSQLServerLive(t *testing.T) {
	base := os.Getenv("SCHEMADIFF_TEST_MSSQL_URL")
	if base == "" {
		t.Skip("SCHEMADIFF_TEST_MSSQL_URL is not set (sqlserver://user:password@host:1433, a login that may CREATE DATABASE)")
	}
	ctx := context.Background()
	admin, err := sql.Open("sqlserver", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	// stored_forms is left out: its user CLR type needs a .NET assembly
	// that stored_forms.sql cannot create.
	for _, name := range []string{"users", "orders", "audit", "attrs"} {
		t.Run(name, func(t *testing.T) {
			dbName := fmt.Sprintf("schemadiff_test_%s_%d", name, os.Getpid())
			if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+dbName); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if _, err := admin.ExecContext(ctx, fmt.Sprintf("ALTER DATABASE %s SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE %s", dbName, dbName)); err != nil {
					t.Errorf("dropping %s: %v", dbName, err)
				}
			})
			u, err := url.Parse(base)
			if err != nil {
				t.Fatal(err)
			}
			q := u.Query()
			q.Set("database", dbName)
			u.RawQuery = q.Encode()
			db, err := sql.Open("sqlserver", u.String())
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			script, err := os.ReadFile(filepath.Join("testdata", "sqlserver", name+".sql"))
			if err != nil {
				t.Fatal(err)
			}
			for _, batch := range goLine.Split(string(script), -1) {
				if _, err := db.ExecContext(ctx, batch); err != nil {
					t.Fatalf("%s.sql: %v", name, err)
				}
			}
			got, err := (&sqlServer{db: db}).Inspect(ctx, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want, err := inspectRecording(t, name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, ignorePos, ignoreSystemNames); diff != "" {
				t.Errorf("recording (-) vs live server (+):\n%s", diff)
			}
		})
	}
}
