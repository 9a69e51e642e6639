package schema_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestLoadTriggerTimingFromBody: a SQL Server trigger written as its whole
// CREATE TRIGGER statement (docs/sqlserver.md) needs no timing or events
// attribute, which its body says; a PostgreSQL trigger, which calls a
// function, still must give them.
func TestLoadTriggerTimingFromBody(t *testing.T) {
	table := "table \"orders\" {\n  column \"id\" {\n    type = \"int\"\n  }\n}\n"
	tests := []struct {
		name, src  string
		wantErr    string // substring of the error; "" for none
		wantTiming string
		wantEvents []string
	}{
		{"sqlserver body", `dialect = "sqlserver"` + "\n" + table + `trigger "t" {
  on   = "orders"
  body = "create trigger dbo.t on dbo.orders instead of delete, insert as select 1"
}`, "", "instead of", []string{"insert", "delete"}},
		{"postgres without timing", `dialect = "postgres"` + "\n" + table + `trigger "t" {
  on       = "orders"
  function = "f"
}`, "missing required attribute timing", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.hcl")
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			db, err := schema.Load(schema.LoadOptions{}, path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if db, err = schema.Normalize(db); err != nil {
				t.Fatal(err)
			}
			tr := db.Triggers[0]
			if tr.Timing != tt.wantTiming || !slices.Equal(tr.Events, tt.wantEvents) {
				t.Errorf("timing %q events %v, want %q %v", tr.Timing, tr.Events, tt.wantTiming, tt.wantEvents)
			}
		})
	}
}
