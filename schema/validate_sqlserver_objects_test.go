package schema

import (
	"strings"
	"testing"
)

// TestValidateSQLServerObjects: what SQL Server refuses in views,
// functions, procedures, triggers and sequences is an error at the
// object's position, naming it and saying what to do.
func TestValidateSQLServerObjects(t *testing.T) {
	at := Pos{File: "objects.hcl", Line: 7, Column: 1}
	orders := &Table{Schema: "dbo", Name: "orders", Columns: []*Column{{Name: "id", Type: "int"}}}
	i64 := func(v int64) *int64 { return &v }
	tests := []struct {
		name string
		db   Database
		want []string // each a substring of one diagnostic, in order; nil: valid
	}{
		{"valid objects", Database{
			Views: []*View{
				{Schema: "dbo", Name: "v", SchemaBinding: true, Query: "WITH recent AS (SELECT id FROM dbo.orders) SELECT r.id FROM recent AS r JOIN [dbo].[orders] o ON o.id = r.id"},
				{Schema: "dbo", Name: "w", Source: "CREATE VIEW [DBO].[W] AS SELECT id FROM orders", CheckOption: "cascaded"},
			},
			Functions: []*Function{{Schema: "dbo", Name: "p", Procedure: true, Body: "CREATE PROC p AS SELECT 1"}},
			Triggers: []*Trigger{
				{Schema: "dbo", Table: "orders", Name: "t", Timing: "for", Events: []string{"UPDATE", "insert"}, Body: "CREATE TRIGGER t ON orders AFTER INSERT, UPDATE AS SELECT 1"},
				{Schema: "dbo", Table: "v", Name: "t2", Body: "CREATE TRIGGER dbo.t2 ON dbo.v INSTEAD OF INSERT AS SELECT 1", Enabled: "disabled"},
			},
			Sequences: []*Sequence{{Schema: "dbo", Name: "s", Type: "int", Start: 5, MinValue: i64(1)}, {Schema: "dbo", Name: "s2", Type: "decimal(20)"}},
		}, nil},
		{"schema-bound view with a one-part name", Database{Views: []*View{
			{Schema: "dbo", Name: "v", Source: "CREATE VIEW dbo.v WITH SCHEMABINDING AS SELECT o.id FROM dbo.orders o JOIN customers c ON c.id = o.id"},
		}}, []string{"objects.hcl:7:1: view dbo.v: WITH SCHEMABINDING: customers is a one-part name (write the schema too, e.g. dbo.customers (Msg 4512"}},
		{"view text of another kind and name", Database{Views: []*View{
			{Schema: "dbo", Name: "v", Source: "CREATE PROCEDURE dbo.v AS SELECT 1"},
			{Schema: "dbo", Name: "w", Source: "CREATE VIEW app.w AS SELECT 1"},
			{Schema: "dbo", Name: "x", Source: "CREATE VIEW x SELECT 1"},
		}}, []string{"view dbo.v: query creates a procedure, not a view", "view dbo.w: query creates app.w, not dbo.w", "view dbo.x: query: module header: expected AS"}},
		{"PostgreSQL view options", Database{Views: []*View{
			{Schema: "dbo", Name: "v", Query: "SELECT 1", Materialized: true, SecurityBarrier: true, CheckOption: "local"},
		}}, []string{"materialized is a PostgreSQL option", "security_barrier is a PostgreSQL option", `check_option "local": SQL Server has only WITH CHECK OPTION`}},
		{"function body is not a statement", Database{Functions: []*Function{
			{Schema: "dbo", Name: "f", Body: "RETURN 1", Returns: "int"},
			{Schema: "dbo", Name: "g", Procedure: true, Body: "CREATE FUNCTION dbo.g() RETURNS int AS BEGIN RETURN 1 END"},
		}}, []string{"function dbo.f: body: not a CREATE or ALTER statement (on SQL Server body is the whole statement", "returns is a PostgreSQL attribute",
			"procedure dbo.g: body creates a function, not a procedure (declare it as a function"}},
		{"AFTER trigger on a view, other table, other events", Database{
			Views: []*View{{Schema: "dbo", Name: "v", Query: "SELECT 1 AS one"}},
			Triggers: []*Trigger{
				{Schema: "dbo", Table: "v", Name: "t", Body: "CREATE TRIGGER t ON v AFTER INSERT AS SELECT 1"},
				{Schema: "dbo", Table: "orders", Name: "u", Events: []string{"delete"}, Body: "CREATE TRIGGER u ON dbo.customers FOR INSERT AS SELECT 1"},
				{Schema: "dbo", Table: "orders", Name: "w", ForEachRow: true, Body: "CREATE TRIGGER w ON orders AFTER DELETE AS SELECT 1"},
			},
		}, []string{"trigger dbo.t on dbo.v: an AFTER trigger cannot be on a view", "trigger dbo.u on dbo.orders: the body's trigger is on dbo.customers, not dbo.orders",
			"trigger dbo.u on dbo.orders: events [delete], but the body says [insert]", "trigger dbo.w on dbo.orders: for_each_row is a PostgreSQL attribute"}},
		{"sequences", Database{Sequences: []*Sequence{
			{Schema: "dbo", Name: "a", Type: "decimal(10,2)"},
			{Schema: "dbo", Name: "b", Type: "tinyint", Start: 300},
			{Schema: "dbo", Name: "c", MinValue: i64(10), MaxValue: i64(5)},
			{Schema: "dbo", Name: "d", OwnedBy: "dbo.orders.id"},
		}}, []string{"sequence dbo.a: a sequence's type must be an integer type", "sequence dbo.b: start 300 is outside the sequence's range",
			"sequence dbo.c: min_value 10 is above max_value 5", "sequence dbo.d: owned_by is a PostgreSQL option"}},
		{"one namespace per schema", Database{
			Views:     []*View{{Schema: "dbo", Name: "Orders", Query: "SELECT 1 AS one"}},
			Sequences: []*Sequence{{Schema: "dbo", Name: "orders"}},
		}, []string{"view dbo.Orders: view dbo.Orders has the name of table dbo.orders", "sequence dbo.orders: sequence dbo.orders has the name of table dbo.orders"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := tt.db
			db.Dialect = SQLServer
			db.Tables = []*Table{orders}
			for _, v := range db.Views {
				v.Pos = at
			}
			for _, f := range db.Functions {
				f.Pos = at
			}
			for _, tr := range db.Triggers {
				tr.Pos = at
			}
			for _, s := range db.Sequences {
				s.Pos = at
			}
			ds := Validate(&db)
			if len(ds) != len(tt.want) {
				t.Fatalf("%d diagnostics, want %d:\n%v", len(ds), len(tt.want), ds)
			}
			for i, w := range tt.want {
				if got := ds[i].Error(); !strings.Contains(got, w) {
					t.Errorf("diagnostic %d = %q, want it to hold %q", i, got, w)
				}
				if ds[i].Pos != at {
					t.Errorf("diagnostic %d is at %v, want %v", i, ds[i].Pos, at)
				}
			}
		})
	}
}
