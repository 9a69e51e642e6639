package e2e

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/schema"
)

// TestPgAttributesDump checks the PostgreSQL index and constraint
// attributes against PostgreSQL itself: pair 171's to.sql, written by hand,
// gives a database that inspects equal to its to.hcl, and schemadiff's
// migration from nothing to to.hcl gives the same pg_dump as to.sql.
func TestPgAttributesDump(t *testing.T) {
	dir := filepath.Join(repoRoot, "testdata", "convergence", "171_create_tables_with_pg_attributes")
	want := loadFile(t, filepath.Join(dir, "to.hcl"))

	byHand := pgtest.NewDB(t)
	pgtest.Exec(t, byHand, readIfExists(t, filepath.Join(dir, "to.sql")))
	assertNoChanges(t, "to.sql vs to.hcl", inspect(t, byHand), want)

	bySchemadiff := pgtest.NewDB(t)
	create(t, bySchemadiff, want)
	if a, b := pgDump(t, byHand), pgDump(t, bySchemadiff); a != b {
		t.Errorf("pg_dump differs between to.sql and schemadiff's migration:\n--- to.sql\n%s\n--- schemadiff\n%s", a, b)
	}
}

// TestAlembicPgAttributes runs the Alembic revisions schemadiff writes for
// the pairs of PostgreSQL index and constraint attributes (and of row-level
// security and partitioning, issue 12) with the real
// Alembic (Debian 12's: Alembic 1.8, SQLAlchemy 1.4): from nothing to
// `from`, then to `to`, and back down, inspecting the database after each.
func TestAlembicPgAttributes(t *testing.T) {
	for _, pair := range []string{"167_index_opclass_collation", "168_index_storage_nulls_not_distinct",
		"169_unique_pk_deferrable_nulls_not_distinct", "170_check_fk_not_valid_match_full_no_inherit",
		"171_create_tables_with_pg_attributes", "172_check_fk_validated",
		"196_exclude_dropped", "197_exclude_changed_and_commented", "198_create_table_with_exclude", "199_exclude_renamed",
		"291_policies_changed", "295_list_hash_partitions_dropped_schema"} {
		t.Run(pair, func(t *testing.T) {
			t.Parallel()
			alembicPair(t, pair)
		})
	}
}

// alembicPair runs the convergence pair called pair with the real Alembic:
// from nothing to `from`, then to `to`, and back down, inspecting the
// database after each.
func alembicPair(t *testing.T, pair string) {
	t.Helper()
	dir := filepath.Join(repoRoot, "testdata", "convergence", pair)
	url := pgtest.NewDB(t)
	p := newAlembicProject(t, "postgresql"+strings.TrimPrefix(url, "postgres"))
	states := []*schema.Database{{Dialect: schema.Postgres},
		loadFile(t, filepath.Join(dir, "from.hcl")), loadFile(t, filepath.Join(dir, "to.hcl"))}
	created := time.Date(2025, 1, 20, 10, 0, 0, 0, time.UTC)
	var ids []string
	for i, msg := range []string{"from", "to"} {
		ids = append(ids, p.addRevision(t, states[i], states[i+1], msg, created.Add(time.Duration(i)*time.Hour)))
	}
	for i, id := range ids {
		p.run(t, "upgrade", id)
		assertNoChanges(t, "after alembic upgrade to "+[]string{"from", "to"}[i], states[i+1], withoutAlembicVersion(inspect(t, url)))
	}
	p.run(t, "downgrade", ids[0])
	assertNoChanges(t, "after alembic downgrade to from", states[1], withoutAlembicVersion(inspect(t, url)))
}

// TestAlterInPlace checks the changes PostgreSQL makes in place rather
// than by drop and create: a NOT VALID check or foreign key turned valid
// (pair 172: VALIDATE CONSTRAINT; back to NOT VALID drops and adds), index
// storage parameters (pair 168: ALTER INDEX … SET / RESET) and a foreign
// key's DEFERRABLE (pairs 073, 074: ALTER CONSTRAINT). The pairs themselves
// run on the real server in TestConvergence.
func TestAlterInPlace(t *testing.T) {
	for _, tc := range []struct {
		name, pair string
		down       bool
		want       []string // statements of the plan, in order, among others
		not        []string // substrings no statement holds
	}{
		{"validate", "172_check_fk_validated", false, []string{
			`ALTER TABLE "public"."orders" VALIDATE CONSTRAINT "orders_qty_check"`,
			`ALTER TABLE "public"."orders" VALIDATE CONSTRAINT "orders_parent_id_fkey"`}, []string{"DROP", "ADD"}},
		{"back to not valid", "172_check_fk_validated", true, []string{
			`ALTER TABLE "public"."orders" DROP CONSTRAINT "orders_parent_id_fkey"`,
			`ALTER TABLE "public"."orders" DROP CONSTRAINT "orders_qty_check"`,
			`ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_qty_check" CHECK (qty > 0) NOT VALID`,
			`ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."orders" ("id") NOT VALID`}, nil},
		{"storage parameters set", "168_index_storage_nulls_not_distinct", false, []string{
			`ALTER INDEX "public"."items_id_code_idx" SET ("deduplicate_items" = false, "fillfactor" = 80)`,
			`ALTER INDEX "public"."items_tags_idx" SET ("fastupdate" = false)`}, []string{`DROP INDEX "public"."items_tags_idx"`, `DROP INDEX "public"."items_id_code_idx"`}},
		{"storage parameters reset", "168_index_storage_nulls_not_distinct", true, []string{
			`ALTER INDEX "public"."items_id_code_idx" SET ("fillfactor" = 90)`,
			`ALTER INDEX "public"."items_id_code_idx" RESET ("deduplicate_items")`,
			`ALTER INDEX "public"."items_tags_idx" RESET ("fastupdate")`}, []string{`DROP INDEX "public"."items_tags_idx"`}},
		{"foreign key made deferrable", "073_fk_deferrable", false, []string{
			`ALTER TABLE "public"."orders" ALTER CONSTRAINT "orders_customer_id_fkey" DEFERRABLE INITIALLY DEFERRED`}, []string{"DROP"}},
		{"foreign key made not deferrable", "073_fk_deferrable", true, []string{
			`ALTER TABLE "public"."orders" ALTER CONSTRAINT "orders_customer_id_fkey" NOT DEFERRABLE`}, []string{"DROP"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(repoRoot, "testdata", "convergence", tc.pair)
			from, to := loadFile(t, filepath.Join(dir, "from.hcl")), loadFile(t, filepath.Join(dir, "to.hcl"))
			if tc.down {
				from, to = to, from
			}
			script, stmts := planSQL(t, compare(t, from, to))
			next := 0
			for _, s := range stmts {
				if next < len(tc.want) && s.SQL == tc.want[next] {
					next++
				}
				for _, n := range tc.not {
					if strings.Contains(s.SQL, n) {
						t.Errorf("statement %q holds %q", s.SQL, n)
					}
				}
			}
			if next < len(tc.want) {
				t.Errorf("the plan lacks (in order) %q:\n%s", tc.want[next], script)
			}
		})
	}
}

// TestExclusionConstraintRead checks that exclusion constraints are read
// from the real server as the schema file writes them (elements with their
// operators, opclass and expression keys, INCLUDE, WITH, WHERE, deferrable,
// comment: nothing left to a warning), and that the index behind one is
// not read as an index.
func TestExclusionConstraintRead(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, `CREATE EXTENSION btree_gist;
CREATE TABLE bookings (
	room integer NOT NULL,
	during tsrange NOT NULL,
	CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0) DEFERRABLE INITIALLY DEFERRED,
	EXCLUDE USING gist ((lower(during)) WITH =, room gist_int4_ops WITH <>) INCLUDE (during) WITH (fillfactor = 70)
);
COMMENT ON CONSTRAINT bookings_no_overlap ON bookings IS 'one booking per room at a time';`)
	got := inspect(t, url)
	for _, w := range got.Warnings {
		if !strings.HasPrefix(w.Object, "extension") && !strings.Contains(w.Message, "extension") {
			t.Errorf("warning %+v: an exclusion constraint is read, not warned about", w)
		}
	}
	path := filepath.Join(t.TempDir(), "to.hcl")
	writeFile(t, path, `dialect = "postgres"
extension "btree_gist" {}
table "bookings" {
  column "room" {
    type = "integer"
  }
  column "during" {
    type = "tsrange"
  }
  exclude "bookings_no_overlap" {
    element {
      column   = "room"
      operator = "="
    }
    element {
      column   = "during"
      operator = "&&"
    }
    where              = "room > 0"
    initially_deferred = true
    comment            = "one booking per room at a time"
  }
  exclude {
    element {
      expr     = "lower(during)"
      operator = "="
    }
    element {
      column   = "room"
      operator = "<>"
    }
    include = ["during"]
    with    = ["fillfactor=70"]
  }
}
`)
	want := loadFile(t, path)
	assertNoChanges(t, "the inspected exclusion constraints vs the schema file", got, want)
	tb := got.Table(schema.QName{Schema: "public", Name: "bookings"})
	if tb == nil || len(tb.Indexes) != 0 || len(tb.Excludes) != 2 || tb.Excludes[0].Name != "bookings_lower_room_during_excl" {
		t.Fatalf("table bookings read as %+v (exclusion constraints %s), want two exclusion constraints (the unnamed one bookings_lower_room_during_excl, as PostgreSQL names it) and no index", tb, jsonOf(t, tb.Excludes))
	}
	if x := tb.Excludes[1]; x.Comment != "one booking per room at a time" || !x.InitiallyDeferred || x.Where != "room > 0" || x.Elements[1].Operator != "&&" {
		t.Errorf("bookings_no_overlap read as %+v", x)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
