package schema_test

import (
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// TestSQLServerStoredForms holds pairs of (what a schema file says, what SQL
// Server stores and its catalog returns) and asserts that each pair compares
// equal both ways — diff finds nothing to do from the file to the database
// nor back — and that near-misses (another literal, the operands of a
// non-commutative operator swapped, a style CAST does not use) do not.
func TestSQLServerStoredForms(t *testing.T) {
	tests := []struct {
		name    string
		kind    string // check, computed, where, default (written in HCL literal syntax), type
		column  string // the column a default, computed expression or type is about
		written string
		stored  string
		equal   bool
	}{
		{"IN, two values", "check", "", "status IN ('active','invited')", "([status]='invited' OR [status]='active')", true},
		{"IN, four values", "check", "", "status IN ('active', 'invited', 'suspended', 'pending_verification')",
			"([status]='pending_verification' OR [status]='suspended' OR [status]='invited' OR [status]='active')", true},
		{"IN stored in written order", "check", "", "status IN ('active','invited')", "([status]='active' OR [status]='invited')", true},
		{"NOT IN", "check", "", "status NOT IN ('a', 'b', 'c')", "([status]<>'c' AND [status]<>'b' AND [status]<>'a')", true},
		{"IN inside AND", "check", "", "amount > 0 AND status IN ('a', 'b')", "([amount]>(0) AND ([status]='b' OR [status]='a'))", true},
		{"IN inside AND inside OR", "check", "", "(status IN ('a', 'b') AND amount > 0) OR is_deleted = 1",
			"(([status]='b' OR [status]='a') AND [amount]>(0) OR [is_deleted]=(1))", true},
		{"IN of numbers", "check", "", "qty IN (1, 2, 3)", "([qty]=(3) OR [qty]=(2) OR [qty]=(1))", true},
		{"CAST as CONVERT", "check", "", "CAST(code AS int) > 0", "(CONVERT([int],[code])>(0))", true},
		{"CAST to a type with arguments", "computed", "total", "CAST(code AS decimal(10, 2))", "(CONVERT([decimal](10,2),[code]))", true},
		{"CAST to datetime: style 0 added", "check", "", "CAST(d AS datetime) > '2020-01-01'", "(CONVERT([datetime],[d],(0))>'2020-01-01')", true},
		{"CAST to smalldatetime: style 0 added", "computed", "total", "CAST(code AS smalldatetime)", "(CONVERT([smalldatetime],[code],(0)))", true},
		{"CAST of money to a string: style 0 added", "computed", "total", "CAST(amount AS varchar(20))", "(CONVERT([varchar](20),[amount],(0)))", true},
		{"CAST of datetime to a string: style 0 added", "computed", "total", "CAST(created AS nvarchar(30))", "(CONVERT([nvarchar](30),[created],(0)))", true},
		{"CAST of datetime2 to a string: style 121 added", "computed", "total", "CAST(at AS nvarchar(30))", "(CONVERT([nvarchar](30),[at],(121)))", true},
		{"CAST to datetime2: style 121", "computed", "total", "CAST(code AS datetime2(3))", "(CONVERT([datetime2](3),[code],(121)))", true},
		{"CONVERT written", "check", "", "CONVERT(int, code) > 0", "(CONVERT([int],[code])>(0))", true},
		{"string default", "default", "status", `"active"`, "(N'active')", true},
		{"number default", "default", "qty", `0`, "((0))", true},
		{"bit default", "default", "is_deleted", `true`, "((1))", true},
		{"getdate default", "default", "created", `sql("GETDATE()")`, "(getdate())", true},
		{"newid default", "default", "uid", `sql("NEWID()")`, "(newid())", true},
		{"date default", "default", "d", `"2020-01-01"`, "('2020-01-01')", true},
		{"CAST default", "default", "is_deleted", `sql("CAST(0 AS bit)")`, "(CONVERT([bit],(0)))", true},
		{"filter on bit", "where", "", "is_deleted = 0", "([is_deleted]=(0))", true},
		{"filter IS NOT NULL", "where", "", "qty IS NOT NULL", "([qty] IS NOT NULL)", true},
		{"filter IN", "where", "", "status IN ('a', 'b')", "([status]='b' OR [status]='a')", true},
		{"rowversion reads back as timestamp", "type", "stamp", "rowversion", "timestamp", true},

		{"near miss: another literal", "check", "", "status IN ('active','invited')", "([status]='invited' OR [status]='activ')", false},
		{"near miss: one value less", "check", "", "status IN ('a', 'b', 'c')", "([status]='c' OR [status]='b')", false},
		{"near miss: IN is not NOT IN", "check", "", "status IN ('a', 'b')", "([status]<>'b' AND [status]<>'a')", false},
		{"near miss: subtraction swapped", "check", "", "qty - amount > 0", "(([amount]-[qty])>(0))", false},
		{"near miss: comparison swapped", "check", "", "qty < amount", "([amount]<[qty])", false},
		{"near miss: another CAST target", "check", "", "CAST(code AS int) > 0", "(CONVERT([bigint],[code])>(0))", false},
		{"near miss: a style CAST does not use", "check", "", "CAST(d AS datetime) > '2020-01-01'", "(CONVERT([datetime],[d],(112))>'2020-01-01')", false},
		{"near miss: datetime2's default style on a datetime", "computed", "total", "CAST(created AS nvarchar(30))", "(CONVERT([nvarchar](30),[created],(121)))", false},
		{"near miss: a style on an int written as a string", "computed", "total", "CAST(qty AS nvarchar(30))", "(CONVERT([nvarchar](30),[qty],(0)))", false},
		{"near miss: another default", "default", "status", `"active"`, "(N'Active')", false},
		{"near miss: another function", "default", "created", `sql("GETDATE()")`, "(getutcdate())", false},
		{"near miss: another filter", "where", "", "is_deleted = 0", "([is_deleted]=(1))", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			written, stored := storedFormsTable(), storedFormsTable()
			setForm(t, written, tt.kind, tt.column, tt.written, false)
			setForm(t, stored, tt.kind, tt.column, tt.stored, true)
			for _, dir := range []struct {
				name     string
				from, to *schema.Table
			}{{"file to database", written, stored}, {"database to file", stored, written}} {
				from := normalizeMS(t, dir.from)
				to := normalizeMS(t, dir.to)
				plan, err := diff.Compare(from, to, diff.Options{})
				if err != nil {
					t.Fatal(err)
				}
				if got := len(plan.Changes) == 0; got != tt.equal {
					var changes []string
					for _, c := range plan.Changes {
						changes = append(changes, string(c.Kind))
					}
					t.Errorf("%s: equal = %v, want %v (changes %v)", dir.name, got, tt.equal, changes)
				}
			}
		})
	}
}

// storedFormsTable is dbo.users with a column of each type the cases use.
func storedFormsTable() *schema.Table {
	cols := []*schema.Column{{Name: "id", Type: "int"}}
	for _, c := range []string{"status nvarchar(20)", "code nvarchar(10)", "d date", "created datetime", "amount money",
		"is_deleted bit", "qty int", "uid uniqueidentifier", "stamp rowversion", "at datetime2"} {
		name, typ, _ := strings.Cut(c, " ")
		cols = append(cols, &schema.Column{Name: name, Type: typ, Null: true})
	}
	return &schema.Table{Schema: "dbo", Name: "users", Columns: cols, PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}}}
}

// setForm puts text into tb as a kind of object; stored text is what the
// catalog returns (an unnamed object is named by the server then), written
// text what a schema file says (a default in HCL literal syntax).
func setForm(t *testing.T, tb *schema.Table, kind, column, text string, stored bool) {
	t.Helper()
	switch kind {
	case "check":
		ck := &schema.Check{Expr: text}
		if stored {
			ck.SystemName = "CK__users__5CD6CB2B"
		}
		tb.Checks = append(tb.Checks, ck)
	case "where":
		tb.Indexes = append(tb.Indexes, &schema.Index{Name: "ix_users_filtered", Parts: []schema.IndexPart{{Column: "qty"}}, Where: text})
	case "computed":
		tb.Columns = append(tb.Columns, &schema.Column{Name: column, Null: true, Computed: &schema.Computed{Expr: text}})
	case "type":
		tb.Column(column).Type = text
	case "default":
		c := tb.Column(column)
		switch {
		case stored:
			c.Default = &schema.Default{Kind: schema.DefaultExpr, Value: text}
			c.DefaultSystemName = "DF__users__" + column + "__5CD6CB2B"
		case strings.HasPrefix(text, `sql("`):
			c.Default = &schema.Default{Kind: schema.DefaultExpr, Value: strings.TrimSuffix(strings.TrimPrefix(text, `sql("`), `")`)}
		case strings.HasPrefix(text, `"`):
			c.Default = &schema.Default{Kind: schema.DefaultString, Value: strings.Trim(text, `"`)}
		case text == "true" || text == "false":
			c.Default = &schema.Default{Kind: schema.DefaultBool, Value: text}
		default:
			c.Default = &schema.Default{Kind: schema.DefaultNumber, Value: text}
		}
	default:
		t.Fatalf("unknown kind %q", kind)
	}
}

func normalizeMS(t *testing.T, tb *schema.Table) *schema.Database {
	t.Helper()
	db, err := schema.Normalize(&schema.Database{Dialect: schema.SQLServer, Tables: []*schema.Table{tb}})
	if err != nil {
		t.Fatal(err)
	}
	return db
}
