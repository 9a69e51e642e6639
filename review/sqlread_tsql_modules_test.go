package review

import (
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestReadTSQLModuleOps: a T-SQL module is the whole batch up to GO (its
// ';' included), keeps the SET QUOTED_IDENTIFIER said before it, and DROP,
// DISABLE and ENABLE of modules are read as ops on them.
func TestReadTSQLModuleOps(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // op kind and what it holds, in order
	}{
		{"procedure body with semicolons",
			"CREATE OR ALTER PROCEDURE dbo.p AS\n  SET NOCOUNT ON;\n  DELETE FROM dbo.t;\nGO\nCREATE TABLE dbo.u (id int);\nGO\n",
			[]string{"function dbo.p: CREATE OR ALTER PROCEDURE dbo.p AS\n  SET NOCOUNT ON;\n  DELETE FROM dbo.t", "table dbo.u"}},
		{"settings kept",
			"SET QUOTED_IDENTIFIER OFF;\nGO\nCREATE OR ALTER VIEW dbo.v AS SELECT \"x\" AS a;\nGO\nSET QUOTED_IDENTIFIER ON;\nGO\nCREATE VIEW dbo.w AS SELECT 1 AS b;\nGO\n",
			[]string{"view dbo.v qi-off", "view dbo.w"}},
		{"drops and states",
			"DISABLE TRIGGER [dbo].[tr] ON [dbo].[t];\nGO\nENABLE TRIGGER tr ON t;\nDROP TRIGGER [dbo].[tr];\nDROP PROCEDURE dbo.p, dbo.q;\nDROP VIEW IF EXISTS dbo.v;\n",
			[]string{"state dbo.t.tr disabled", "state dbo.t.tr ", "drop trigger dbo.tr", "drop function dbo.p", "drop function dbo.q", "drop view dbo.v"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := readSQL("m.sql", tt.src, 1, schema.SQLServer)
			for _, f := range p.findings {
				t.Errorf("finding %s: %s", f.Code, f.Message)
			}
			var got []string
			for _, o := range p.ops {
				switch o.kind {
				case opCreateFunction:
					got = append(got, "function "+schema.QName{Schema: o.fn.Schema, Name: o.fn.Name}.String()+": "+o.fn.Body)
				case opCreateTable:
					got = append(got, "table "+o.table.String())
				case opCreateView:
					s := "view " + o.view.QName().String()
					if o.view.Settings.QuotedIdentifierOff {
						s += " qi-off"
					}
					got = append(got, s)
				case opTriggerState:
					got = append(got, "state "+o.table.String()+"."+o.trg.Name+" "+o.value)
				case opDropTrigger:
					got = append(got, "drop trigger "+schema.QName{Schema: o.trg.Schema, Name: o.trg.Name}.String())
				case opDropFunction:
					got = append(got, "drop function "+schema.QName{Schema: o.fn.Schema, Name: o.fn.Name}.String())
				case opDropView:
					got = append(got, "drop view "+o.table.String())
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("ops %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("op %d: %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}
