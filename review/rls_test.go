package review

import (
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestReadRLSAndPartitions replays hand-written statements of row-level
// security, policies and partitioning: the state holds what the server
// would, and a policy created twice or dropped while missing is a finding.
func TestReadRLSAndPartitions(t *testing.T) {
	const base = `CREATE TABLE docs (id int, owner text);
CREATE TABLE m (id int NOT NULL, at int NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE m_a PARTITION OF m FOR VALUES FROM (0) TO (10);
`
	for _, tt := range []struct {
		name, src string
		want      string // state: "docs rls force | policies | partitions", see below
		finding   string // the code of the one finding wanted, if any
	}{{
		name: "policies created, altered, commented, renamed with their table",
		src: base + `ALTER TABLE docs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY p ON docs AS RESTRICTIVE FOR UPDATE TO alice, PUBLIC USING (id > 0) WITH CHECK (owner <> '');
CREATE POLICY q ON docs USING (true);
ALTER POLICY p ON docs TO bob USING (id > 1);
COMMENT ON POLICY q ON docs IS 'all rows';
DROP POLICY q ON docs;
ALTER TABLE docs RENAME TO papers;`,
		want: "papers rls=true force=true | p on public.papers update restrictive [bob] using id > 1 check owner <> '' | m_a of public.m FOR VALUES FROM (0) TO (10)",
	}, {
		name: "row security off, detach and attach with another bound",
		src: base + `ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE docs DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY;
ALTER TABLE m DETACH PARTITION m_a;
ALTER TABLE m ATTACH PARTITION m_a FOR VALUES FROM (0) TO (20);`,
		want: "docs rls=false force=false |  | m_a of public.m FOR VALUES FROM (0) TO (20)",
	}, {
		name: "dropping the parent drops its partitions",
		src:  base + `DROP TABLE m;`,
		want: "docs rls=false force=false |  | ",
	}, {
		name:    "a policy created twice",
		src:     base + "CREATE POLICY p ON docs USING (true);\nCREATE POLICY p ON docs USING (true);",
		want:    "docs rls=false force=false | p on public.docs all permissive [] using true check  | m_a of public.m FOR VALUES FROM (0) TO (10)",
		finding: CodeDuplicate,
	}, {
		name:    "a policy dropped that no migration creates",
		src:     base + "DROP POLICY nope ON docs;",
		want:    "docs rls=false force=false |  | m_a of public.m FOR VALUES FROM (0) TO (10)",
		finding: CodeDropMissing,
	}} {
		t.Run(tt.name, func(t *testing.T) {
			db, findings := applySQL(schema.Postgres, tt.src)
			var codes []string
			for _, f := range findings {
				codes = append(codes, f.Code)
			}
			if got := strings.Join(codes, ","); got != tt.finding {
				t.Errorf("findings %v, want %q", findings, tt.finding)
			}
			if got := rlsState(db); got != tt.want {
				t.Errorf("state\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// rlsState describes the first table's row security, the policies and the
// partitions of db in one line.
func rlsState(db *schema.Database) string {
	var b strings.Builder
	t := db.Tables[0]
	for _, x := range db.Tables {
		if x.PartitionOf == nil && x.PartitionBy == nil {
			t = x
		}
	}
	b.WriteString(t.Name + " rls=" + map[bool]string{true: "true", false: "false"}[t.RowSecurity] + " force=" + map[bool]string{true: "true", false: "false"}[t.ForceRowSecurity] + " | ")
	var ps []string
	for _, p := range db.Policies {
		kind := map[bool]string{true: "restrictive", false: "permissive"}[p.Restrictive]
		ps = append(ps, p.Name+" on "+p.TableQName().String()+" "+p.Command+" "+kind+" ["+strings.Join(p.Roles, ",")+"] using "+p.Using+" check "+p.WithCheck)
	}
	b.WriteString(strings.Join(ps, "; ") + " | ")
	var parts []string
	for _, x := range db.Tables {
		if x.PartitionOf != nil {
			parts = append(parts, x.Name+" of "+x.PartitionOf.Parent+" "+x.PartitionOf.Bound)
		}
	}
	b.WriteString(strings.Join(parts, "; "))
	return b.String()
}
