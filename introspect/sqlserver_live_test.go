package introspect

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/internal/mssqltest"
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
	ctx := context.Background()
	// stored_forms is left out: its user CLR type needs a .NET assembly
	// that stored_forms.sql cannot create.
	for _, name := range []string{"users", "orders", "audit", "attrs", "unmanaged", "modules"} {
		t.Run(name, func(t *testing.T) {
			_, db := mssqltest.Scratch(t, "schemadiff_test_"+name+"_")
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
