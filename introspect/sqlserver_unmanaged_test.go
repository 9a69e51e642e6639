package introspect

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// TestSQLServerUnmodelled reads unmanaged.json (unmanaged.sql: a table
// with, in schema reporting, a schema-bound view over two of its columns and
// a procedure reading it; in dbo a trigger on it, a synonym and a sequence)
// through go-mssqldb. The view, procedure, trigger and sequence are read
// into the model; the synonym is one warning and a dependent of its schema.
// Read without schema reporting, the view and the procedure are unmanaged
// dependents of the table (the view of its columns too). Excluding the table
// leaves out its trigger and every dependent of it.
func TestSQLServerUnmodelled(t *testing.T) {
	synonym := schema.Warning{Object: "synonym dbo.clients", Message: "synonyms are not read; the comparison ignores it"}
	inSchema := []schema.Dependent{{Schema: "dbo", Object: "synonym dbo.clients"}}
	onTable := []schema.Dependent{
		{Schema: "dbo", Table: "customers", Object: "procedure reporting.list_customers", Breaks: true},
		{Schema: "dbo", Table: "customers", Object: "view reporting.customer_emails"},
		{Schema: "dbo", Table: "customers", Column: "email", Object: "view reporting.customer_emails"},
		{Schema: "dbo", Table: "customers", Column: "id", Object: "view reporting.customer_emails"},
	}
	tests := []struct {
		name       string
		opts       Options
		tables     int
		objects    []string // the views, functions, triggers and sequences read
		dependents []schema.Dependent
	}{
		{"all", Options{}, 1, []string{"view reporting.customer_emails", "procedure reporting.list_customers",
			"trigger dbo.trg_customers_trim on dbo.customers", "sequence dbo.invoice_numbers"}, inSchema},
		{"dbo only", Options{Schemas: []string{"dbo"}}, 1, []string{"trigger dbo.trg_customers_trim on dbo.customers", "sequence dbo.invoice_numbers"},
			append(append([]schema.Dependent(nil), inSchema...), onTable...)},
		{"table excluded", Options{Exclude: []string{"customers"}}, 0, []string{"view reporting.customer_emails", "procedure reporting.list_customers",
			"sequence dbo.invoice_numbers"}, inSchema},
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
			if diff := cmp.Diff([]schema.Warning{synonym}, got.Warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.objects, msObjectNames(got)); diff != "" {
				t.Errorf("objects read (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.dependents, got.Dependents); diff != "" {
				t.Errorf("dependents (-want +got):\n%s", diff)
			}
		})
	}
}

// msObjectNames names the views, functions, triggers and sequences of db as
// the warnings and dependents do.
func msObjectNames(db *schema.Database) []string {
	var out []string
	for _, v := range db.Views {
		out = append(out, msModuleName("view", v.QName(), ""))
	}
	for _, f := range db.Functions {
		kind := "function"
		if f.Procedure {
			kind = "procedure"
		}
		out = append(out, msModuleName(kind, schema.QName{Schema: f.Schema, Name: f.Name}, ""))
	}
	for _, t := range db.Triggers {
		out = append(out, msModuleName("trigger", schema.QName{Schema: t.Schema, Name: t.Name}, t.Table))
	}
	for _, s := range db.Sequences {
		out = append(out, msModuleName("sequence", s.QName(), ""))
	}
	return out
}

// TestSQLServerDependentHazards, with schema reporting not read: a plan
// that drops or retypes what the schema-bound view reads carries an
// unmanaged-dependent error hazard
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
		}, []string{"view reporting.customer_emails, which schemadiff does not manage, depends on column dbo.customers.email: DROP COLUMN fails"}},
		{"retype column under the view", func(tb *schema.Table) []*schema.Table {
			tb.Columns[2].Type = "nvarchar(400)"
			return []*schema.Table{tb}
		}, []string{"view reporting.customer_emails, which schemadiff does not manage, depends on column dbo.customers.email: ALTER COLUMN TYPE fails"}},
		{"drop table", func(*schema.Table) []*schema.Table { return nil }, []string{
			"procedure reporting.list_customers, which schemadiff does not manage, depends on table dbo.customers: DROP TABLE succeeds but leaves the dependent failing",
			"view reporting.customer_emails, which schemadiff does not manage, depends on table dbo.customers: DROP TABLE fails",
		}},
		{"drop column nothing reads by name", func(tb *schema.Table) []*schema.Table {
			tb.Columns = []*schema.Column{tb.Columns[0], tb.Columns[2]} // id, email
			return []*schema.Table{tb}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbo := Options{Schemas: []string{"dbo"}}
			from, err := inspectRecording(t, "unmanaged", dbo)
			if err != nil {
				t.Fatal(err)
			}
			to, err := inspectRecording(t, "unmanaged", dbo)
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
