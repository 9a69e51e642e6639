package render

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// The SQL Server modules and sequences of the golden cases: modOrders and
// what reads it, as inspect reads them (whole module text) and as a schema
// file may give a view (a SELECT and attributes).

var msModOrders = qn("dbo", "mod_orders")

func msModOrdersTable() *schema.Table {
	return &schema.Table{
		Schema: "dbo", Name: "mod_orders",
		Columns: []*schema.Column{
			{Name: "id", Type: "int", Identity: &schema.Identity{Seed: 1, Increment: 1}},
			{Name: "amount", Type: "decimal(10,2)"},
			{Name: "status", Type: "nvarchar(20)"},
		},
		PrimaryKey: &schema.PrimaryKey{Name: "pk_mod_orders", Columns: []string{"id"}},
	}
}

func msOpenOrders(query string) *schema.View {
	return &schema.View{Schema: "dbo", Name: "open_orders", SchemaBinding: true, Source: schema.SourceText(
		"CREATE VIEW dbo.open_orders\nWITH SCHEMABINDING\nAS\n-- orders not yet shipped\n" + query + ";\n")}
}

func msOddView() *schema.View {
	return &schema.View{Schema: "dbo", Name: "odd]view", Columns: []string{"order_id"}, CheckOption: "cascaded",
		Query: "SELECT id FROM dbo.mod_orders WHERE amount > 0"}
}

func msOrderTotal(procedure bool) *schema.Function {
	if procedure {
		return &schema.Function{Schema: "dbo", Name: "order_total", Procedure: true,
			Body: "CREATE PROCEDURE dbo.order_total @id int AS\nSELECT amount FROM dbo.mod_orders WHERE id = @id;"}
	}
	return &schema.Function{Schema: "dbo", Name: "order_total",
		Body: "CREATE FUNCTION [dbo].[order_total] (@id int)\nRETURNS decimal(10,2)\nAS\nBEGIN\n  RETURN (SELECT amount FROM dbo.mod_orders WHERE id = @id);\nEND;"}
}

func msCloseOrder(status string) *schema.Function {
	return &schema.Function{Schema: "dbo", Name: "close_order", Procedure: true,
		Settings: schema.ModuleSettings{QuotedIdentifierOff: true},
		Body:     "CREATE PROCEDURE dbo.close_order @id int\nAS\n-- QUOTED_IDENTIFIER OFF: \"…\" is a string\nUPDATE dbo.mod_orders SET status = \"" + status + "\" WHERE id = @id"}
}

func msAuditTrigger(disabled bool) *schema.Trigger {
	t := &schema.Trigger{Schema: "dbo", Table: "mod_orders", Name: "trg_mod_orders_touch", Timing: "after", Events: []string{"insert", "update"},
		Body: "CREATE TRIGGER dbo.trg_mod_orders_touch ON dbo.mod_orders\nAFTER INSERT, UPDATE\nAS\nSET NOCOUNT ON;\nUPDATE o SET status = LOWER(o.status) FROM dbo.mod_orders AS o JOIN inserted AS i ON i.id = o.id;"}
	if disabled {
		t.Enabled = "disabled"
	}
	return t
}

func msSeq(typ string, start, inc int64, minV, maxV *int64, cache int64, cycle bool) *schema.Sequence {
	return &schema.Sequence{Schema: "dbo", Name: "order_numbers", Type: typ, Start: start, Increment: inc, MinValue: minV, MaxValue: maxV, Cache: cache, Cycle: cycle}
}

func int64Ptr(v int64) *int64 { return &v }

// msObjectCases create, change and drop views, functions, procedures,
// triggers and sequences, on a database of their own table.
func msObjectCases() []msGoldenCase {
	openQuery := "SELECT id, amount FROM dbo.mod_orders WHERE status = N'open'"
	seq := msSeq("int", 1000, 1, int64Ptr(1000), nil, 1, false)
	seq2 := msSeq("int", 1, 5, nil, int64Ptr(99999), 50, true)
	seq3 := msSeq("bigint", 1, 5, nil, int64Ptr(99999), 50, true)
	return []msGoldenCase{
		{"07_modules_create", true, ms(
			&diff.Change{Kind: diff.CreateTable, TableDef: msModOrdersTable()},
			&diff.Change{Kind: diff.CreateSequence, Sequence: seq},
			&diff.Change{Kind: diff.CreateSequence, Sequence: &schema.Sequence{Schema: "dbo", Name: "ticket_ids", Type: "bigint", Increment: -1, MaxValue: int64Ptr(0), Start: 0}},
			&diff.Change{Kind: diff.CreateFunction, Function: msOrderTotal(false)},
			&diff.Change{Kind: diff.CreateFunction, Function: msCloseOrder("closed")},
			&diff.Change{Kind: diff.CreateView, View: msOpenOrders(openQuery)},
			&diff.Change{Kind: diff.CreateView, View: msOddView()},
			&diff.Change{Kind: diff.CreateTrigger, Trigger: msAuditTrigger(true)},
		)},
		{"08_modules_change", true, ms(
			&diff.Change{Kind: diff.ReplaceView, OldView: msOpenOrders(openQuery), View: msOpenOrders(openQuery + " AND amount > 0")},
			&diff.Change{Kind: diff.ReplaceFunction, OldFunction: msOrderTotal(false), Function: msOrderTotal(true)},
			&diff.Change{Kind: diff.ReplaceFunction, OldFunction: msCloseOrder("closed"), Function: msCloseOrder("done")},
			&diff.Change{Kind: diff.ReplaceTrigger, OldTrigger: msAuditTrigger(true), Trigger: msAuditTrigger(false)},
			&diff.Change{Kind: diff.AlterSequence, OldSequence: seq, Sequence: seq2},
		)},
		{"09_modules_drop", true, ms(
			&diff.Change{Kind: diff.AlterSequence, OldSequence: seq2, Sequence: seq3},
			&diff.Change{Kind: diff.DropTrigger, Trigger: msAuditTrigger(false)},
			&diff.Change{Kind: diff.DropView, View: msOddView()},
			&diff.Change{Kind: diff.DropView, View: msOpenOrders(openQuery)},
			&diff.Change{Kind: diff.DropFunction, Function: msOrderTotal(true)},
			&diff.Change{Kind: diff.DropFunction, Function: msCloseOrder("done")},
			&diff.Change{Kind: diff.DropSequence, Sequence: seq3},
			&diff.Change{Kind: diff.DropSequence, Sequence: &schema.Sequence{Schema: "dbo", Name: "ticket_ids", Type: "bigint"}},
			&diff.Change{Kind: diff.DropTable, TableDef: msModOrdersTable()},
		)},
	}
}

// TestSQLServerObjectErrors: what cannot be rendered is an error naming it.
func TestSQLServerObjectErrors(t *testing.T) {
	tests := []struct {
		name string
		c    *diff.Change
		want string
	}{
		{"no view", &diff.Change{Kind: diff.CreateView}, "view"},
		{"materialized view", &diff.Change{Kind: diff.CreateView, View: &schema.View{Name: "m", Materialized: true, Query: "SELECT 1"}}, "no materialized views"},
		{"function text creates a view", &diff.Change{Kind: diff.CreateFunction, Function: &schema.Function{Schema: "dbo", Name: "f", Body: "CREATE VIEW f AS SELECT 1"}}, "function dbo.f: its text creates a view"},
		{"function body without header", &diff.Change{Kind: diff.CreateFunction, Function: &schema.Function{Schema: "dbo", Name: "f", Body: "RETURN 1"}}, "not a CREATE or ALTER statement"},
		{"trigger without table", &diff.Change{Kind: diff.CreateTrigger, Trigger: &schema.Trigger{Name: "t", Body: "x"}}, "trigger"},
		{"DDL trigger", &diff.Change{Kind: diff.CreateTrigger, Trigger: &schema.Trigger{Schema: "dbo", Table: "t", Name: "t", Body: "CREATE TRIGGER t ON DATABASE FOR CREATE_TABLE AS PRINT 1"}}, "DDL trigger"},
		{"owned sequence", &diff.Change{Kind: diff.CreateSequence, Sequence: &schema.Sequence{Name: "s", Type: "int", OwnedBy: "dbo.t.id"}}, "no OWNED BY"},
		{"alter without old", &diff.Change{Kind: diff.AlterSequence, Sequence: &schema.Sequence{Name: "s", Type: "int"}}, "old sequence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := SQL(ms(tt.c))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestSQLServerModulesWithoutGO: a script without batch separators runs
// each module statement through EXEC, which makes it a batch of its own.
func TestSQLServerModulesWithoutGO(t *testing.T) {
	stmts, err := SQL(ms(&diff.Change{Kind: diff.CreateView, View: msOddView()},
		&diff.Change{Kind: diff.CreateFunction, Function: msCloseOrder("it's")}))
	if err != nil {
		t.Fatal(err)
	}
	got := ScriptWith(stmts, ScriptOptions{NoBatchSeparator: true, NoSessionSettings: true})
	want := "EXEC(N'CREATE OR ALTER VIEW [dbo].[odd]]view] ([order_id]) AS\nSELECT id FROM dbo.mod_orders WHERE amount > 0\nWITH CHECK OPTION');\n\n" +
		"SET QUOTED_IDENTIFIER OFF;\n" +
		"EXEC(N'CREATE OR ALTER PROCEDURE [dbo].[close_order] @id int\nAS\n-- QUOTED_IDENTIFIER OFF: \"…\" is a string\nUPDATE dbo.mod_orders SET status = \"it''s\" WHERE id = @id');\n" +
		"SET QUOTED_IDENTIFIER ON;\n"
	if got != want {
		t.Errorf("script:\n%s\nwant:\n%s", got, want)
	}
}

// TestSQLServerModulesReadBack: SQL Server keeps the text of CREATE OR
// ALTER as the module's definition, so what the renderer writes for a
// view, function, procedure or trigger, read back as introspection reads
// it, normalizes to the object it was rendered from: applying a plan
// leaves nothing to diff.
func TestSQLServerModulesReadBack(t *testing.T) {
	for _, tc := range msObjectCases() {
		for _, c := range tc.plan.Changes {
			if c.Kind != diff.CreateView && c.Kind != diff.ReplaceView && c.Kind != diff.CreateFunction &&
				c.Kind != diff.ReplaceFunction && c.Kind != diff.CreateTrigger && c.Kind != diff.ReplaceTrigger {
				continue
			}
			t.Run(tc.name+"/"+Describe(schema.SQLServer, c), func(t *testing.T) {
				sqls, err := renderChange(sqlserverDialect{}, c)
				if err != nil {
					t.Fatal(err)
				}
				var module string
				for _, s := range sqls {
					if strings.HasPrefix(s, "CREATE OR ALTER ") {
						module = s
					}
				}
				written := &schema.Database{Dialect: schema.SQLServer}
				stored := &schema.Database{Dialect: schema.SQLServer}
				switch {
				case c.View != nil:
					v := *c.View
					written.Views = []*schema.View{&v}
					stored.Views = []*schema.View{{Schema: v.Schema, Name: v.Name, Source: schema.SourceText(module), Settings: v.Settings}}
				case c.Function != nil:
					f := *c.Function
					written.Functions = []*schema.Function{&f}
					stored.Functions = []*schema.Function{{Schema: f.Schema, Name: f.Name, Source: schema.SourceText(module), Settings: f.Settings}}
				default:
					tr := *c.Trigger
					written.Triggers = []*schema.Trigger{&tr}
					stored.Triggers = []*schema.Trigger{{Schema: tr.Schema, Table: tr.Table, Name: tr.Name, Source: schema.SourceText(module),
						Settings: tr.Settings, Enabled: tr.Enabled}}
				}
				want, err := schema.Normalize(written)
				if err != nil {
					t.Fatal(err)
				}
				got, err := schema.Normalize(stored)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(canonicalModules(want), canonicalModules(got)) {
					t.Errorf("rendered:\n%s\nreads back as\n%q\nnot\n%q", module, canonicalModules(got), canonicalModules(want))
				}
			})
		}
	}
}

// canonicalModules lists what compares of db's views, functions and
// triggers.
func canonicalModules(db *schema.Database) []string {
	var out []string
	for _, v := range db.Views {
		out = append(out, fmt.Sprintf("view %s %v %v %q %q", v.QName(), v.Columns, v.SchemaBinding, v.CheckOption, v.Query))
	}
	for _, f := range db.Functions {
		out = append(out, fmt.Sprintf("function %s.%s %v %q", f.Schema, f.Name, f.Procedure, f.Body))
	}
	for _, tr := range db.Triggers {
		out = append(out, fmt.Sprintf("trigger %s %s %v %q %q", tr.Name, tr.Timing, tr.Events, tr.Enabled, tr.Body))
	}
	return out
}
