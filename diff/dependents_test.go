package diff

import (
	"slices"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestDependentHazards covers what the real-server test (internal/e2e
// TestUnmanagedDependents) cannot reach cheaply: dropping a schema that holds
// unmanaged objects, a table renamed while a column under a view is
// dropped, and dependents attached to a dropped table (its policies), which
// go with it.
func TestDependentHazards(t *testing.T) {
	withDeps := func(db *schema.Database, deps ...schema.Dependent) *schema.Database {
		db.Dependents = deps
		return db
	}
	tests := []struct {
		name     string
		from, to *schema.Database
		want     []string
	}{
		{
			name: "drop schema holding a function",
			from: withDeps(pg(&schema.Schema{Name: "app"}), schema.Dependent{Schema: "app", Object: "function app.f()"}),
			to:   pg(),
			want: []string{"function app.f(), which schemadiff does not manage, depends on schema app: DROP SCHEMA fails (CASCADE would drop the dependent); drop or change the dependent first."},
		},
		{
			name: "drop column of a renamed table",
			from: withDeps(pg(table("old", col("email", "text"))),
				schema.Dependent{Schema: "public", Table: "old", Column: "email", Object: "view public.v"},
				schema.Dependent{Schema: "public", Table: "old", Column: "id", Object: "view public.w"}),
			to:   pg(&schema.Table{Schema: "public", Name: "users", RenamedFrom: "old", Columns: []*schema.Column{col("id", "integer")}, PrimaryKey: &schema.PrimaryKey{Name: "old_pkey", Columns: []string{"id"}}}),
			want: []string{"view public.v, which schemadiff does not manage, depends on column public.users.email: DROP COLUMN fails (CASCADE would drop the dependent); drop or change the dependent first."},
		},
		{
			name: "drop table with its own policy",
			from: withDeps(pg(table("users", col("name", "text"))),
				schema.Dependent{Schema: "public", Table: "users", Column: "name", Attached: true, Object: "policy p on public.users"}),
			to: pg(),
		},
		{
			name: "a reference that does not block the statement (SQL Server, not schema-bound)",
			from: withDeps(pg(table("users", col("name", "text"))),
				schema.Dependent{Schema: "public", Table: "users", Object: "procedure public.p", Breaks: true}),
			to:   pg(),
			want: []string{"procedure public.p, which schemadiff does not manage, depends on table public.users: DROP TABLE succeeds but leaves the dependent failing when it next runs (its reference is not schema-bound); change or drop the dependent first."},
		},
		{
			name: "a type change nothing depends on",
			from: withDeps(pg(table("users", col("name", "text"), col("email", "text"))),
				schema.Dependent{Schema: "public", Table: "users", Column: "email", Object: "view public.v"}),
			to: pg(table("users", col("name", "character varying(10)"), col("email", "text"))),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := Compare(tt.from, tt.to, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range plan.Changes {
				for _, h := range c.Hazards {
					if h.Code == HazardUnmanagedDependent && h.Severity == Error {
						got = append(got, h.Message)
					}
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("hazards:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
