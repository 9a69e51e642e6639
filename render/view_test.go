package render

import (
	"slices"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// TestViewSQL: the statements of each view change on PostgreSQL, their
// plan lines, and SQL Server's refusal (its views are another branch's).
func TestViewSQL(t *testing.T) {
	v := &schema.View{Schema: "app", Name: "Active Users", Columns: []string{"id", "user"},
		Query: "select id, name as user from users", Source: "SELECT id, name\nFROM users;",
		CheckOption: "local", SecurityBarrier: true, SecurityInvoker: true}
	mv := &schema.View{Schema: "public", Name: "totals", Materialized: true, Query: "select 1", WithNoData: true}
	tests := []struct {
		change *diff.Change
		want   []string
		desc   string
	}{
		{&diff.Change{Kind: diff.CreateView, View: v},
			[]string{"CREATE VIEW \"app\".\"Active Users\" (\"id\", \"user\") WITH (check_option = local, security_barrier = true, security_invoker = true) AS\nSELECT id, name\nFROM users"},
			"create view app.Active Users"},
		{&diff.Change{Kind: diff.ReplaceView, View: v, OldView: v},
			[]string{"CREATE OR REPLACE VIEW \"app\".\"Active Users\" (\"id\", \"user\") WITH (check_option = local, security_barrier = true, security_invoker = true) AS\nSELECT id, name\nFROM users"},
			"replace view app.Active Users (CREATE OR REPLACE)"},
		{&diff.Change{Kind: diff.CreateView, View: mv},
			[]string{"CREATE MATERIALIZED VIEW \"public\".\"totals\" AS\nselect 1\nWITH NO DATA"},
			"create materialized view public.totals"},
		{&diff.Change{Kind: diff.DropView, View: mv}, []string{`DROP MATERIALIZED VIEW "public"."totals"`}, "drop materialized view public.totals"},
		{&diff.Change{Kind: diff.DropView, View: v}, []string{`DROP VIEW "app"."Active Users"`}, "drop view app.Active Users"},
		{&diff.Change{Kind: diff.CommentView, View: mv, Comment: "it's"}, []string{`COMMENT ON MATERIALIZED VIEW "public"."totals" IS 'it''s'`}, "comment on materialized view public.totals: 'it''s'"},
		{&diff.Change{Kind: diff.CommentView, View: v}, []string{`COMMENT ON VIEW "app"."Active Users" IS NULL`}, "remove comment on view app.Active Users"},
	}
	for _, tt := range tests {
		got, err := renderChange(postgresDialect{}, tt.change)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.change.Kind, got, tt.want)
		}
		if d := Describe(schema.Postgres, tt.change); d != tt.desc {
			t.Errorf("Describe = %q, want %q", d, tt.desc)
		}
	}
	if _, err := renderChange(postgresDialect{}, &diff.Change{Kind: diff.CreateView}); err == nil {
		t.Error("a CreateView without its view renders")
	}
}
