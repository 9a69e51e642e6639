package render

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/schema"
)

// typeObjectStates are three states of a database with extensions,
// sequences, domains and composite types: built, changed (every ALTER
// the renderer writes), emptied. typeObjectPlans compares them in turn.
func typeObjectStates() []*schema.Database {
	minus100, big := int64(-100), int64(100000)
	built := &schema.Database{
		Dialect: schema.Postgres,
		Schemas: []*schema.Schema{{Name: "public"}},
		Extensions: []*schema.Extension{
			{Name: "citext", Schema: "public", Comment: "case-insensitive"},
			{Name: "hstore", Schema: "public", Version: "1.7"},
		},
		Sequences: []*schema.Sequence{
			{Schema: "public", Name: "countdown", Type: "integer", Start: -1, Increment: -1, MinValue: &minus100},
			{Schema: "public", Name: "order_no", Type: "bigint", Start: 1000, Increment: 5, Cycle: true, Comment: "order numbers"},
		},
		Domains: []*schema.Domain{
			{Schema: "public", Name: "email", Type: "citext", NotNull: true, Comment: "an address",
				Checks: []*schema.Check{{Name: "email_check", Expr: "VALUE LIKE '%@%'"}, {Name: "email_short", Expr: "length(VALUE) < 200"}}},
			{Schema: "public", Name: "qty", Type: "integer", Default: &schema.Default{Kind: schema.DefaultNumber, Value: "1"}},
		},
		CompositeTypes: []*schema.CompositeType{{Schema: "public", Name: "addr", Comment: "postal", Attributes: []*schema.TypeAttribute{
			{Name: "street", Type: "text", Collation: "C"}, {Name: "zip", Type: "integer"}, {Name: "mail", Type: "public.email"}}}},
		Tables: []*schema.Table{{Schema: "public", Name: "orders", Columns: []*schema.Column{
			{Name: "code", Type: "text", Default: &schema.Default{Kind: schema.DefaultExpr, Value: "'O-' || nextval('order_no')"}},
			{Name: "qty", Type: "public.qty"}}}},
	}
	changed := &schema.Database{
		Dialect: schema.Postgres,
		Schemas: built.Schemas,
		Extensions: []*schema.Extension{
			{Name: "citext", Schema: "public"},
			{Name: "hstore", Schema: "public", Version: "1.8"},
		},
		Sequences: []*schema.Sequence{
			{Schema: "public", Name: "countdown", Type: "smallint", Start: -1, Increment: -2, MinValue: &minus100},
			{Schema: "public", Name: "order_no", Type: "integer", Start: 1000, Increment: 5, MaxValue: &big, Cache: 10,
				OwnedBy: "public.orders.code", Comment: "order numbers"},
		},
		Domains: []*schema.Domain{
			{Schema: "public", Name: "email", Type: "citext", Comment: "an address",
				Checks: []*schema.Check{{Name: "email_check", Expr: "VALUE LIKE '_%@%'"}, {Name: "email_lower", Expr: "VALUE = lower(VALUE)", NotValid: true}}},
			{Schema: "public", Name: "qty", Type: "integer", NotNull: true, Default: &schema.Default{Kind: schema.DefaultNumber, Value: "2"}},
		},
		CompositeTypes: []*schema.CompositeType{{Schema: "public", Name: "addr", Comment: "postal", Attributes: []*schema.TypeAttribute{
			{Name: "street", Type: "character varying(80)"}, {Name: "mail", Type: "public.email"}, {Name: "city", Type: "text", Collation: "C"}}}},
		Tables: built.Tables,
	}
	return []*schema.Database{{Dialect: schema.Postgres, Schemas: built.Schemas}, built, changed, {Dialect: schema.Postgres, Schemas: built.Schemas}}
}

// typeObjectPlans compares the states of typeObjectStates in turn.
func typeObjectPlans(t *testing.T) []*diff.Plan {
	t.Helper()
	states := typeObjectStates()
	var plans []*diff.Plan
	for i := 1; i < len(states); i++ {
		p, err := diff.Compare(states[i-1], states[i], diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		plans = append(plans, p)
	}
	return plans
}

// TestTypeObjectsSQL keeps the rendering of extensions, sequences, domains
// and composite types (creates, every ALTER, comments, drops) in
// testdata/06_type_objects.sql, and checks that every kind of change of
// theirs is rendered.
func TestTypeObjectsSQL(t *testing.T) {
	var b strings.Builder
	seen := map[diff.Kind]bool{}
	for _, p := range typeObjectPlans(t) {
		b.WriteString(readable(t, p) + "\n")
		for _, c := range p.Changes {
			seen[c.Kind] = true
		}
	}
	golden(t, "06_type_objects.sql", b.String())
	for _, k := range []diff.Kind{
		diff.CreateExtension, diff.DropExtension, diff.AlterExtension, diff.CommentExtension,
		diff.CreateSequence, diff.DropSequence, diff.AlterSequence, diff.CommentSequence,
		diff.CreateDomain, diff.DropDomain, diff.AlterDomain, diff.CommentDomain,
		diff.CreateCompositeType, diff.DropCompositeType, diff.AlterCompositeType, diff.CommentCompositeType,
	} {
		if !seen[k] {
			t.Errorf("no plan renders %s", k)
		}
	}
}

// TestPostgresRunsTypeObjectPlans applies the plans of TestTypeObjectsSQL
// in turn to a real PostgreSQL, and checks what they did.
func TestPostgresRunsTypeObjectPlans(t *testing.T) {
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	checks := [][]struct{ query, want string }{
		{
			{`SELECT string_agg(extname || ' ' || extversion, ', ' ORDER BY extname) FROM pg_extension WHERE extname <> 'plpgsql'`, "citext 1.6, hstore 1.7"},
			{`SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'public.addr'::regclass AND attname = 'mail'`, "email"},
			{`SELECT nextval('public.order_no')::text`, "1000"},
			{`SELECT nextval('public.countdown')::text`, "-1"},
		},
		{
			{`SELECT extversion FROM pg_extension WHERE extname = 'hstore'`, "1.8"},
			{`SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) FROM pg_attribute
			  WHERE attrelid = 'public.addr'::regclass AND attnum > 0 AND NOT attisdropped`, "street character varying(80), mail email, city text"},
			{`SELECT string_agg(conname || ' ' || convalidated::text, ', ' ORDER BY conname) FROM pg_constraint WHERE contypid = 'public.email'::regtype`,
				"email_check true, email_lower false"},
			{`SELECT format_type(seqtypid, NULL) || ' ' || seqmax FROM pg_sequence WHERE seqrelid = 'public.order_no'::regclass`, "integer 100000"},
			{`SELECT pg_get_serial_sequence('public.orders', 'code')`, "public.order_no"},
			{`SELECT typnotnull::text || ' ' || pg_get_expr(typdefaultbin, 0) FROM pg_type WHERE oid = 'public.qty'::regtype`, "true 2"},
		},
		{
			{`SELECT count(*)::text FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typname IN ('email', 'qty', 'addr')`, "0"},
			{`SELECT count(*)::text FROM pg_extension WHERE extname <> 'plpgsql'`, "0"},
		},
	}
	for i, p := range typeObjectPlans(t) {
		stmts, err := SQL(p)
		if err != nil {
			t.Fatalf("plan %d: %v", i+1, err)
		}
		if err := apply(ctx, conn, stmts); err != nil {
			t.Fatalf("plan %d: PostgreSQL refused it: %v", i+1, err)
		}
		for _, c := range checks[i] {
			if got := queryString(ctx, t, conn, c.query); got != c.want {
				t.Errorf("after plan %d: %s\n= %q, want %q", i+1, strings.Join(strings.Fields(c.query), " "), got, c.want)
			}
		}
	}
}

// TestTypeObjectsOtherFormats checks that Alembic carries the changes of
// extensions, sequences, domains and composite types by op.execute of the
// SQL (Alembic has no operation for them: its op.* API, "Operation
// Reference"), and that SQL Server refuses them.
func TestTypeObjectsOtherFormats(t *testing.T) {
	plans := typeObjectPlans(t)
	src, err := Alembic(plans[0], plans[2], testRev("abc", "def"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`op.execute(sa.text('CREATE EXTENSION IF NOT EXISTS "citext" SCHEMA "public"'))`,
		`op.execute(sa.text('CREATE SEQUENCE "public"."order_no" INCREMENT BY 5 START WITH 1000 CYCLE'))`,
		`op.execute(sa.text('DROP DOMAIN "public"."email"'))`,
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the revision lacks\n%s\n%s", want, src)
		}
	}
	ms := &diff.Plan{Dialect: schema.SQLServer, Changes: plans[0].Changes}
	if _, err := SQL(ms); err == nil || !strings.Contains(err.Error(), "PostgreSQL only") {
		t.Errorf("SQL Server rendering of extensions: error %v, want one saying PostgreSQL only", err)
	}
}
