package introspect

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// TestSQLServerUnmodelled reads unmanaged.json (unmanaged.sql: a table with
// a schema-bound view over two of its columns, a procedure and a trigger
// reading it, a synonym and a sequence) through go-mssqldb: one warning per
// object, and the view, procedure and trigger as dependents of the table
// (the view of its columns too), the objects living in dbo on their own as
// dependents of the schema. Excluding the table leaves out its trigger's
// warning and every dependent of it.
func TestSQLServerUnmodelled(t *testing.T) {
	const ignored = " are not read; the comparison ignores it"
	allWarnings := []schema.Warning{
		{Object: "procedure dbo.list_customers", Message: "procedures" + ignored},
		{Object: "sequence dbo.invoice_numbers", Message: "sequences" + ignored},
		{Object: "synonym dbo.clients", Message: "synonyms" + ignored},
		{Object: "trigger dbo.trg_customers_trim on dbo.customers", Message: "triggers" + ignored},
		{Object: "view dbo.customer_emails", Message: "views" + ignored},
	}
	inSchema := []schema.Dependent{
		{Schema: "dbo", Object: "procedure dbo.list_customers"},
		{Schema: "dbo", Object: "sequence dbo.invoice_numbers"},
		{Schema: "dbo", Object: "synonym dbo.clients"},
		{Schema: "dbo", Object: "view dbo.customer_emails"},
	}
	onTable := []schema.Dependent{
		{Schema: "dbo", Table: "customers", Object: "procedure dbo.list_customers", Breaks: true},
		{Schema: "dbo", Table: "customers", Attached: true, Object: "trigger dbo.trg_customers_trim on dbo.customers", Breaks: true},
		{Schema: "dbo", Table: "customers", Object: "view dbo.customer_emails"},
		{Schema: "dbo", Table: "customers", Column: "email", Object: "view dbo.customer_emails"},
		{Schema: "dbo", Table: "customers", Column: "id", Object: "view dbo.customer_emails"},
	}
	tests := []struct {
		name       string
		opts       Options
		tables     int
		warnings   []schema.Warning
		dependents []schema.Dependent
	}{
		{"all", Options{}, 1, allWarnings, append(append([]schema.Dependent(nil), inSchema...), onTable...)},
		{"table excluded", Options{Exclude: []string{"customers"}}, 0,
			[]schema.Warning{allWarnings[0], allWarnings[1], allWarnings[2], allWarnings[4]}, inSchema},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := inspectRecording(t, "unmanaged", tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Tables) != tt.tables {
				t.Errorf("%d tables read, want %d", len(got.Tables), tt.tables)
			}
			if diff := cmp.Diff(tt.warnings, got.Warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.dependents, got.Dependents); diff != "" {
				t.Errorf("dependents (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSQLServerDependentHazards: a plan that drops or retypes what the
// schema-bound view reads carries an unmanaged-dependent error hazard
// naming the view (SQL Server refuses the statement); dropping the table
// also names the procedure, whose reference is not schema-bound (the
// statement succeeds and leaves it failing); the trigger goes with its
// table; a column nothing is known to read carries none.
func TestSQLServerDependentHazards(t *testing.T) {
	tests := []struct {
		name   string
		change func(*schema.Table) []*schema.Table // returns the target's tables
		want   []string
	}{
		{"drop column under the view", func(tb *schema.Table) []*schema.Table {
			tb.Columns = tb.Columns[:2] // id, name
			return []*schema.Table{tb}
		}, []string{"view dbo.customer_emails, which schemadiff does not manage, depends on column dbo.customers.email: DROP COLUMN fails"}},
		{"retype column under the view", func(tb *schema.Table) []*schema.Table {
			tb.Columns[2].Type = "nvarchar(400)"
			return []*schema.Table{tb}
		}, []string{"view dbo.customer_emails, which schemadiff does not manage, depends on column dbo.customers.email: ALTER COLUMN TYPE fails"}},
		{"drop table", func(*schema.Table) []*schema.Table { return nil }, []string{
			"procedure dbo.list_customers, which schemadiff does not manage, depends on table dbo.customers: DROP TABLE succeeds but leaves the dependent failing",
			"view dbo.customer_emails, which schemadiff does not manage, depends on table dbo.customers: DROP TABLE fails",
		}},
		{"drop column nothing reads by name", func(tb *schema.Table) []*schema.Table {
			tb.Columns = []*schema.Column{tb.Columns[0], tb.Columns[2]} // id, email
			return []*schema.Table{tb}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, err := inspectRecording(t, "unmanaged", Options{})
			if err != nil {
				t.Fatal(err)
			}
			to, err := inspectRecording(t, "unmanaged", Options{})
			if err != nil {
				t.Fatal(err)
			}
			to.Tables = tt.change(to.Tables[0])
			to.Dependents, to.Warnings = nil, nil
			plan, err := diff.Compare(from, to, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Changes) == 0 {
				t.Fatal("no change planned")
			}
			var got []string
			for _, c := range plan.Changes {
				for _, h := range c.Hazards {
					if h.Code == diff.HazardUnmanagedDependent {
						if h.Severity != diff.Error {
							t.Errorf("hazard %q has severity %v, want error", h.Message, h.Severity)
						}
						got = append(got, h.Message)
					}
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("unmanaged-dependent hazards:\n%s\nwant %d", strings.Join(got, "\n"), len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("hazard %d = %q, want it to start with %q", i, got[i], w)
				}
			}
		})
	}
}
