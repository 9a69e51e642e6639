package main

import (
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestDevURLViews: a view whose stored form the built-in normalizer cannot
// match (a subquery in WHERE) shows a replace, said to be a textual
// comparison, without --dev-url, and no change with it: the scratch
// database prints the desired view as the live one does.
func TestDevURLViews(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, `CREATE TABLE users (id integer PRIMARY KEY);
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer NOT NULL);
CREATE VIEW buyers AS SELECT id FROM users WHERE id IN (SELECT user_id FROM orders);`)
	to := writeSchema(t, "s.hcl", `dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}

table "orders" {
  column "id" {
    type = "integer"
  }
  column "user_id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}

view "buyers" {
  query = "SELECT id FROM users WHERE id IN (SELECT user_id FROM orders)"
}
`)
	r := runCLI(t, "diff", "--from", url, "--to", to, "--format", "plan", "--exit-code")
	if r.code != exitChanges || !strings.Contains(r.stdout, "replace view public.buyers") || !strings.Contains(r.stdout, "textual-comparison") {
		t.Errorf("without --dev-url: exit %d, stdout %q (if the normalizer now matches subqueries, pick a query it cannot)", r.code, r.stdout)
	}
	r = runCLI(t, "diff", "--from", url, "--to", to, "--dev-url", pgtest.AdminURL(t), "--exit-code")
	if r.code != exitOK || r.stdout != "" {
		t.Errorf("with --dev-url: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}
