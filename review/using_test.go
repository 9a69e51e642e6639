package review

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// TestAlterTypeUsing: the USING of ALTER COLUMN … TYPE (SQL) and
// postgresql_using= of op.alter_column (Alembic) is the conversion diff's
// no-cast rule asks for; it holds for that change only, so a later ALTER TYPE
// without one between types with no cast is still an error.
func TestAlterTypeUsing(t *testing.T) {
	alembic := func(id, parent, body string) string {
		p := "None"
		if parent != "" {
			p = "'" + parent + "'"
		}
		return "revision = '" + id + "'\ndown_revision = " + p + "\n\ndef upgrade():\n" + body + "\n\ndef downgrade():\n    pass\n"
	}
	const create = "CREATE TABLE events (id integer PRIMARY KEY, happened bigint NOT NULL);\n"
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  []string // the files (base names) with a no-cast finding
	}{{
		name: "sql using",
		files: map[string]string{
			"001_init.sql": create,
			"002_ts.sql":   "ALTER TABLE events ALTER COLUMN happened TYPE timestamptz USING to_timestamp(happened);\n",
		},
	}, {
		name: "sql without using",
		files: map[string]string{
			"001_init.sql": create,
			"002_ts.sql":   "ALTER TABLE events ALTER COLUMN happened TYPE timestamptz;\n",
		},
		want: []string{"002_ts.sql"},
	}, {
		name: "sql using does not carry over to the next type change",
		files: map[string]string{
			"001_init.sql": create,
			"002_ts.sql":   "ALTER TABLE events ALTER COLUMN happened TYPE timestamptz USING to_timestamp(happened);\n",
			"003_back.sql": "ALTER TABLE events ALTER COLUMN happened TYPE bigint USING extract(epoch FROM happened)::bigint;\n",
			"004_ts.sql":   "ALTER TABLE events ALTER COLUMN happened TYPE timestamptz;\n",
		},
		want: []string{"004_ts.sql"},
	}, {
		name: "alembic postgresql_using",
		files: map[string]string{
			"alembic/versions/a_init.py": alembic("r1", "", "    op.create_table('events', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('happened', sa.BigInteger(), nullable=False))"),
			"alembic/versions/b_ts.py":   alembic("r2", "r1", "    op.alter_column('events', 'happened', existing_type=sa.BigInteger(), type_=postgresql.TIMESTAMP(timezone=True), postgresql_using='to_timestamp(happened)')"),
		},
	}, {
		name: "alembic without postgresql_using",
		files: map[string]string{
			"alembic/versions/a_init.py": alembic("r1", "", "    op.create_table('events', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('happened', sa.BigInteger(), nullable=False))"),
			"alembic/versions/b_ts.py":   alembic("r2", "r1", "    op.alter_column('events', 'happened', existing_type=sa.BigInteger(), type_=postgresql.TIMESTAMP(timezone=True))"),
		},
		want: []string{"b_ts.py"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			rep := run(t, Options{Dialect: schema.Postgres, Dir: writeFiles(t, tt.files)})
			var got []string
			for _, f := range find(rep, diff.HazardNoCast, "") {
				got = append(got, filepath.Base(f.Pos.File))
			}
			slices.Sort(got)
			if d := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); d != "" {
				t.Errorf("files with no-cast (-want +got):\n%s", d)
			}
		})
	}
}

// TestAlembicIdentityOptions: sa.Identity(...) is read with every sequence
// option render/alembic.go writes; an option that is not a whole number is
// a parse error, never silently dropped.
func TestAlembicIdentityOptions(t *testing.T) {
	for _, tt := range []struct {
		name, args string
		want       *schema.Identity // nil: a parse error
	}{
		{"defaults", "", &schema.Identity{Seed: 1, Increment: 1}},
		{"all options", "always=True, start=-200, increment=10, minvalue=-200, maxvalue=200, cache=5, cycle=True",
			&schema.Identity{Always: true, Seed: -200, Increment: 10, MinValue: ptr[int64](-200), MaxValue: ptr[int64](200), Cache: 5, Cycle: true}},
		{"None is not given", "start=5, minvalue=None", &schema.Identity{Seed: 5, Increment: 1}},
		{"not a number", "cache=n", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "revision = 'r1'\ndown_revision = None\n\ndef upgrade():\n    op.create_table('t', sa.Column('id', sa.Integer(), sa.Identity(" + tt.args + "), primary_key=True))\n"
			rf := readAlembic("r.py", src, schema.Postgres)
			if tt.want == nil {
				if len(rf.up.findings) != 1 || rf.up.findings[0].Code != CodeUnparsed {
					t.Fatalf("want one unparsed finding, got %+v", rf.up.findings)
				}
				return
			}
			if len(rf.up.findings) != 0 || len(rf.up.ops) != 1 {
				t.Fatalf("findings %+v, ops %d", rf.up.findings, len(rf.up.ops))
			}
			if d := cmp.Diff(tt.want, rf.up.ops[0].tbl.Columns[0].Identity); d != "" {
				t.Errorf("identity (-want +got):\n%s", d)
			}
		})
	}
}
