package diff

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schemadiff/schemadiff/schema"
)

// TestEnumRecreationAroundDependents: issue 9 item 3. A recreated enum's
// column is retyped after the check, the index predicate and expression
// and the computed column comparing it with a literal are dropped, and they
// come back after; the default is restored by the retype only when the target
// keeps it (else the AlterColumn sets the target's). Item 4: a value added
// and used as a default in one plan marks the use.
func TestEnumRecreationAroundDependents(t *testing.T) {
	enum := func(values ...string) *schema.Enum { return &schema.Enum{Schema: "public", Name: "st", Values: values} }
	jobs := func(def string) *schema.Table {
		state := col("state", "public.st")
		state.Default = &schema.Default{Kind: schema.DefaultString, Value: def}
		done := col("done", "boolean")
		done.Computed = &schema.Computed{Expr: "state = 'c'", Persisted: true}
		return with(table("jobs", col("id", "integer"), state, done), func(t *schema.Table) {
			t.Checks = []*schema.Check{{Name: "jobs_check", Expr: "state <> 'b'"}}
			t.Indexes = []*schema.Index{
				{Name: "jobs_open_idx", Parts: []schema.IndexPart{{Column: "id"}}, Where: "state = 'a'"},
				{Name: "jobs_state_idx", Parts: []schema.IndexPart{{Column: "state"}}},
			}
		})
	}
	for _, tc := range []struct {
		name     string
		from, to *schema.Database
		want     []string
	}{{
		name: "reordered values, same default",
		from: pg(enum("a", "b", "c"), jobs("a")),
		to:   pg(enum("c", "b", "a"), jobs("a")),
		want: []string{
			"drop_index public.jobs jobs_open_idx",
			"drop_check public.jobs jobs_check",
			"drop_column public.jobs.done !drop-column/info",
			"recreate_enum public.st uses public.jobs.state !table-rewrite/warning",
			"add_column public.jobs.done",
			"add_check public.jobs jobs_check !check-may-fail/warning",
			"create_index public.jobs jobs_open_idx !blocking-index/warning",
		},
	}, {
		name: "value removed, default changed",
		from: pg(enum("a", "b", "c"), jobs("c")),
		to:   pg(enum("a", "b"), jobs("a")),
		want: []string{
			"drop_index public.jobs jobs_open_idx",
			"drop_check public.jobs jobs_check",
			"drop_column public.jobs.done !drop-column/info",
			"recreate_enum public.st uses public.jobs.state !drop-enum-value/error !table-rewrite/warning",
			"add_column public.jobs.done",
			"alter_column public.jobs.state {Type:false Null:false Default:true Identity:false Computed:false Collation:false}",
			"add_check public.jobs jobs_check !check-may-fail/warning",
			"create_index public.jobs jobs_open_idx !blocking-index/warning",
		},
	}, {
		name: "value added and made the default",
		from: pg(enum("a", "b"), jobs("a")),
		to:   pg(enum("a", "b", "c"), jobs("c")),
		want: []string{
			"add_enum_value public.st +c",
			"alter_column public.jobs.state {Type:false Null:false Default:true Identity:false Computed:false Collation:false} !new-enum-value-used/warning",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			plan := mustCompare(t, tc.from, tc.to, Options{})
			if d := cmp.Diff(tc.want, describePlan(plan)); d != "" {
				t.Errorf("plan (-want +got):\n%s", d)
			}
			for _, c := range plan.Changes {
				if c.Kind == RecreateEnum {
					if got, want := c.Uses[0].RestoreDefault, equalDefault(c.Uses[0].Column.Default, tc.to.Tables[0].Column("state").Default); got != want {
						t.Errorf("RestoreDefault = %v, want %v", got, want)
					}
				}
			}
		})
	}
}
