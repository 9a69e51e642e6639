package review

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/schemadiff/schemadiff/schema"
)

func TestReadAlembicOps(t *testing.T) {
	src := `revision = 'b2'
down_revision = 'a1'

def upgrade():
    """Docstring."""
    op.create_table(
        'accounts',
        sa.Column('id', sa.Integer(), sa.Identity(start=10, increment=5), primary_key=True),
        sa.Column('tenant_id', sa.Integer(), sa.ForeignKey('tenants.id', ondelete='CASCADE'), nullable=False),
        sa.Column('email', sa.Unicode(255), nullable=False, unique=True),
        sa.Column('is_active', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.UniqueConstraint('tenant_id', 'email', name='uq_accounts_tenant_email', mssql_clustered=False),
        schema='sales',
    )
    with op.batch_alter_table('accounts', schema='sales') as batch_op:
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=True))
        batch_op.create_index('ix_accounts_note', ['note'], mssql_where=sa.text('note IS NOT NULL'))
        batch_op.alter_column('is_active', new_column_name='active')
    op.execute("EXEC sp_addextendedproperty 'MS_Description', 'Who pays', 'SCHEMA', 'sales', 'TABLE', 'accounts'")
    op.create_check_constraint('ck_accounts_email', 'accounts', "email <> ''", schema='sales')
    if context.is_offline_mode():
        pass

def downgrade():
    op.drop_table('accounts', schema='sales')
`
	rf := readAlembic("r.py", src, schema.SQLServer)
	if rf.revision != "b2" || len(rf.parents) != 1 || rf.parents[0] != "a1" || rf.parentPos.Line != 2 || !rf.hasDown {
		t.Fatalf("identifiers: got %+v", rf)
	}
	if len(rf.up.findings) != 1 || rf.up.findings[0].Code != CodeUnparsed || rf.up.findings[0].Pos.Line != 21 {
		t.Errorf("want the if statement at line 21 as unparsed, got %+v", rf.up.findings)
	}
	s := newState(schema.SQLServer)
	s.report = func(f Finding) { t.Errorf("unexpected conflict %+v", f) }
	for _, o := range rf.up.ops {
		s.apply(o)
	}
	clearRenames(s.db) // as after each migration
	want := &schema.Table{Schema: "sales", Name: "accounts", Comment: "Who pays",
		Columns: []*schema.Column{
			{Name: "id", Type: "int", Identity: &schema.Identity{Seed: 10, Increment: 5}},
			{Name: "tenant_id", Type: "int"},
			{Name: "email", Type: "nvarchar(255)"},
			{Name: "active", Type: "bit", Default: &schema.Default{Kind: schema.DefaultBool, Value: "false"}},
			{Name: "note", Type: "varchar(max)", Null: true},
		},
		PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}, Clustered: ptr(true)},
		Uniques: []*schema.Unique{{Columns: []string{"email"}},
			{Name: "uq_accounts_tenant_email", Columns: []string{"tenant_id", "email"}, Clustered: ptr(false)}},
		ForeignKeys: []*schema.ForeignKey{{Columns: []string{"tenant_id"}, RefSchema: "dbo", RefTable: "tenants", RefColumns: []string{"id"}, OnDelete: "CASCADE"}},
		Checks:      []*schema.Check{{Name: "ck_accounts_email", Expr: "email <> ''"}},
		Indexes:     []*schema.Index{{Name: "ix_accounts_note", Where: "note IS NOT NULL", Parts: []schema.IndexPart{{Column: "note"}}}},
	}
	if d := cmp.Diff(want, s.db.Table(schema.QName{Schema: "sales", Name: "accounts"}), cmpopts.IgnoreTypes(schema.Pos{}), cmpopts.EquateEmpty()); d != "" {
		t.Errorf("table (-want +got):\n%s", d)
	}
	if len(rf.down.ops) != 1 || rf.down.ops[0].kind != opDropTable {
		t.Errorf("downgrade: got %+v", rf.down.ops)
	}
}

// TestAlembicHistory: revisions run in down_revision order, whatever their
// file names; two children of one parent and unknown parents are findings.
func TestAlembicHistory(t *testing.T) {
	rev := func(id, parent, body string) string {
		p := "None"
		if parent != "" {
			p = "'" + parent + "'"
		}
		return "revision = '" + id + "'\ndown_revision = " + p + "\n\ndef upgrade():\n" + body + "\n\ndef downgrade():\n    pass\n"
	}
	dir := writeFiles(t, map[string]string{
		"alembic/versions/aaa_second.py": rev("r2", "r1", "    op.add_column('t', sa.Column('b', sa.Integer(), nullable=True))"),
		"alembic/versions/zzz_first.py":  rev("r1", "", "    op.create_table('t', sa.Column('a', sa.Integer(), nullable=False))"),
		"alembic/versions/mmm_branch.py": rev("r3", "r1", "    op.add_column('t', sa.Column('c', sa.Integer(), nullable=True))"),
		"alembic/versions/orphan.py":     rev("r4", "gone", "    pass"),
		"alembic/env.py":                 "import os\n",
	})
	rep := run(t, Options{Dialect: schema.Postgres, Dir: dir})
	var order []string
	for _, m := range rep.Migrations {
		order = append(order, filepath.Base(m))
	}
	if got := strings.Join(order, " "); got != "zzz_first.py orphan.py aaa_second.py mmm_branch.py" {
		t.Errorf("order: got %s", got)
	}
	heads := find(rep, CodeMultipleHeads, "")
	if len(heads) != 2 { // r3 next to r2, and r4 as a second root
		t.Errorf("multiple heads: got %+v", heads)
	}
	if mp := find(rep, CodeMissingParent, "revision r4"); len(mp) != 1 || mp[0].Pos.Line != 2 {
		t.Errorf("missing parent: got %+v", mp)
	}
	// downgrade() does nothing: every revision that changes the schema is a down-mismatch.
	if dm := find(rep, CodeDownMismatch, ""); len(dm) != 3 {
		t.Errorf("down mismatches: got %+v", dm)
	}
}

// TestReadAlembicAutogenerate: what `alembic revision --autogenerate` and
// hand edits really write — op.f() names (with naming conventions),
// batch_op.f(), enum types created and dropped through the bind or kept in a
// variable, a table kept for bulk_insert — read to
// the right state, and the down part undoes the up part with no finding.
func TestReadAlembicAutogenerate(t *testing.T) {
	src := `revision: str = 'c3'
down_revision: Union[str, None] = None

def upgrade() -> None:
    mood = postgresql.ENUM('sad', 'ok', name='mood', create_type=False)
    postgresql.ENUM('sad', 'ok', name='mood').create(op.get_bind())
    users = op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('m', mood, nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users'))
    )
    op.bulk_insert(users, [{'id': 1, 'm': 'ok'}])
    op.create_index(op.f('ix_users_m'), 'users', ['m'], unique=False)
    op.create_index(op.f('ix_users_id_m'), 'users', ['id', 'm'], unique=False)
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_users_m'), ['m'])

def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_users_m'), type_='unique')
    op.drop_index(op.f('ix_users_id_m'), table_name='users')
    op.drop_index(op.f('ix_users_m'), table_name='users')
    op.drop_table('users')
    sa.Enum(name='mood').drop(op.get_bind(), checkfirst=False)
`
	rf := readAlembic("c3.py", src, schema.Postgres)
	s := newState(schema.Postgres)
	var fs []Finding
	s.report = func(f Finding) { fs = append(fs, f) }
	for _, o := range rf.up.ops {
		s.apply(o)
	}
	fs = append(fs, rf.up.findings...)
	users := s.db.Table(schema.QName{Schema: "public", Name: "users"})
	if users == nil || users.PrimaryKey == nil || users.PrimaryKey.Name != "pk_users" {
		t.Fatalf("want users with primary key pk_users, got %+v (findings %+v)", users, fs)
	}
	var names []string
	for _, x := range users.Indexes {
		names = append(names, x.Name)
	}
	for _, u := range users.Uniques {
		names = append(names, u.Name)
	}
	if d := cmp.Diff([]string{"ix_users_id_m", "ix_users_m", "uq_users_m"}, names, cmpopts.SortSlices(func(a, b string) bool { return a < b })); d != "" {
		t.Errorf("op.f names (-want +got):\n%s", d)
	}
	if e := s.db.Enum(schema.QName{Schema: "public", Name: "mood"}); e == nil || len(e.Values) != 2 {
		t.Errorf("ENUM(...).create(bind) must create the type, got %+v", e)
	}
	for _, o := range rf.down.ops {
		s.apply(o)
	}
	fs = append(fs, rf.down.findings...)
	if len(fs) > 0 {
		t.Errorf("unexpected findings: %+v", fs)
	}
	if len(s.db.Tables) != 0 || len(s.db.Enums) != 0 {
		t.Errorf("the down part must leave nothing, got %d tables, %d enums", len(s.db.Tables), len(s.db.Enums))
	}
}
