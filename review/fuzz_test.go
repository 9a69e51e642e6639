package review

import (
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// FuzzReadSQL: any text, in either dialect, reads and applies without a
// panic; every finding has a line.
func FuzzReadSQL(f *testing.F) {
	f.Add("CREATE TABLE t (a int NOT NULL PRIMARY KEY);\nCREATE INDEX i ON t (a DESC) WHERE a > 0;", false)
	f.Add("CREATE CLUSTERED INDEX [i] ON [dbo].[t] ([a]) INCLUDE ([b])\nGO\nEXEC sp_rename 'dbo.t.a', 'b', 'COLUMN'", true)
	f.Fuzz(func(t *testing.T, src string, sqlserver bool) {
		d := schema.Postgres
		if sqlserver {
			d = schema.SQLServer
		}
		p := readSQL("f.sql", src, 1, d)
		checkParsed(t, p, d)
	})
}

// FuzzReadAlembic: any text reads as a revision and applies without a panic.
func FuzzReadAlembic(f *testing.F) {
	f.Add("revision = 'a'\ndown_revision = None\n\ndef upgrade():\n    op.create_table('t', sa.Column('a', sa.Integer(), nullable=False))\n    op.create_index('i', 't', ['a'], mssql_clustered=True)\n")
	f.Add("def upgrade():\n    with op.batch_alter_table('t') as b:\n        b.drop_column('a')\n    op.execute('''DROP TABLE t''')\n")
	f.Fuzz(func(t *testing.T, src string) {
		for _, d := range []schema.Dialect{schema.Postgres, schema.SQLServer} {
			rf := readAlembic("f.py", src, d)
			checkParsed(t, rf.up, d)
			checkParsed(t, rf.down, d)
		}
	})
}

// checkParsed applies what a reader produced, as Run does, and checks that
// every finding is placed.
func checkParsed(t *testing.T, p parsed, d schema.Dialect) {
	s := newState(d)
	var fs []Finding
	s.report = func(f Finding) { fs = append(fs, f) }
	for _, o := range p.ops {
		s.apply(o)
	}
	_, _ = schema.Normalize(schema.CloneDatabase(s.db))
	for _, f := range append(fs, p.findings...) {
		if f.Pos.Line < 1 || f.Code == "" || f.Message == "" {
			t.Errorf("finding without line, code or message: %+v", f)
		}
	}
}
