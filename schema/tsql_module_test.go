package schema

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseModule(t *testing.T) {
	tests := []struct {
		name, text string
		want       ModuleHeader
		query      string // the view's SELECT as written
		err        string
	}{
		{
			name: "view with comments, columns, options and check option",
			text: "/* reporting */\nCREATE   VIEW [dbo].[Active Users] (id, [e-mail])\nWITH SCHEMABINDING, VIEW_METADATA\nAS -- the live ones\nSELECT u.id, u.email FROM dbo.users AS u WHERE u.is_deleted = 0\nWITH CHECK OPTION;\n",
			want: ModuleHeader{Kind: ModuleView, Name: QName{"dbo", "Active Users"}, NameParts: 2, Columns: []string{"id", "e-mail"},
				Options: []string{"schemabinding", "view_metadata"}, CheckOption: true},
			query: "SELECT u.id, u.email FROM dbo.users AS u WHERE u.is_deleted = 0",
		},
		{
			name:  "CREATE OR ALTER, one-part name",
			text:  "create or alter view v as select 1 as one",
			want:  ModuleHeader{Kind: ModuleView, Name: QName{"", "v"}, NameParts: 1},
			query: "select 1 as one",
		},
		{
			name: "procedure spelled PROC, three-part name",
			text: "ALTER PROC app.dbo.[do it] @a int AS SELECT @a",
			want: ModuleHeader{Kind: ModuleProcedure, Name: QName{"dbo", "do it"}, NameParts: 3},
		},
		{
			name: "function",
			text: "CREATE FUNCTION dbo.add_one(@x int) RETURNS int WITH SCHEMABINDING AS BEGIN RETURN @x + 1 END",
			want: ModuleHeader{Kind: ModuleFunction, Name: QName{"dbo", "add_one"}, NameParts: 2},
		},
		{
			name: "trigger FOR, events in any order",
			text: "CREATE TRIGGER dbo.trg_audit ON dbo.orders FOR UPDATE, INSERT AS SET NOCOUNT ON;",
			want: ModuleHeader{Kind: ModuleTrigger, Name: QName{"dbo", "trg_audit"}, NameParts: 2, Table: QName{"dbo", "orders"},
				Timing: "after", Events: []string{"insert", "update"}},
		},
		{
			name: "INSTEAD OF trigger with options",
			text: "CREATE TRIGGER [trg] ON [v] WITH EXECUTE AS OWNER INSTEAD OF DELETE AS BEGIN SELECT 1 END",
			want: ModuleHeader{Kind: ModuleTrigger, Name: QName{"", "trg"}, NameParts: 1, Table: QName{"", "v"},
				Options: []string{"execute"}, Timing: "instead of", Events: []string{"delete"}},
		},
		{name: "bare select", text: "SELECT 1", err: errNotModule.Error()},
		{name: "DDL trigger", text: "CREATE TRIGGER t ON DATABASE FOR CREATE_TABLE AS PRINT 1", err: "DDL trigger"},
		{name: "unknown kind", text: "CREATE TABLE t (a int)", err: `expected VIEW, FUNCTION, PROCEDURE or TRIGGER, found "table"`},
		{name: "view without AS", text: "CREATE VIEW v SELECT 1", err: `expected AS, found "select"`},
		{name: "view without query", text: "CREATE VIEW v AS", err: "expected the view's SELECT after AS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := ParseModule(tt.text)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.text[h.QueryStart:h.QueryEnd]; got != tt.query {
				t.Errorf("query = %q, want %q", got, tt.query)
			}
			if !strings.HasSuffix(tt.text[:h.NameEnd], h.Name.Name) && !strings.HasSuffix(tt.text[:h.NameEnd], "]") {
				t.Errorf("name ends at %d: %q", h.NameEnd, tt.text[:h.NameEnd])
			}
			got := *h
			got.NameEnd, got.QueryStart, got.QueryEnd = 0, 0, 0
			got.tableEnd, got.timingStart, got.eventsEnd = 0, 0, 0
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("header = %+v\nwant     %+v", got, tt.want)
			}
		})
	}
}

func TestNormalizeModule(t *testing.T) {
	q := QName{"dbo", "Order_Totals"}
	stored := "CREATE VIEW [dbo].[order_totals_old]\nAS\n/* totals */ SELECT o.[CustomerId], SUM(o.Amount) AS total -- per customer\nFROM dbo.orders o WHERE o.status=N'Open' AND @@ROWCOUNT>=0 GROUP BY o.[CustomerId];"
	tests := []struct {
		name, text string
		same       bool
	}{
		{"other spacing, case, quoting and header", "create or alter view dbo.Order_Totals as select o.customerid, sum(o.amount) as TOTAL from [dbo].[orders] o\n where o.status = N'Open' and @@rowcount >= 0 group by o.customerid", true},
		{"ALTER header", "ALTER VIEW order_totals AS SELECT o.CustomerId, SUM(o.Amount) AS total FROM dbo.orders o WHERE o.status = 'Open' AND @@ROWCOUNT >= 0 GROUP BY o.CustomerId", true},
		{"string case differs", "CREATE VIEW dbo.order_totals AS SELECT o.CustomerId, SUM(o.Amount) AS total FROM dbo.orders o WHERE o.status = N'open' AND @@ROWCOUNT >= 0 GROUP BY o.CustomerId", false},
		{"other column", "CREATE VIEW dbo.order_totals AS SELECT o.CustomerId, MAX(o.Amount) AS total FROM dbo.orders o WHERE o.status = N'Open' AND @@ROWCOUNT >= 0 GROUP BY o.CustomerId", false},
	}
	want := NormalizeModule(stored, ModuleView, q, ModuleSettings{})
	if !strings.HasPrefix(want, "create view dbo.order_totals select") && !strings.HasPrefix(want, "create view dbo.order_totals as select") {
		t.Fatalf("canonical header: %q", want)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NormalizeModule(tt.text, ModuleView, q, ModuleSettings{})
			if (got == want) != tt.same {
				t.Errorf("NormalizeModule =\n%q\nstored:\n%q\nsame = %v, want %v", got, want, got == want, tt.same)
			}
			if again := NormalizeModule(got, ModuleView, q, ModuleSettings{}); again != got {
				t.Errorf("not idempotent:\n%q\n%q", got, again)
			}
		})
	}
	if got, want := NormalizeModule("SELECT @a+1 FROM #t", "", QName{}, ModuleSettings{}), "select @a + 1 from #t"; got != want {
		t.Errorf("variables and temporary tables: %q, want %q", got, want)
	}
	off := ModuleSettings{QuotedIdentifierOff: true}
	if got, want := NormalizeModule(`SELECT "Closed", [Name] FROM t`, "", QName{}, off), "select 'Closed', name from t"; got != want {
		t.Errorf("QUOTED_IDENTIFIER OFF: %q, want %q", got, want)
	}
}

func TestNormalizeSQLServerObjects(t *testing.T) {
	minOne, maxInt := int64(1), int64(2147483647)
	db := &Database{Dialect: SQLServer,
		Views: []*View{
			{Name: "b", Query: "SELECT  1 AS one"},
			{Name: "a", Source: "CREATE VIEW a (x) WITH SCHEMABINDING AS SELECT id FROM dbo.t WITH CHECK OPTION"},
		},
		Functions: []*Function{{Schema: "app", Name: "p", Body: "CREATE PROCEDURE app.p AS SELECT 1"}},
		Triggers:  []*Trigger{{Name: "trg", Body: "CREATE TRIGGER trg ON dbo.t INSTEAD OF UPDATE, DELETE AS SELECT 1", Enabled: "disabled"}},
		Sequences: []*Sequence{
			{Name: "s1"},
			{Name: "s2", Type: "INT", MinValue: &minOne, MaxValue: &maxInt, Cache: 1},
		},
	}
	got, err := Normalize(db)
	if err != nil {
		t.Fatal(err)
	}
	a, b := got.Views[0], got.Views[1]
	if a.Name != "a" || a.Schema != "dbo" || !a.SchemaBinding || a.CheckOption != "cascaded" || !reflect.DeepEqual(a.Columns, []string{"x"}) || a.Query != "select id from dbo.t" {
		t.Errorf("view a = %+v", a)
	}
	if b.Query != "select 1 as one" || b.Source != "SELECT  1 AS one" {
		t.Errorf("view b = %+v", b)
	}
	if f := got.Functions[0]; !f.Procedure || f.Body != "create procedure app.p as select 1" || f.Source != "CREATE PROCEDURE app.p AS SELECT 1" {
		t.Errorf("procedure = %+v", f)
	}
	if tr := got.Triggers[0]; tr.Table != "t" || tr.Schema != "dbo" || tr.Timing != "instead of" || !reflect.DeepEqual(tr.Events, []string{"update", "delete"}) {
		t.Errorf("trigger = %+v", tr)
	}
	s1, s2 := got.Sequences[0], got.Sequences[1]
	if s1.Type != "bigint" || s1.Start != 0 || s1.Increment != 1 || s1.MinValue != nil {
		t.Errorf("s1 = %+v", s1)
	}
	if s2.Type != "int" || s2.Start != 1 || s2.MinValue == nil || *s2.MinValue != 1 || s2.MaxValue != nil || s2.Cache != 1 {
		t.Errorf("s2 = %+v", s2)
	}
	var schemas []string
	for _, s := range got.Schemas {
		schemas = append(schemas, s.Name)
	}
	if !reflect.DeepEqual(schemas, []string{"app", "dbo"}) {
		t.Errorf("schemas = %v", schemas)
	}
	again, err := Normalize(got)
	if err != nil || !reflect.DeepEqual(again, got) {
		t.Errorf("normalizing twice changes the database (%v)", err)
	}
	if _, err := Normalize(&Database{Dialect: SQLServer, Sequences: []*Sequence{{Name: "s", Type: "decimal(10,2)"}}}); err == nil || !strings.Contains(err.Error(), "scale 0") {
		t.Errorf("decimal(10,2) sequence: %v", err)
	}
}
