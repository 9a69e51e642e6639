package migrate

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// TestSplitDownPerPart: each migration a split writes has the down that
// undoes exactly its up (tools roll back one migration at a time), whether
// the states between the parts come from applying the changes before a
// boundary (a dropped index) or undoing the ones after it (a created index,
// a comment); without the state the up starts from, the down is assigned
// whole from the last part back.
func TestSplitDownPerPart(t *testing.T) {
	state := func(typ, comment string, indexes ...string) *schema.Database {
		db := users(t, "email", "name")
		db.Tables[0].Comment = comment
		db.Tables[0].Columns[1].Type = typ
		for _, col := range indexes {
			db.Tables[0].Indexes = append(db.Tables[0].Indexes, &schema.Index{Parts: []schema.IndexPart{{Column: col}}})
		}
		db, err := schema.Normalize(db)
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	from, to := state("text", "", "email"), state("varchar(100)", "people", "name")
	tests := []struct {
		name     string
		from     *schema.Database
		up, down []string // per migration, its statements joined by "; "
	}{{
		name: "per part",
		from: from,
		up: []string{
			`DROP INDEX CONCURRENTLY "public"."users_email_idx"`,
			`ALTER TABLE "public"."users" ALTER COLUMN "email" TYPE character varying(100) USING "email"::character varying(100)`,
			`CREATE INDEX CONCURRENTLY "users_name_idx" ON "public"."users" ("name")`,
			`COMMENT ON TABLE "public"."users" IS 'people'`,
		},
		down: []string{
			`CREATE INDEX CONCURRENTLY "users_email_idx" ON "public"."users" ("email")`,
			`ALTER TABLE "public"."users" ALTER COLUMN "email" TYPE text USING "email"::text`,
			`DROP INDEX CONCURRENTLY "public"."users_name_idx"`,
			`COMMENT ON TABLE "public"."users" IS NULL`,
		},
	}, {
		name: "from unknown",
		up: []string{
			`DROP INDEX CONCURRENTLY "public"."users_email_idx"`,
			`ALTER TABLE "public"."users" ALTER COLUMN "email" TYPE character varying(100) USING "email"::character varying(100)`,
			`CREATE INDEX CONCURRENTLY "users_name_idx" ON "public"."users" ("name")`,
			`COMMENT ON TABLE "public"."users" IS 'people'`,
		},
		down: []string{ // m's down, split, from the last part back
			`COMMENT ON TABLE "public"."users" IS NULL`,
			`CREATE INDEX CONCURRENTLY "users_email_idx" ON "public"."users" ("email")`,
			`ALTER TABLE "public"."users" ALTER COLUMN "email" TYPE text USING "email"::text`,
			`DROP INDEX CONCURRENTLY "public"."users_name_idx"`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := diff.Options{Concurrently: true}
			up, err := diff.Compare(from, to, opts)
			if err != nil {
				t.Fatal(err)
			}
			down, err := diff.Down(from, to, opts)
			if err != nil {
				t.Fatal(err)
			}
			m := migration{format: GolangMigrate, version: "1", slug: "x", up: up, down: down}
			n := 1
			parts, err := m.split(tt.from, to, func(string) string { n++; return string(rune('0' + n)) })
			if err != nil {
				t.Fatal(err)
			}
			var gotUp, gotDown []string
			for _, p := range parts {
				gotUp = append(gotUp, sqlOf(t, p.up))
				gotDown = append(gotDown, sqlOf(t, p.down))
			}
			if d := cmp.Diff(tt.up, gotUp); d != "" {
				t.Errorf("ups (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.down, gotDown); d != "" {
				t.Errorf("downs (-want +got):\n%s", d)
			}
		})
	}
}

// sqlOf returns the statements of p joined by "; ".
func sqlOf(t *testing.T, p *diff.Plan) string {
	t.Helper()
	stmts, err := render.SQL(p)
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, x := range stmts {
		s = append(s, x.SQL)
	}
	return strings.Join(s, "; ")
}

// TestSplitDownPerPartWithViews: views dropped before, and created and
// commented after, parts that run outside a transaction get the downs of
// their own part (not the down split from the last part back).
func TestSplitDownPerPartWithViews(t *testing.T) {
	state := func(comment, index string, views ...string) *schema.Database {
		db := users(t, "email", "name")
		db.Tables[0].Indexes = []*schema.Index{{Parts: []schema.IndexPart{{Column: index}}}}
		for _, v := range views {
			db.Views = append(db.Views, &schema.View{Name: v, Query: "SELECT id FROM users", Textual: true, Comment: comment})
		}
		db, err := schema.Normalize(db)
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	from, to := state("a", "email", "v", "x"), state("b", "name", "v", "w")
	opts := diff.Options{Concurrently: true}
	up, err := diff.Compare(from, to, opts)
	if err != nil {
		t.Fatal(err)
	}
	down, err := diff.Down(from, to, opts)
	if err != nil {
		t.Fatal(err)
	}
	m := migration{format: GolangMigrate, version: "1", slug: "x", up: up, down: down}
	n := 1
	parts, err := m.split(from, to, func(string) string { n++; return string(rune('0' + n)) })
	if err != nil {
		t.Fatal(err)
	}
	var gotUp, gotDown []string
	for _, p := range parts {
		gotUp = append(gotUp, sqlOf(t, p.up))
		gotDown = append(gotDown, sqlOf(t, p.down))
	}
	wantUp := []string{
		`DROP VIEW "public"."x"`,
		`DROP INDEX CONCURRENTLY "public"."users_email_idx"`,
		`CREATE INDEX CONCURRENTLY "users_name_idx" ON "public"."users" ("name")`,
		"CREATE VIEW \"public\".\"w\" AS\nSELECT id FROM users; COMMENT ON VIEW \"public\".\"v\" IS 'b'; COMMENT ON VIEW \"public\".\"w\" IS 'b'",
	}
	wantDown := []string{
		"CREATE VIEW \"public\".\"x\" AS\nSELECT id FROM users; COMMENT ON VIEW \"public\".\"x\" IS 'a'",
		`CREATE INDEX CONCURRENTLY "users_email_idx" ON "public"."users" ("email")`,
		`DROP INDEX CONCURRENTLY "public"."users_name_idx"`,
		`DROP VIEW "public"."w"; COMMENT ON VIEW "public"."v" IS 'a'`,
	}
	if d := cmp.Diff(wantUp, gotUp); d != "" {
		t.Errorf("ups (-want +got):\n%s", d)
	}
	if d := cmp.Diff(wantDown, gotDown); d != "" {
		t.Errorf("downs (-want +got):\n%s", d)
	}
}
