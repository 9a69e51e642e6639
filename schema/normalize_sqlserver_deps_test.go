package schema

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSQLServerViewDependsOn: a SQL Server view of a schema file depends on
// the tables and views its query names (two-part, bracketed or not, or in the
// default schema), which orders views over views and drops a schema-bound view
// around an ALTER COLUMN (Msg 5074); what the catalog said is kept.
func TestSQLServerViewDependsOn(t *testing.T) {
	orders := ObjectRef{Kind: KindTable, Schema: "dbo", Name: "orders"}
	tests := []struct {
		name string
		view *View
		want []ObjectRef
	}{
		{"schema-bound module", &View{Name: "a", Query: "CREATE VIEW dbo.a WITH SCHEMABINDING AS SELECT o.id FROM dbo.orders AS o"}, []ObjectRef{orders}},
		{"bracketed, one-part", &View{Name: "a", Query: "select id from [orders]"}, []ObjectRef{orders}},
		{"view over a view", &View{Name: "a", Query: "SELECT id FROM dbo.b"}, []ObjectRef{{Kind: KindView, Schema: "dbo", Name: "b"}}},
		{"catalog rows kept", &View{Name: "a", Query: "SELECT id FROM dbo.orders", DependsOn: []ObjectRef{{Kind: KindColumn, Schema: "dbo", Name: "orders", Column: "id"}}},
			[]ObjectRef{{Kind: KindColumn, Schema: "dbo", Name: "orders", Column: "id"}, orders}},
		{"nothing of the schema", &View{Name: "a", Query: "SELECT 1 AS one"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := &Database{Dialect: SQLServer,
				Tables: []*Table{{Name: "orders", Columns: []*Column{{Name: "id", Type: "int"}}}},
				Views:  []*View{tt.view, {Name: "b", Query: "SELECT id FROM dbo.orders"}},
			}
			got, err := Normalize(db)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(SortRefs(tt.want), got.View(QName{"dbo", "a"}).DependsOn); d != "" {
				t.Errorf("DependsOn (-want +got):\n%s", d)
			}
		})
	}
}
