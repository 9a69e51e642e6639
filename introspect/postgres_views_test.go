package introspect

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/schema"
)

// TestInspectPostgresViews reads views and materialized views from the real
// server: query as pg_get_viewdef prints it, options, comments, WITH NO
// DATA, the indexes of a materialized view, what each depends on
// (pg_depend), and a warning for what the model does not hold.
func TestInspectPostgresViews(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, `
CREATE SCHEMA app;
CREATE TABLE users (id int PRIMARY KEY, name text, active boolean);
CREATE VIEW active AS SELECT id, name FROM users WHERE active;
CREATE VIEW app.names WITH (security_barrier, check_option = cascaded) AS SELECT name FROM active;
COMMENT ON VIEW app.names IS 'names';
CREATE MATERIALIZED VIEW counts WITH (fillfactor = 70) AS SELECT count(*) AS n FROM app.names WITH NO DATA;
CREATE UNIQUE INDEX counts_n ON counts (n);
CREATE VIEW odd WITH (security_invoker = true) AS SELECT 1 AS one;
COMMENT ON COLUMN odd.one IS 'one';
CREATE RULE odd_ins AS ON INSERT TO odd DO INSTEAD NOTHING;
CREATE ROLE schemadiff_views_reader;
GRANT SELECT ON odd TO schemadiff_views_reader;
`)
	t.Cleanup(func() {
		pgtest.Exec(t, url, "DROP OWNED BY schemadiff_views_reader; DROP ROLE schemadiff_views_reader")
	})
	got, err := inspect(t, url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	users := schema.ObjectRef{Kind: schema.KindTable, Schema: "public", Name: "users"}
	col := func(rel, c string) schema.ObjectRef {
		q := schema.ParseQName(rel, "public")
		return schema.ObjectRef{Kind: schema.KindColumn, Schema: q.Schema, Name: q.Name, Column: c}
	}
	want := []*schema.View{
		{Schema: "app", Name: "names", Query: "SELECT active.name\n   FROM active", CheckOption: "cascaded", SecurityBarrier: true, Comment: "names",
			DependsOn: []schema.ObjectRef{col("active", "name"), {Kind: schema.KindView, Schema: "public", Name: "active"}}},
		{Schema: "public", Name: "active", Query: "SELECT users.id,\n    users.name\n   FROM users\n  WHERE users.active",
			DependsOn: []schema.ObjectRef{col("users", "active"), col("users", "id"), col("users", "name"), users}},
		{Schema: "public", Name: "counts", Materialized: true, WithNoData: true, Query: "SELECT count(*) AS n\n   FROM app.names",
			Indexes:   []*schema.Index{{Name: "counts_n", Unique: true, Parts: []schema.IndexPart{{Column: "n"}}}},
			DependsOn: []schema.ObjectRef{{Kind: schema.KindView, Schema: "app", Name: "names"}}},
		{Schema: "public", Name: "odd", Query: "SELECT 1 AS one", SecurityInvoker: true},
	}
	if d := cmp.Diff(want, got.Views); d != "" {
		t.Errorf("views (-want +got):\n%s", d)
	}
	wantWarnings := []schema.Warning{
		{Object: "materialized view public.counts", Message: "options (fillfactor=70) are not read" + pgIgnored},
		{Object: "view public.odd", Message: "privileges are not read; rules (odd_ins) are not read; column comments are not read" + pgIgnored},
	}
	if d := cmp.Diff(wantWarnings, got.Warnings); d != "" {
		t.Errorf("warnings (-want +got):\n%s", d)
	}
	if len(got.Tables) != 1 || len(got.Dependents) != 0 {
		t.Errorf("read %d tables and %d dependents, want 1 table and no dependents (views are managed)", len(got.Tables), len(got.Dependents))
	}
}
