package introspect

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/schemadiff/schemadiff/schema"
)

// modulesObjects is modules.json (modules.sql) as read: views, functions,
// procedures, triggers and sequences in canonical form. The encrypted view
// is a warning and a dependent of its schema.
func modulesObjects() *schema.Database {
	i64 := func(v int64) *int64 { return &v }
	table := schema.ObjectRef{Kind: schema.KindTable, Schema: "dbo", Name: "orders"}
	column := func(name string) schema.ObjectRef {
		return schema.ObjectRef{Kind: schema.KindColumn, Schema: "dbo", Name: "orders", Column: name}
	}
	return &schema.Database{
		Views: []*schema.View{
			{Schema: "dbo", Name: "big_orders", Columns: []string{"order_id", "total"}, CheckOption: "cascaded", Textual: true,
				Query: "select id, amount from dbo.orders where amount > 1000", DependsOn: []schema.ObjectRef{table}},
			{Schema: "reporting", Name: "open_orders", SchemaBinding: true, Comment: "Orders not yet shipped", Textual: true,
				Query:     "select id, customer, amount from dbo.orders where status = 'open'",
				DependsOn: []schema.ObjectRef{column("amount"), column("customer"), column("id"), column("status"), table}},
		},
		Functions: []*schema.Function{
			{Schema: "dbo", Name: "close_order", Procedure: true, Settings: schema.ModuleSettings{QuotedIdentifierOff: true},
				Body:      "create procedure dbo.close_order @id int as update dbo.orders set status = 'closed' where id = @id",
				DependsOn: []schema.ObjectRef{table}},
			{Schema: "dbo", Name: "order_total",
				Body:      "create function dbo.order_total(@customer nvarchar(100)) returns decimal (12, 2) with schemabinding as begin return(select sum(amount) from dbo.orders where customer = @customer) end",
				DependsOn: []schema.ObjectRef{column("amount"), column("customer"), table}},
			{Schema: "reporting", Name: "orders_of",
				Body:      "create function reporting.orders_of(@customer nvarchar(100)) returns table as return select id, amount from dbo.orders where customer = @customer",
				DependsOn: []schema.ObjectRef{table}},
		},
		Triggers: []*schema.Trigger{
			{Schema: "dbo", Table: "orders", Name: "trg_orders_status", Timing: "after", Events: []string{"insert", "update"}, Enabled: "disabled",
				Body: "create trigger dbo.trg_orders_status on dbo.orders after insert, update as begin set nocount on update o set status = lower(o.status) from dbo.orders as o join inserted as i on i.id = o.id end"},
			{Schema: "reporting", Table: "open_orders", Name: "trg_open_orders_delete", Timing: "instead of", Events: []string{"delete"},
				Body: "create trigger reporting.trg_open_orders_delete on reporting.open_orders instead of delete as delete from dbo.orders where id in (select id from deleted)"},
		},
		Sequences: []*schema.Sequence{
			{Schema: "dbo", Name: "order_numbers", Type: "int", Start: 1000, Increment: 10, MinValue: i64(1000), Cache: 1},
			{Schema: "dbo", Name: "ticket_ids", Type: "bigint", Start: -9223372036854775808, Increment: 1},
			{Schema: "reporting", Name: "big", Type: "decimal(38,0)", Start: 1, Increment: 1, Cache: 50, Cycle: true},
		},
		Warnings:   []schema.Warning{{Object: "view dbo.secret", Message: "created WITH ENCRYPTION: its definition cannot be read, so it is neither compared nor dropped"}},
		Dependents: []schema.Dependent{{Schema: "dbo", Object: "view dbo.secret"}},
	}
}

// objectsOnly keeps the parts of db modulesObjects describes.
func objectsOnly(db *schema.Database) *schema.Database {
	return &schema.Database{Views: db.Views, Functions: db.Functions, Triggers: db.Triggers, Sequences: db.Sequences,
		Warnings: db.Warnings, Dependents: db.Dependents}
}

// TestSQLServerModules reads modules.json through go-mssqldb.
func TestSQLServerModules(t *testing.T) {
	got, err := inspectRecording(t, "modules", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(modulesObjects(), objectsOnly(got), ignorePos); diff != "" {
		t.Errorf("objects (-want +got):\n%s", diff)
	}
	open := got.Views[1]
	if want := "/* Open orders, for the dashboard. */\nCREATE VIEW reporting.open_orders\nWITH SCHEMABINDING\nAS\n" +
		"SELECT id, customer, amount -- what the dashboard shows\nFROM dbo.orders\nWHERE status = N'open';"; string(open.Source) != want {
		t.Errorf("the view's source is not its module text:\n%s", open.Source)
	}
	again, err := schema.Normalize(got)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, again, ignorePos); diff != "" {
		t.Errorf("normalizing what was read changes it (-read +again):\n%s", diff)
	}
}

// TestSQLServerModulesMatchFiles: what a user writes for modules.sql's
// objects — other spacing, case, comments, quoting, CREATE OR ALTER, a view
// as a bare SELECT with attributes — compares equal to what SQL Server
// keeps, once both are normalized; and a real change does not.
func TestSQLServerModulesMatchFiles(t *testing.T) {
	read, err := inspectRecording(t, "modules", Options{})
	if err != nil {
		t.Fatal(err)
	}
	written := func() *schema.Database {
		i64 := func(v int64) *int64 { return &v }
		return &schema.Database{Dialect: schema.SQLServer,
			Views: []*schema.View{
				{Name: "big_orders", Columns: []string{"order_id", "total"}, CheckOption: "cascaded",
					Query: "SELECT id, amount\n  FROM [dbo].[orders]\n WHERE amount > 1000;"},
				{Schema: "reporting", Name: "open_orders", Comment: "Orders not yet shipped",
					Source: "CREATE OR ALTER VIEW [reporting].[Open_Orders] WITH SCHEMABINDING AS\n  SELECT Id, Customer, Amount\n    FROM dbo.orders /* open ones */\n   WHERE status = N'open'"},
			},
			Functions: []*schema.Function{
				{Name: "close_order", Settings: schema.ModuleSettings{QuotedIdentifierOff: true},
					Body: "create or alter procedure close_order\n    @id INT\nAS\n    UPDATE dbo.orders SET status = \"closed\" WHERE id = @id"},
				{Name: "order_total", Body: "CREATE FUNCTION dbo.order_total (@customer NVARCHAR(100))\nRETURNS DECIMAL(12, 2)\nWITH SCHEMABINDING\nAS BEGIN\n  -- total of one customer\n  RETURN (SELECT SUM(amount) FROM dbo.orders WHERE customer = @customer)\nEND"},
				{Schema: "reporting", Name: "orders_of", Body: "CREATE FUNCTION reporting.orders_of(@customer nvarchar(100))\nRETURNS TABLE\nAS RETURN\n  SELECT id, amount FROM dbo.orders WHERE customer = @customer"},
			},
			Triggers: []*schema.Trigger{
				{Table: "orders", Name: "trg_orders_status", Enabled: "disabled",
					Body: "CREATE TRIGGER trg_orders_status ON orders\nAFTER UPDATE, INSERT\nAS BEGIN\n  SET NOCOUNT ON;\n  UPDATE o SET status = LOWER(o.status) FROM dbo.orders AS o JOIN inserted AS i ON i.id = o.id;\nEND"},
				{Schema: "reporting", Table: "open_orders", Name: "trg_open_orders_delete",
					Body: "CREATE TRIGGER reporting.trg_open_orders_delete ON reporting.open_orders INSTEAD OF DELETE AS DELETE FROM dbo.orders WHERE id IN (SELECT id FROM deleted)"},
			},
			Sequences: []*schema.Sequence{
				{Name: "order_numbers", Type: "INT", Start: 1000, Increment: 10, MinValue: i64(1000), MaxValue: i64(2147483647), Cache: 1},
				{Name: "ticket_ids", Start: -9223372036854775808},
				{Schema: "reporting", Name: "big", Type: "decimal(38)", Start: 1, Cache: 50, Cycle: true},
			},
		}
	}
	ignore := cmp.Options{ignorePos, cmpopts.IgnoreFields(schema.View{}, "DependsOn"), cmpopts.IgnoreFields(schema.Function{}, "DependsOn")}
	want := objectsOnly(read)
	want.Warnings, want.Dependents = nil, nil
	got, err := schema.Normalize(written())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, objectsOnly(got), ignore); diff != "" {
		t.Errorf("written (+) and read (-) differ:\n%s", diff)
	}
	changes := []struct {
		name   string
		change func(*schema.Database)
	}{
		{"view query", func(db *schema.Database) { db.Views[0].Query = "SELECT id, amount FROM dbo.orders WHERE amount > 100" }},
		{"view string literal case", func(db *schema.Database) {
			db.Views[1].Source = "CREATE VIEW reporting.open_orders WITH SCHEMABINDING AS SELECT id, customer, amount FROM dbo.orders WHERE status = N'Open'"
		}},
		{"schema binding", func(db *schema.Database) { db.Views[0].SchemaBinding = true }},
		{"procedure body", func(db *schema.Database) {
			db.Functions[0].Body = "CREATE PROCEDURE close_order @id int AS UPDATE dbo.orders SET status = 'closed' WHERE id = @id + 1"
		}},
		{"trigger events", func(db *schema.Database) {
			db.Triggers[0].Body = "CREATE TRIGGER trg_orders_status ON orders AFTER UPDATE AS BEGIN SET NOCOUNT ON; UPDATE o SET status = LOWER(o.status) FROM dbo.orders AS o JOIN inserted AS i ON i.id = o.id; END"
		}},
		{"string under QUOTED_IDENTIFIER OFF", func(db *schema.Database) {
			db.Functions[0].Body = strings.Replace(db.Functions[0].Body, `"closed"`, `"Closed"`, 1)
		}},
		{"sequence cache", func(db *schema.Database) { db.Sequences[0].Cache = 0 }},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			db := written()
			c.change(db)
			got, err := schema.Normalize(db)
			if err != nil {
				t.Fatal(err)
			}
			if cmp.Equal(want, objectsOnly(got), ignore) {
				t.Error("the change compares equal")
			}
		})
	}
}
