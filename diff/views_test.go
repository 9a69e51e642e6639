package diff

import (
	"slices"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// withViews returns db with views (of a schema file: Textual, DependsOn
// found from their queries).
func withViews(db *schema.Database, views ...*schema.View) *schema.Database {
	for _, v := range views {
		v.Textual = true
		v.Query = schema.NormalizeQuery(v.Query, nil)
		db.Views = append(db.Views, v)
	}
	names := schema.NewLookup(db)
	for _, v := range db.Views {
		v.DependsOn = schema.ViewDependsOn(db, names, v)
	}
	return db
}

func pgView(name, query string) *schema.View {
	return &schema.View{Schema: "public", Name: name, Query: query}
}

// TestCompareViews: which changes a view gets, in which order, and why.
func TestCompareViews(t *testing.T) {
	users := func(typ string) *schema.Table { return table("users", col("name", typ), col("email", "text")) }
	tests := []struct {
		name     string
		from, to *schema.Database
		want     []string // kind view-name (reason)
	}{
		{name: "column added at the end: replace",
			from: withViews(pg(users("text")), pgView("v", "SELECT id FROM users")),
			to:   withViews(pg(users("text")), pgView("v", "SELECT id, name FROM users")),
			want: []string{"replace_view public.v"}},
		{name: "column removed: drop and create",
			from: withViews(pg(users("text")), pgView("v", "SELECT id, name FROM users")),
			to:   withViews(pg(users("text")), pgView("v", "SELECT id FROM users")),
			want: []string{"drop_view public.v (its query or columns change in a way CREATE OR REPLACE VIEW cannot make)",
				"create_view public.v (its query or columns change in a way CREATE OR REPLACE VIEW cannot make)"}},
		{name: "spelling only: no change",
			from: withViews(pg(users("text")), pgView("v", "SELECT users.id FROM public.users;")),
			to:   withViews(pg(users("text")), pgView("v", "select ID from USERS")),
		},
		{name: "a column read changes type: around the alter, dependents first",
			from: withViews(pg(users("text")), pgView("a", "SELECT name FROM b"), pgView("b", "SELECT id, name FROM users")),
			to:   withViews(pg(users("varchar(10)")), pgView("a", "SELECT name FROM b"), pgView("b", "SELECT id, name FROM users")),
			want: []string{
				"drop_view public.a (unchanged: it reads a view that is dropped or created again)",
				"drop_view public.b (unchanged: it reads table public.users, whose column name is dropped or changes type)",
				"alter_column public.users",
				"create_view public.b (unchanged: it reads table public.users, whose column name is dropped or changes type)",
				"create_view public.a (unchanged: it reads a view that is dropped or created again)"}},
		{name: "table dropped under a view dropped too",
			from: withViews(pg(users("text")), pgView("v", "SELECT id FROM users")),
			to:   pg(),
			want: []string{"drop_view public.v", "drop_table public.users"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := Compare(tt.from, tt.to, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range plan.Changes {
				s := string(c.Kind) + " " + c.Table.String()
				if c.Reason != "" {
					s += " (" + c.Reason + ")"
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("changes:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestCompareViewsCycle: views that read each other cannot be created: the
// error names them.
func TestCompareViewsCycle(t *testing.T) {
	to := withViews(pg(), pgView("a", "SELECT x FROM b"), pgView("b", "SELECT x FROM a"))
	_, err := Compare(pg(), to, Options{})
	if err == nil || !strings.Contains(err.Error(), "relation public.a -> relation public.b -> relation public.a") {
		t.Fatalf("err = %v, want the cycle a -> b -> a", err)
	}
}
