package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// TestNewEnumValueUsedInSameScript: issue 9 item 4. A value ALTER TYPE … ADD
// VALUE adds and the same script uses (as a default, in a check, in an index
// predicate) carries the new-enum-value-used hazard, and the script marks the
// commit boundary before the first use. On the real server the script run as
// one transaction (psql -1) fails loudly with 55P04 and changes nothing; run
// statement by statement it reaches the target.
func TestNewEnumValueUsedInSameScript(t *testing.T) {
	const from = `dialect = "postgres"
enum "st" {
  values = ["a", "b"]
}
table "jobs" {
  column "id" {
    type = "integer"
  }
  column "state" {
    type    = "st"
    default = "a"
  }
}
`
	for _, tc := range []struct {
		name, to string
	}{
		{"default", strings.Replace(from, `default = "a"`, `default = "c"`, 1)},
		{"check", strings.Replace(from, "  column \"id\"", "  check \"jobs_not_c\" {\n    expr = \"state <> 'c'\"\n  }\n  column \"id\"", 1)},
		{"index predicate", strings.Replace(from, "  column \"id\"", "  index \"jobs_c_idx\" {\n    columns = [\"id\"]\n    where   = \"state = 'c'\"\n  }\n  column \"id\"", 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write := func(name, src string) string {
				path := filepath.Join(dir, name)
				if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
				return path
			}
			to := loadFile(t, write("to.hcl", strings.Replace(tc.to, `values = ["a", "b"]`, `values = ["a", "b", "c"]`, 1)))
			url := newDBFrom(t, loadFile(t, write("from.hcl", from)))
			before := inspect(t, url)

			plan := compare(t, before, to)
			var flagged int
			for _, c := range plan.Changes {
				for _, h := range c.Hazards {
					if h.Code == diff.HazardNewEnumValueUsed {
						flagged++
					}
				}
			}
			if flagged != 1 {
				t.Errorf("%d changes carry %s, want 1", flagged, diff.HazardNewEnumValueUsed)
			}
			script, stmts := planSQL(t, plan)
			addValue, boundary := strings.Index(script, "ADD VALUE 'c'"), strings.Index(script, render.CommitBoundary)
			if addValue < 0 || boundary < addValue {
				t.Fatalf("the script does not mark the commit boundary after ADD VALUE:\n%s", script)
			}

			out, err := exec.Command(psqlBin(t), "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", write("up.sql", script)).CombinedOutput()
			if err == nil || !strings.Contains(string(out), "unsafe use of new value") {
				t.Errorf("psql -1 did not fail with 55P04: %v\n%s", err, out)
			}
			assertNoChanges(t, "after the failed single-transaction run", inspect(t, url), before)

			apply(t, url, stmts)
			assertNoChanges(t, "after the statement-by-statement run", inspect(t, url), to)
		})
	}
}

// newDBFrom returns the URL of a fresh database holding db, built by schemadiff.
func newDBFrom(t *testing.T, db *schema.Database) string {
	t.Helper()
	url := pgtest.NewDB(t)
	create(t, url, db)
	return url
}

// psqlBin returns the path of psql.
func psqlBin(t *testing.T) string {
	t.Helper()
	if bin, err := exec.LookPath("psql"); err == nil {
		return bin
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/psql")
	if len(matches) == 0 {
		t.Fatal("psql not found (apt-get install postgresql-client)")
	}
	return matches[len(matches)-1]
}
