package render

import (
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// bookings is the table of the exclusion constraint tests.
var bookings = qn("public", "bookings")

// TestExcludeSQL checks the EXCLUDE clause render.SQL writes (ALTER TABLE
// ADD, DROP, inline in CREATE TABLE) and its refusals: a malformed operator,
// no elements, SQL Server.
func TestExcludeSQL(t *testing.T) {
	full := &schema.Exclude{Name: "b_x", Using: "gist", Elements: []schema.ExcludeElement{
		{IndexPart: schema.IndexPart{Column: "room", Opclass: "gist_int4_ops"}, Operator: "="},
		{IndexPart: schema.IndexPart{Expr: "lower(during)"}, Operator: "myops.&&&"},
	}, Include: []string{"note"}, With: []string{"fillfactor=70"}, Where: "room > 0", Deferrable: true, InitiallyDeferred: true}
	for _, tc := range []struct {
		name string
		plan *diff.Plan
		want string // the script, or the error
	}{
		{"add", pg(&diff.Change{Kind: diff.AddExclude, Table: bookings, Exclude: full}),
			`ALTER TABLE "public"."bookings" ADD CONSTRAINT "b_x" EXCLUDE USING "gist" ("room" "gist_int4_ops" WITH =, (lower(during)) WITH OPERATOR("myops".&&&)) INCLUDE ("note") WITH ("fillfactor" = 70) WHERE (room > 0) DEFERRABLE INITIALLY DEFERRED`},
		{"drop", pg(&diff.Change{Kind: diff.DropExclude, Table: bookings, Exclude: full}),
			`ALTER TABLE "public"."bookings" DROP CONSTRAINT "b_x"`},
		{"inline", pg(&diff.Change{Kind: diff.CreateTable, Table: bookings, TableDef: &schema.Table{Schema: "public", Name: "bookings",
			Columns:  []*schema.Column{{Name: "during", Type: "tsrange"}},
			Excludes: []*schema.Exclude{{Name: "b_d", Elements: []schema.ExcludeElement{{IndexPart: schema.IndexPart{Column: "during"}, Operator: "&&"}}}}}}),
			"CREATE TABLE \"public\".\"bookings\" (\n  \"during\" tsrange NOT NULL,\n  CONSTRAINT \"b_d\" EXCLUDE USING \"gist\" (\"during\" WITH &&)\n)"},
		{"operator that injects", pg(&diff.Change{Kind: diff.AddExclude, Table: bookings, Exclude: &schema.Exclude{Name: "b", Elements: []schema.ExcludeElement{
			{IndexPart: schema.IndexPart{Column: "room"}, Operator: "=); DROP TABLE x; --"}}}}), `invalid operator "=); DROP TABLE x; --"`},
		{"no elements", pg(&diff.Change{Kind: diff.AddExclude, Table: bookings, Exclude: &schema.Exclude{Name: "b"}}), "has no elements"},
		{"sql server", ms(&diff.Change{Kind: diff.AddExclude, Table: msUsers, Exclude: full}), "exclusion constraints are PostgreSQL's"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := scriptOrError(tc.plan); !strings.Contains(got, tc.want) {
				t.Errorf("got\n%s\nwant (in it)\n%s", got, tc.want)
			}
		})
	}
}

// TestAlembicExclude checks that op.create_exclude_constraint says what
// Alembic 1.8's ExcludeConstraint can say, and that the rest goes through
// op.execute of the SQL.
func TestAlembicExclude(t *testing.T) {
	plain := &schema.Exclude{Name: "b_x", Using: "gist", Elements: []schema.ExcludeElement{
		{IndexPart: schema.IndexPart{Column: "room", Opclass: "gist_int4_ops"}, Operator: "="},
		{IndexPart: schema.IndexPart{Column: "during"}, Operator: "&&"},
	}, Where: "room > 0", Deferrable: true, InitiallyDeferred: true}
	withInclude := *plain
	withInclude.Include = []string{"note"}
	for _, tc := range []struct {
		name string
		c    *diff.Change
		want string
	}{
		{"create", &diff.Change{Kind: diff.AddExclude, Table: bookings, Exclude: plain},
			`op.create_exclude_constraint('b_x', 'bookings', ('room', '='), ('during', '&&'), where=sa.text('room > 0'), schema='public', using='gist', ops={'room': 'gist_int4_ops'}, deferrable=True, initially='DEFERRED')`},
		{"include: op.execute", &diff.Change{Kind: diff.AddExclude, Table: bookings, Exclude: &withInclude},
			`op.execute(sa.text('ALTER TABLE "public"."bookings" ADD CONSTRAINT "b_x" EXCLUDE USING "gist" ("room" "gist_int4_ops" WITH =, "during" WITH &&) INCLUDE ("note") WHERE (room > 0) DEFERRABLE INITIALLY DEFERRED'))`},
		{"drop", &diff.Change{Kind: diff.DropExclude, Table: bookings, Exclude: plain},
			`op.drop_constraint('b_x', 'bookings', schema='public')`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := Alembic(pg(tc.c), nil, testRev("abc", "def"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(src), tc.want) {
				t.Errorf("the revision lacks\n%s\n%s", tc.want, src)
			}
		})
	}
}
