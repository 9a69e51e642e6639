package e2e

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/schemadiff/schemadiff/diff"
	sdapply "github.com/schemadiff/schemadiff/internal/apply"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/introspect"
	"github.com/schemadiff/schemadiff/schema"
)

// dependentsSchema holds a table that objects schemadiff does not manage
// depend on: a view reading two columns (excluded from the comparison by
// dependentsOptions: views are managed otherwise), a function with an
// SQL-standard body reading another (and a policy, which it manages,
// naming a third); and a schema holding only a function.
const dependentsSchema = `
CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, name text, tenant int, note text);
CREATE VIEW active_users AS SELECT id, email FROM users;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON users USING (name = current_user);
CREATE FUNCTION tenant_count() RETURNS bigint LANGUAGE sql RETURN (SELECT count(tenant) FROM users);
CREATE SCHEMA extra;
CREATE FUNCTION extra.one() RETURNS integer LANGUAGE sql RETURN 1;
`

// dependentsOptions leaves the view of dependentsSchema out of the
// comparison, which makes it an unmanaged dependent.
var dependentsOptions = introspect.Options{Exclude: []string{"active_users"}}

// TestUnmanagedDependents changes what unmanaged objects depend on: the plan
// carries an error hazard naming the dependent, and the statement it warns
// about does fail on the real server (with the SQLSTATE given), so the
// hazard is neither missing nor invented. A change nothing depends on has
// no such hazard and applies.
func TestUnmanagedDependents(t *testing.T) {
	users := schema.QName{Schema: "public", Name: "users"}
	dropColumn := func(col string) func(*schema.Database) {
		return func(db *schema.Database) {
			tb := db.Table(users)
			tb.Columns = slices.DeleteFunc(tb.Columns, func(c *schema.Column) bool { return c.Name == col })
		}
	}
	retype := func(col, typ string) func(*schema.Database) {
		return func(db *schema.Database) { db.Table(users).Column(col).Type = typ }
	}
	tests := []struct {
		name     string
		change   func(*schema.Database)
		want     []string // the unmanaged-dependent hazards, in plan order
		sqlstate string   // what applying the plan fails with; "" when it applies
	}{
		{name: "drop column under a view", change: dropColumn("email"), want: []string{
			"view public.active_users, which schemadiff does not manage, depends on column public.users.email: DROP COLUMN fails (CASCADE would drop the dependent); drop or change the dependent first.",
		}, sqlstate: "2BP01"},
		{name: "retype column under a view", change: retype("email", "character varying(100)"), want: []string{
			"view public.active_users, which schemadiff does not manage, depends on column public.users.email: ALTER COLUMN TYPE fails; drop the dependent first and create it again after.",
		}, sqlstate: "0A000"},
		// Policies are managed (issue 12): one on a retyped column is dropped
		// and created again around the ALTER COLUMN, one dropped with the
		// column it names goes first.
		{name: "retype column under a policy", change: retype("name", "character varying(100)")},
		{name: "drop column and the policy naming it", change: func(db *schema.Database) {
			dropColumn("name")(db)
			db.Policies = nil
		}},
		{name: "drop column under a function body", change: dropColumn("tenant"), want: []string{
			"function public.tenant_count(), which schemadiff does not manage, depends on column public.users.tenant: DROP COLUMN fails (CASCADE would drop the dependent); drop or change the dependent first.",
		}, sqlstate: "2BP01"},
		{name: "retype column under a function body", change: retype("tenant", "bigint"), want: []string{
			"function public.tenant_count(), which schemadiff does not manage, depends on column public.users.tenant: ALTER COLUMN TYPE fails; drop the dependent first and create it again after.",
		}, sqlstate: "0A000"},
		{name: "drop table under a view and a function", change: func(db *schema.Database) {
			db.Tables = slices.DeleteFunc(db.Tables, func(t *schema.Table) bool { return t.QName() == users })
		}, want: []string{
			"view public.active_users, which schemadiff does not manage, depends on table public.users: DROP TABLE fails (CASCADE would drop the dependent); drop or change the dependent first.",
			"function public.tenant_count(), which schemadiff does not manage, depends on table public.users: DROP TABLE fails (CASCADE would drop the dependent); drop or change the dependent first.",
		}, sqlstate: "2BP01"},
		{name: "drop a schema holding a function", change: func(db *schema.Database) {
			db.Schemas = slices.DeleteFunc(db.Schemas, func(s *schema.Schema) bool { return s.Name == "extra" })
		}, want: []string{
			"function extra.one(), which schemadiff does not manage, depends on schema extra: DROP SCHEMA fails (CASCADE would drop the dependent); drop or change the dependent first.",
		}, sqlstate: "2BP01"},
		{name: "drop a column nothing depends on", change: dropColumn("note")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := pgtest.NewDB(t)
			pgtest.Exec(t, url, dependentsSchema)
			from, to := inspectWith(t, url, dependentsOptions), inspectWith(t, url, dependentsOptions)
			tt.change(to)
			plan := compare(t, from, to)
			var got []string
			for _, c := range plan.Changes {
				for _, h := range c.Hazards {
					if h.Code == diff.HazardUnmanagedDependent {
						if h.Severity != diff.Error {
							t.Errorf("hazard %q has severity %s, want error", h.Message, h.Severity)
						}
						got = append(got, h.Message)
					}
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("unmanaged-dependent hazards:\n got %q\nwant %q", got, tt.want)
			}
			_, stmts := planSQL(t, plan)
			err := sdapply.Execute(context.Background(), url, stmts, sdapply.Options{})
			var pgErr *pgconn.PgError
			switch {
			case tt.sqlstate == "" && err != nil:
				t.Errorf("applying the plan: %v", err)
			case tt.sqlstate != "" && (!errors.As(err, &pgErr) || pgErr.Code != tt.sqlstate):
				t.Errorf("applying the plan gave %v, want SQLSTATE %s (the failure the hazard names)", err, tt.sqlstate)
			}
		})
	}
}
