package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/schema"
)

// TestViewQueriesNormalize creates views written in natural SQL on the real
// server and reads them back: the query pg_get_viewdef prints and the one
// the schema file writes normalize to one text (schema.NormalizeQuery), so
// comparing without a dev database gives no change; and a changed query
// does give one.
func TestViewQueriesNormalize(t *testing.T) {
	const tables = `dialect = "postgres"
table "users" {
  column "id" { type = "integer" }
  column "name" { type = "varchar(100)" }
  column "active" { type = "boolean" }
  primary_key { columns = ["id"] }
}
table "orders" {
  column "id" { type = "integer" }
  column "user_id" { type = "integer" }
  column "total" { type = "numeric(10,2)" }
  column "status" { type = "varchar(20)" }
}
schema "reports" {}
table "daily" {
  schema = "reports"
  column "status" { type = "text" }
  column "total" { type = "numeric" }
}
`
	tests := []struct{ name, query string }{
		{"order by asc and desc", "SELECT o.id FROM orders o ORDER BY o.id ASC, o.total DESC"},
		{"another schema, a numeric literal", "SELECT status FROM reports.daily WHERE total > 5"},
		{"union all", "SELECT id FROM users UNION ALL SELECT id FROM orders"},
		{"in list and between", "SELECT id FROM orders WHERE status IN ('new', 'paid') AND total BETWEEN 1 AND 10"},
		{"distinct, having", "SELECT DISTINCT user_id FROM orders GROUP BY user_id HAVING count(*) > 1"},
		{"inner join, column list of the view", "SELECT u.name, o.total FROM users u INNER JOIN orders o ON u.id = o.user_id WHERE u.active"},
		{"star", "SELECT * FROM orders"},
		{"window function, alias without AS", "SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY total DESC) rn FROM orders"},
		{"case and coalesce", "SELECT id, CASE WHEN active THEN 'yes' ELSE 'no' END AS flag, coalesce(name, '?') AS label FROM users"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := tables + "view \"v\" {\n  query = " + quoteHCL(tt.query) + "\n}\n"
			path := filepath.Join(t.TempDir(), "s.hcl")
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			want := loadFile(t, path)
			url := pgtest.NewDB(t)
			create(t, url, want)
			got := inspect(t, url)
			assertNoChanges(t, "the view read back", got, want)
			v := want.View(schema.QName{Schema: "public", Name: "v"})
			v.Query += " LIMIT 1"
			if plan := compare(t, got, want); len(plan.Changes) == 0 {
				t.Errorf("a changed query (%s) gives no change", v.Query)
			}
		})
	}
}

// quoteHCL quotes s as an HCL string.
func quoteHCL(s string) string {
	b := []byte{'"'}
	for _, r := range s {
		if r == '"' || r == '\\' {
			b = append(b, '\\')
		}
		b = append(b, string(r)...)
	}
	return string(append(b, '"'))
}

// TestAlembicViews runs the view pairs through the real Alembic: views have
// no op of their own (op.execute of the SQL); indexes of materialized views
// are op.create_index on the view.
func TestAlembicViews(t *testing.T) {
	for _, pair := range []string{"201_views_dropped", "205_view_over_column_retyped", "208_view_under_views_recreated", "209_matview_changed"} {
		t.Run(pair, func(t *testing.T) {
			t.Parallel()
			alembicPair(t, pair)
		})
	}
}
