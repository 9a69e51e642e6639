package introspect

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/schema"
)

// unmodelledSchema builds one object of every kind schemadiff does not
// model, and sets attributes it does not read on tables and columns.
const unmodelledSchema = `
CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, name text, tenant int);
CREATE TABLE extra (id int) INHERITS (users);
CREATE VIEW active_users AS SELECT id, email FROM users;
CREATE MATERIALIZED VIEW user_names AS SELECT name FROM users;
CREATE FUNCTION user_count() RETURNS bigint LANGUAGE sql RETURN (SELECT count(tenant) FROM users);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
CREATE CONSTRAINT TRIGGER users_check AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch();
CREATE AGGREGATE my_sum(int) (sfunc = int4pl, stype = int);
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON users USING (name = current_user);
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE SEQUENCE ticket_seq;
CREATE TABLE odd (id int, n serial);
CREATE SEQUENCE odd_seq OWNED BY odd.id;
CREATE TABLE events (id int NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events (id DEFAULT 7) FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE EXTENSION hstore;
CREATE RULE users_no_delete AS ON DELETE TO users DO INSTEAD NOTHING;
CREATE ROLE schemadiff_reader_unmodelled;
GRANT SELECT ON users TO schemadiff_reader_unmodelled;
CREATE TABLE logs (id serial PRIMARY KEY, body text COMPRESSION lz4, n int) WITH (fillfactor = 70);
ALTER TABLE logs ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE logs SET UNLOGGED;
ALTER TABLE logs REPLICA IDENTITY FULL;
ALTER TABLE logs ALTER COLUMN n SET STATISTICS 500;
CREATE TYPE mood AS ENUM ('ok');
COMMENT ON TYPE mood IS 'feelings';
CREATE TYPE pair AS (a int, b int);
`

func TestInspectPostgresUnmodelled(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, unmodelledSchema)
	t.Cleanup(func() {
		pgtest.Exec(t, url, "DROP OWNED BY schemadiff_reader_unmodelled; DROP ROLE schemadiff_reader_unmodelled")
	})
	got, err := inspect(t, url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	const ign = "; the comparison ignores it and migrations leave it alone"
	want := []schema.Warning{
		// read by readFunctions and readTriggers, which model the others
		{Object: "aggregate public.my_sum(integer)", Message: "aggregates are not modelled" + ign},
		{Object: "function public.user_count()", Message: "SQL-standard bodies (BEGIN ATOMIC, RETURN …) are not read" + ign},
		{Object: "trigger users_check on public.users", Message: "constraint triggers are not modelled" + ign},
		{Object: "column public.events_2025.id", Message: "the partition's own default (7) is not read" + ign},
		{Object: "column public.logs.n", Message: "the statistics target (500) is not read" + ign},
		{Object: "rule users_no_delete on public.users", Message: "rules are not modelled" + ign},
		{Object: "table public.extra", Message: "inheritance (INHERITS public.users) is not read" + ign},
		{Object: "table public.users", Message: "privileges granted to schemadiff_reader_unmodelled are not read" + ign},
	}
	// What is modelled is read, not warned about: views are managed, not
	// dependents.
	if len(got.Views) != 2 {
		t.Errorf("read %d views, want public.active_users and public.user_names", len(got.Views))
	}
	logs := got.Table(schema.QName{Schema: "public", Name: "logs"})
	wantOptions := schema.TableOptions{Unlogged: true, StorageParameters: []string{"fillfactor=70"}, ReplicaIdentity: "full"}
	if diff := cmp.Diff(wantOptions, logs.TableOptions); diff != "" {
		t.Errorf("table options of public.logs (-want +got):\n%s", diff)
	}
	if body := logs.Column("body"); body.Compression != "lz4" || body.Storage != "external" {
		t.Errorf("public.logs.body: compression %q storage %q, want lz4 and external", body.Compression, body.Storage)
	}
	if len(got.Functions) != 1 || got.Functions[0].Name != "touch" || len(got.Triggers) != 1 || got.Triggers[0].Name != "users_touch" {
		t.Errorf("functions %v and triggers %v, want touch() and users_touch read", got.Functions, got.Triggers)
	}
	if users := got.Table(schema.QName{Schema: "public", Name: "users"}); !users.RowSecurity || len(got.Policies) != 1 ||
		got.Policies[0].Name != "own_rows" || got.Policies[0].UsingSource != "(name = CURRENT_USER)" {
		t.Errorf("row security of public.users %v, policies %v; want it enabled with policy own_rows USING (name = CURRENT_USER)", users.RowSecurity, got.Policies)
	}
	if p := got.Table(schema.QName{Schema: "public", Name: "events_2024"}); p == nil || p.PartitionOf == nil || p.PartitionOf.Parent != "public.events" || len(p.Columns) != 0 {
		t.Errorf("partition public.events_2024 read as %+v; want a partition of public.events without columns of its own", p)
	}
	if mood := got.Enum(schema.QName{Schema: "public", Name: "mood"}); mood.Comment != "feelings" {
		t.Errorf("comment of enum public.mood = %q, want feelings", mood.Comment)
	}
	// Extensions, sequences, domains and composite types are read (the
	// extension's own objects are not).
	wantTypes := &schema.Database{
		Extensions: []*schema.Extension{{Name: "hstore", Schema: "public", Version: "1.8"}},
		Sequences: []*schema.Sequence{
			{Schema: "public", Name: "odd_seq", Type: "bigint", Start: 1, Increment: 1, OwnedBy: "public.odd.id"},
			{Schema: "public", Name: "ticket_seq", Type: "bigint", Start: 1, Increment: 1},
		},
		Domains: []*schema.Domain{{Schema: "public", Name: "positive", Type: "integer",
			Checks: []*schema.Check{{Name: "positive_check", Expr: "value > 0", Source: "VALUE > 0"}}}},
		CompositeTypes: []*schema.CompositeType{{Schema: "public", Name: "pair",
			Attributes: []*schema.TypeAttribute{{Name: "a", Type: "integer"}, {Name: "b", Type: "integer"}}}},
	}
	gotTypes := &schema.Database{Extensions: got.Extensions, Sequences: got.Sequences, Domains: got.Domains, CompositeTypes: got.CompositeTypes}
	if diff := cmp.Diff(wantTypes, gotTypes); diff != "" {
		t.Errorf("extensions, sequences, domains and composite types (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, got.Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	wantDeps := []schema.Dependent{
		{Schema: "public", Object: "aggregate public.my_sum(integer)"},
		{Schema: "public", Object: "function public.user_count()"},
		{Schema: "public", Table: "users", Object: "table public.extra (a child table, INHERITS)"},
		{Schema: "public", Table: "users", Column: "tenant", Object: "function public.user_count()"},
	}
	if diff := cmp.Diff(wantDeps, got.Dependents); diff != "" {
		t.Errorf("dependents (-want +got):\n%s", diff)
	}
}

// TestTypeStorage checks schema.TypeStorage against pg_type.typstorage of
// every built-in base type of the real server, and of their arrays.
func TestTypeStorage(t *testing.T) {
	url := pgtest.NewDB(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT format_type(oid, NULL),
		CASE typstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main' ELSE 'extended' END
		FROM pg_type WHERE typnamespace = 'pg_catalog'::regnamespace AND typtype = 'b' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	var typ, storage string
	n := 0
	if _, err := pgx.ForEachRow(rows, []any{&typ, &storage}, func() error {
		n++
		if got := schema.TypeStorage(typ); got != storage {
			t.Errorf("TypeStorage(%q) = %q, want %q", typ, got, storage)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Errorf("read %d built-in types, want them all", n)
	}
}
