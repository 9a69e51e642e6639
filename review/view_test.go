package review

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/schemadiff/schemadiff/schema"
)

// TestReadSQLViews: CREATE [OR REPLACE] [MATERIALIZED] VIEW with columns,
// options and check option, their indexes and comments, and DROP VIEW are
// read into the state; a view dropped that no migration creates, or a view
// created twice, is a finding.
func TestReadSQLViews(t *testing.T) {
	db, fs := applySQL(schema.Postgres, `CREATE TABLE users (id int, name text);
CREATE VIEW public.names (user_id, user_name) WITH (security_barrier) AS
  SELECT id, name FROM users
  WITH LOCAL CHECK OPTION;
CREATE OR REPLACE VIEW names WITH (security_barrier = true, security_invoker = 'on') AS SELECT id, name, 1 AS one FROM users;
COMMENT ON VIEW names IS 'who';
CREATE MATERIALIZED VIEW IF NOT EXISTS counts AS SELECT count(*) AS n FROM users WITH NO DATA;
CREATE UNIQUE INDEX counts_n ON counts (n);
CREATE INDEX counts_n2 ON counts (n);
DROP INDEX counts_n2;
COMMENT ON MATERIALIZED VIEW counts IS 'how many';
CREATE VIEW gone AS SELECT 1;
DROP VIEW IF EXISTS gone, never;`)
	if len(fs) > 0 {
		t.Fatalf("unexpected findings: %+v", fs)
	}
	want := []*schema.View{
		{Schema: "public", Name: "names", Query: "SELECT id, name, 1 AS one FROM users", SecurityBarrier: true, SecurityInvoker: true, Comment: "who", Textual: true},
		{Schema: "public", Name: "counts", Materialized: true, Query: "SELECT count(*) AS n FROM users", WithNoData: true, Textual: true, Comment: "how many",
			Indexes: []*schema.Index{{Name: "counts_n", Unique: true, Parts: []schema.IndexPart{{Column: "n"}}}}},
	}
	if d := cmp.Diff(want, db.Views, cmpopts.IgnoreTypes(schema.Pos{})); d != "" {
		t.Errorf("views (-want +got):\n%s", d)
	}
	_, fs = applySQL(schema.Postgres, `CREATE VIEW v AS SELECT 1;
CREATE VIEW v AS SELECT 2;
DROP MATERIALIZED VIEW v;`)
	var codes []string
	for _, f := range fs {
		codes = append(codes, f.Code+" "+f.Object)
	}
	if d := cmp.Diff([]string{CodeDuplicate + " view public.v", CodeDropMissing + " view public.v"}, codes); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
}
