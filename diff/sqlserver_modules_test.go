package diff

import (
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestSQLServerModuleHazards: the hazards of SQL Server module changes speak
// of SQL Server (CREATE OR ALTER, Msg 3729), not of PostgreSQL (2BP01,
// --dev-url): a view body compared normalized is no textual-comparison.
func TestSQLServerModuleHazards(t *testing.T) {
	fn := func(body string) []*schema.Function {
		return []*schema.Function{{Schema: "dbo", Name: "f", Body: body}}
	}
	view := func(q string) []*schema.View { return []*schema.View{{Schema: "dbo", Name: "v", Query: q}} }
	tests := []struct {
		name     string
		from, to schema.Database
		want     string // substring of the hazards, "" for none
		notWant  string
	}{
		{"function becomes procedure",
			schema.Database{Functions: fn("CREATE FUNCTION dbo.f() RETURNS int AS BEGIN RETURN 1 END")},
			schema.Database{Functions: fn("CREATE PROCEDURE dbo.f AS SELECT 1")},
			"function-recreated: function dbo.f is dropped and created again (it becomes a procedure: CREATE OR ALTER cannot change that)", "2BP01"},
		{"view body changes",
			schema.Database{Views: view("SELECT 1 AS a")}, schema.Database{Views: view("SELECT 2 AS a")},
			"", HazardTextualComparison},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			norm := func(db schema.Database) *schema.Database {
				db.Dialect = schema.SQLServer
				n, err := schema.Normalize(&db)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			plan, err := Compare(norm(tt.from), norm(tt.to), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var hs strings.Builder
			for _, c := range plan.Changes {
				for _, h := range c.Hazards {
					hs.WriteString(h.Code + ": " + h.Message + "\n")
				}
			}
			if tt.want != "" && !strings.Contains(hs.String(), tt.want) || strings.Contains(hs.String(), tt.notWant) {
				t.Errorf("hazards:\n%s\nwant %q, not %q", hs.String(), tt.want, tt.notWant)
			}
			if len(plan.Changes) == 0 {
				t.Error("no change")
			}
		})
	}
}
