package render_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// TestItem13PlanSaysWhy is issue 9 item 13: in the plan, an index dropped
// and created again says what changed, and an unchanged foreign key added
// again around a rebuilt key carries fk-may-fail with the reason.
func TestItem13PlanSaysWhy(t *testing.T) {
	const fkFrom = `
table "regions" {
  column "id" { type = "int" }
  primary_key { columns = ["id"] }
}
table "stores" {
  column "id" { type = "int" }
  column "region_id" { type = "int" }
  primary_key { columns = ["id"] }
  foreign_key "stores_region_fkey" {
    columns     = ["region_id"]
    ref_table   = "regions"
    ref_columns = ["id"]
  }
}`
	index := func(body string) string {
		return `
table "users" {
  column "email" { type = "text" }
  column "org" { type = "text" }
  column "active" { type = "boolean" }
  index "users_email_idx" {
` + body + `
  }
}`
	}
	tests := []struct {
		name     string
		dialect  string
		from, to string
		want     []string // lines the plan must hold
	}{
		{"fk around a rebuilt primary key", "sqlserver", fkFrom,
			strings.Replace(fkFrom, `primary_key { columns = ["id"] }`, "primary_key {\n    columns = [\"id\"]\n    clustered = false\n  }", 1),
			[]string{
				"+ add foreign key stores_region_fkey (region_id) → dbo.regions (id) to dbo.stores (unchanged: the key it references on dbo.regions (id) is dropped and added again)",
				"    ! warning fk-may-fail: Adding foreign key stores_region_fkey on table dbo.stores fails if existing rows reference missing rows of dbo.regions. It is added again unchanged because the key it references on dbo.regions (id) is dropped and added again.",
			}},
		{"fk around a retyped key", "postgres", strings.ReplaceAll(fkFrom, `"int"`, `"integer"`), strings.ReplaceAll(fkFrom, `"int"`, `"bigint"`),
			[]string{"+ add foreign key stores_region_fkey (region_id) → public.regions (id) to public.stores (unchanged: the column it references, public.regions.id, changes)"}},
		{"predicate", "postgres", index(`columns = ["email"]`), index("columns = [\"email\"]\n    where = \"active\""),
			[]string{"+ create index public.users_email_idx on public.users where active (predicate changed)"}},
		{"columns and include", "postgres", index(`columns = ["email"]`), index("columns = [\"org\"]\n    include = [\"email\"]"),
			[]string{"+ create index public.users_email_idx on public.users (columns, include changed)"}},
		{"sort order", "postgres", index(`columns = ["email"]`), index("on {\n      column = \"email\"\n      desc = true\n    }"),
			[]string{"+ create index public.users_email_idx on public.users (sort order changed)"}},
		{"method", "postgres", index(`columns = ["email"]`), index("columns = [\"email\"]\n    using = \"hash\""),
			[]string{"+ create index public.users_email_idx on public.users (method changed)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			load := func(name, src string) *schema.Database {
				p := filepath.Join(t.TempDir(), name)
				if err := os.WriteFile(p, []byte("dialect = \""+tt.dialect+"\"\n"+src), 0o644); err != nil {
					t.Fatal(err)
				}
				db, err := schema.Load(schema.LoadOptions{}, p)
				if err != nil {
					t.Fatal(err)
				}
				if db, err = schema.Normalize(db); err != nil {
					t.Fatal(err)
				}
				return db
			}
			plan, err := diff.Compare(load("from.hcl", tt.from), load("to.hcl", tt.to), diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := render.WritePlan(&b, plan, false); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(b.String(), "\n")
			for _, w := range tt.want {
				found := false
				for _, l := range lines {
					found = found || l == w
				}
				if !found {
					t.Errorf("the plan lacks %q:\n%s", w, b.String())
				}
			}
		})
	}
}
