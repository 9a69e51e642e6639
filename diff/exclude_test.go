package diff

import (
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

func TestExcludes(t *testing.T) { runCases(t, excludeCases()) }

// excludeCases: exclusion constraints are added (may fail, blocking) and
// dropped; any change of their definition is a drop and an add, a comment
// alone is COMMENT ON CONSTRAINT, a new name alone RENAME CONSTRAINT, a
// column they use recreated drops and adds them (a type change keeps them:
// PostgreSQL rebuilds their index with the table).
func excludeCases() []diffCase {
	excl := func(name, column, op string, edit func(x *schema.Exclude)) *schema.Exclude {
		x := &schema.Exclude{Name: name, Using: "gist", Elements: []schema.ExcludeElement{{IndexPart: schema.IndexPart{Column: column}, Operator: op}}}
		edit(x)
		return x
	}
	none := func(*schema.Exclude) {}
	base := func(xs ...*schema.Exclude) *schema.Database {
		return pg(with(table("slots", col("span", "int4range"), col("note", "text")), func(t *schema.Table) { t.Excludes = xs }))
	}
	return []diffCase{{
		name: "add",
		from: base(),
		to:   base(excl("slots_span_excl", "span", "&&", none)),
		want: []string{"add_exclude public.slots slots_span_excl !unique-may-fail/warning !blocking-index/warning"},
	}, {
		name: "drop",
		from: base(excl("slots_span_excl", "span", "&&", none)),
		to:   base(),
		want: []string{"drop_exclude public.slots slots_span_excl"},
	}, {
		name: "where and deferrable changed: drop and add",
		from: base(excl("slots_span_excl", "span", "&&", none)),
		to: base(excl("slots_span_excl", "span", "&&", func(x *schema.Exclude) {
			x.Where, x.Deferrable = "note <> ''", true
		})),
		want: []string{
			"drop_exclude public.slots slots_span_excl",
			"add_exclude public.slots slots_span_excl !unique-may-fail/warning !blocking-index/warning",
		},
	}, {
		name: "operator changed: drop and add",
		from: base(excl("slots_span_excl", "span", "&&", none)),
		to:   base(excl("slots_span_excl", "span", "=", none)),
		want: []string{
			"drop_exclude public.slots slots_span_excl",
			"add_exclude public.slots slots_span_excl !unique-may-fail/warning !blocking-index/warning",
		},
	}, {
		name: "comment only",
		from: base(excl("slots_span_excl", "span", "&&", none)),
		to:   base(excl("slots_span_excl", "span", "&&", func(x *schema.Exclude) { x.Comment = "no overlap" })),
		want: []string{`comment_constraint public.slots slots_span_excl "no overlap" (was "")`},
	}, {
		name: "renamed",
		from: base(excl("slots_span_excl", "span", "&&", none)),
		to:   base(excl("slots_no_overlap", "span", "&&", none)),
		want: []string{"rename_constraint public.slots slots_no_overlap from slots_span_excl"},
	}, {
		name: "its column's type changes: PostgreSQL rebuilds its index with the table, it stays",
		from: base(excl("slots_span_excl", "span", "&&", none)),
		to: pg(with(table("slots", col("span", "int4range"), col("note", "character varying(10)")), func(t *schema.Table) {
			t.Excludes = []*schema.Exclude{excl("slots_span_excl", "span", "&&", none)}
		})),
		want: []string{
			"alter_column public.slots.note {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !narrow-type/error !table-rewrite/warning",
		},
	}, {
		name: "a column it uses is recreated: dropped and added around it",
		from: base(excl("slots_note_excl", "note", "=", none)),
		to: pg(with(table("slots", col("span", "int4range"), col("note", "text")), func(t *schema.Table) {
			t.Columns[2].Computed = &schema.Computed{Expr: "'x'", Persisted: true}
			t.Excludes = []*schema.Exclude{excl("slots_note_excl", "note", "=", none)}
		})),
		want: []string{
			"drop_exclude public.slots slots_note_excl",
			"drop_column public.slots.note !drop-column/error",
			"add_column public.slots.note",
			"add_exclude public.slots slots_note_excl !unique-may-fail/warning !blocking-index/warning",
		},
	}}
}
