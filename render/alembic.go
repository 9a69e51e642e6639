package render

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// AlembicRevision names an Alembic revision file: its id, the revision it
// follows ("" for the first one), its message and its creation time.
type AlembicRevision struct {
	ID           string
	DownRevision string
	Message      string
	Created      time.Time
	// Timeouts, when set (--online), open a PostgreSQL upgrade() and
	// downgrade() that change anything with SET lock_timeout and SET
	// statement_timeout.
	Timeouts *Timeouts
}

// Alembic renders an Alembic revision file (Python) whose upgrade() runs up
// and whose downgrade() runs down; down must undo up exactly (diff.Down).
//
// Every change becomes an op.* call carrying every option the model holds
// (schema, mssql_clustered, mssql_where, mssql_include, postgresql_where,
// postgresql_using, postgresql_include, postgresql_concurrently inside an
// autocommit block, sa.Identity, sa.Computed, sa.text server defaults). What
// Alembic has no operation for (enum types, schema comments, SQL Server
// comments, moving a table to another schema, identity and generated-column
// changes, collation changes, serial changes, a nonclustered primary key
// added to an existing SQL Server table, and the SQL Server attributes
// SQLAlchemy 1.4's mssql dialect has no keyword for: DESC keys of key
// constraints, WITH NOCHECK, disabled and NOT FOR REPLICATION constraints,
// IDENTITY NOT FOR REPLICATION, index options, columnstore indexes, index
// rebuilds and constraint state changes) runs as op.execute(sa.text(...))
// with exactly the statement render.SQL prints.
//
// Column types are SQLAlchemy types that render the canonical type exactly
// (sa.String(50) is VARCHAR(50), mssql.NVARCHAR('max') is NVARCHAR(max));
// a type SQLAlchemy has no class for (serial, xml, ...) uses SQLType, a
// sa.types.UserDefinedType the file defines only when it needs it, which
// renders the type as written.
func Alembic(up, down *diff.Plan, rev AlembicRevision) ([]byte, error) {
	if up == nil {
		return nil, errors.New("render alembic: no upgrade plan")
	}
	if rev.ID == "" {
		return nil, errors.New("render alembic: the revision has no id")
	}
	if down != nil && down.Dialect != up.Dialect {
		return nil, fmt.Errorf("render alembic: upgrade plan is %s, downgrade plan is %s", up.Dialect, down.Dialect)
	}
	if up.Dialect != schema.Postgres && up.Dialect != schema.SQLServer {
		return nil, fmt.Errorf("render alembic: unknown dialect %q", up.Dialect)
	}
	w := &pyWriter{dialect: up.Dialect, imports: map[string]bool{}, timeouts: rev.Timeouts}
	upBody, err := w.body(up)
	if err != nil {
		return nil, fmt.Errorf("render alembic upgrade: %w", err)
	}
	downBody, err := w.body(down)
	if err != nil {
		return nil, fmt.Errorf("render alembic downgrade: %w", err)
	}

	var b strings.Builder
	b.WriteString(`"""` + pyDocText(rev.Message) + "\n\n")
	b.WriteString("Revision ID: " + pyDocText(rev.ID) + "\n")
	b.WriteString("Revises: " + pyDocText(rev.DownRevision) + "\n")
	b.WriteString("Create Date: " + rev.Created.UTC().Format("2006-01-02 15:04:05.000000") + "\n\n")
	b.WriteString(`"""` + "\n")
	b.WriteString("from alembic import op\nimport sqlalchemy as sa\n")
	var dialects []string
	for name := range w.imports {
		dialects = append(dialects, name)
	}
	slices.Sort(dialects)
	if len(dialects) > 0 {
		b.WriteString("from sqlalchemy.dialects import " + strings.Join(dialects, ", ") + "\n")
	}
	b.WriteString("\n# revision identifiers, used by Alembic.\n")
	b.WriteString("revision = " + pyStr(rev.ID) + "\n")
	downRev := "None"
	if rev.DownRevision != "" {
		downRev = pyStr(rev.DownRevision)
	}
	b.WriteString("down_revision = " + downRev + "\n")
	b.WriteString("branch_labels = None\ndepends_on = None\n")
	if w.rawType {
		b.WriteString(sqlTypeClass)
	}
	b.WriteString("\n\ndef upgrade() -> None:\n" + upBody)
	b.WriteString("\n\ndef downgrade() -> None:\n" + downBody)
	return []byte(b.String()), nil
}

// sqlTypeClass is the column type a revision file defines when SQLAlchemy has
// no type class that renders a column type exactly.
const sqlTypeClass = `

class SQLType(sa.types.UserDefinedType):
    """A column type rendered exactly as written (SQLAlchemy has no class for it)."""

    cache_ok = True

    def __init__(self, spec):
        self.spec = spec

    def get_col_spec(self, **kw):
        return self.spec
`

// pyWriter renders plans as the bodies of upgrade() and downgrade(), and
// remembers what the file must import or define.
type pyWriter struct {
	dialect schema.Dialect
	imports map[string]bool // dialect modules used: "postgresql", "mssql"
	rawType bool            // SQLType is used
	// timeouts open a PostgreSQL body (AlembicRevision.Timeouts).
	timeouts *Timeouts
}

// body renders the statements of a function body, indented, or "pass".
func (w *pyWriter) body(plan *diff.Plan) (string, error) {
	var b strings.Builder
	if plan != nil {
		for i, c := range plan.Changes {
			if c == nil {
				return "", fmt.Errorf("change %d is nil", i+1)
			}
			stmts, err := w.change(c)
			if err != nil {
				return "", fmt.Errorf("change %d (%s): %w", i+1, Describe(w.dialect, c), err)
			}
			if w.dialect == schema.Postgres && (postgresDialect{}).noTransaction(c) && c.Kind != diff.AddEnumValue {
				stmts = []string{"with op.get_context().autocommit_block():\n" + indent(strings.Join(stmts, "\n"))}
			}
			for _, s := range stmts {
				b.WriteString(indent(s) + "\n")
			}
		}
	}
	if b.Len() == 0 {
		return "    pass\n", nil
	}
	if w.dialect == schema.SQLServer {
		return alembicSessionSettings + b.String(), nil
	}
	if w.timeouts != nil {
		var set strings.Builder
		for _, s := range w.timeouts.Statements() {
			set.WriteString(`    op.execute("` + s + `")` + "\n")
		}
		return set.String() + b.String(), nil
	}
	return b.String(), nil
}

// alembicSessionSettings opens the body of a SQL Server upgrade() or
// downgrade() that changes anything: the session settings every T-SQL script
// of schemadiff opens with (see SessionSettings). SQLAlchemy's default mssql
// driver, pyodbc, connects through the ODBC driver, which turns both ON
// ("SET QUOTED_IDENTIFIER (Transact-SQL)"), but pymssql connects through
// FreeTDS and an engine may run with other settings; saying them costs two
// statements and makes the revision behave alike under every driver, and in
// the T-SQL that alembic upgrade --sql prints.
const alembicSessionSettings = `    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
`

// indent indents every line of s by four spaces.
func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// change renders one change as Python statements.
func (w *pyWriter) change(c *diff.Change) ([]string, error) {
	if c.Kind == diff.ValidateConstraint || c.UsingIndex || c.IfExists {
		return w.execute(c) // the steps of an online plan have no op.* of their own
	}
	if w.dialect == schema.SQLServer && msAttrsNeedExecute(c) {
		return w.execute(c)
	}
	switch c.Kind {
	case diff.CreateSchema, diff.DropSchema:
		if c.Schema == nil || c.Schema.Name == "" {
			return nil, errMissing("schema")
		}
		construct := "CreateSchema"
		if c.Kind == diff.DropSchema {
			construct = "DropSchema"
		}
		return []string{"op.execute(sa.schema." + construct + "(" + pyStr(c.Schema.Name) + "))"}, nil
	case diff.CreateTable:
		if c.TableDef == nil {
			return nil, errMissing("table definition")
		}
		if !alembicCanCreateTable(c.TableDef) || c.TableDef.PartitionBy != nil || c.TableDef.PartitionOf != nil {
			break
		}
		s, err := w.createTable(c.TableDef)
		return []string{s}, err
	case diff.DropTable:
		if c.TableDef == nil {
			return nil, errMissing("table definition")
		}
		return []string{call("op.drop_table", pyStr(c.TableDef.Name), w.schemaKw(c.TableDef.QName()))}, nil
	case diff.RenameTable:
		return w.renameTable(c)
	case diff.CommentTable:
		if w.dialect == schema.Postgres {
			return []string{w.tableComment(c)}, nil
		}
	case diff.AddColumn:
		if c.Column == nil {
			return nil, errMissing("column")
		}
		col, err := w.column(c.Column, false)
		if err != nil {
			return nil, err
		}
		return []string{call("op.add_column", pyStr(c.Table.Name), col, w.schemaKw(c.Table))}, nil
	case diff.DropColumn:
		if c.Column == nil {
			return nil, errMissing("column")
		}
		args := []string{pyStr(c.Table.Name), pyStr(c.Column.Name), w.schemaKw(c.Table)}
		if w.dialect == schema.SQLServer && c.Column.Default != nil {
			args = append(args, kw("mssql_drop_default", "True"))
		}
		return []string{call("op.drop_column", args...)}, nil
	case diff.RenameColumn:
		if c.Column == nil || c.OldColumn == nil {
			return nil, errMissing("column or old column")
		}
		old := *c.Column
		old.Name = c.OldColumn.Name
		args, err := w.existing(c.Table, &old)
		if err != nil {
			return nil, err
		}
		out := []string{call("op.alter_column", append(args, kw("new_column_name", pyStr(c.Column.Name)))...)}
		if _, serial := serialBase(c.OldColumn.Type); serial && w.dialect == schema.Postgres {
			// PostgreSQL keeps a serial's sequence name: rename it as render.SQL does.
			text, err := w.text(pgRenameSequence(c.Table.Schema, c.Table.Name, c.OldColumn.Name, c.Table.Name, c.Column.Name))
			if err != nil {
				return nil, err
			}
			out = append(out, "op.execute("+text+")")
		}
		return out, nil
	case diff.CommentColumn:
		if w.dialect == schema.Postgres {
			s, err := w.columnComment(c)
			return []string{s}, err
		}
	case diff.AlterColumn:
		if c.Column == nil || c.OldColumn == nil {
			return nil, errMissing("column or old column")
		}
		if w.alterNatively(c) {
			return w.alterColumn(c.Table, c.OldColumn, c.Column, c.Alter)
		}
	case diff.AddPrimaryKey:
		if c.PrimaryKey == nil {
			return nil, errMissing("primary key")
		}
		// op.create_primary_key takes no mssql_clustered (CLUSTERED is SQL
		// Server's default) and, in Alembic 1.8, no deferrable.
		if !c.PrimaryKey.Deferrable && (w.dialect == schema.Postgres || c.PrimaryKey.Clustered == nil || *c.PrimaryKey.Clustered) {
			return []string{call("op.create_primary_key", pyStr(w.pkName(c.Table.Name, c.PrimaryKey)),
				pyStr(c.Table.Name), pyList(c.PrimaryKey.Columns), w.schemaKw(c.Table))}, nil
		}
	case diff.AddUnique:
		if c.Unique == nil {
			return nil, errMissing("unique constraint")
		}
		if c.Unique.NullsNotDistinct { // postgresql_nulls_not_distinct is SQLAlchemy 2's
			break
		}
		args := []string{pyStr(c.Unique.Name), pyStr(c.Table.Name), pyList(c.Unique.Columns), w.schemaKw(c.Table)}
		if w.dialect == schema.SQLServer {
			args = append(args, kw("mssql_clustered", pyBool(c.Unique.Clustered != nil && *c.Unique.Clustered)))
		}
		args = append(args, alembicDeferrable(c.Unique.Deferrable, c.Unique.InitiallyDeferred)...)
		return []string{call("op.create_unique_constraint", args...)}, nil
	case diff.AddCheck:
		if c.Check == nil {
			return nil, errMissing("check constraint")
		}
		if c.Check.NoInherit { // SQLAlchemy 1.4 has no keyword for NO INHERIT
			break
		}
		text, err := w.textString(c.Check.Source.Or(c.Check.Expr))
		if err != nil {
			return nil, err
		}
		args := []string{pyStr(c.Check.Name), pyStr(c.Table.Name), text, w.schemaKw(c.Table)}
		if c.Check.NotValid {
			args = append(args, kw("postgresql_not_valid", "True"))
		}
		return []string{call("op.create_check_constraint", args...)}, nil
	case diff.AddExclude:
		if c.Exclude == nil {
			return nil, errMissing("exclusion constraint")
		}
		if s, ok, err := w.createExclude(c.Table, c.Exclude); ok || err != nil {
			return s, err
		}
	case diff.AddForeignKey:
		if c.ForeignKey == nil {
			return nil, errMissing("foreign key")
		}
		s, err := w.createForeignKey(c.Table, c.ForeignKey)
		return []string{s}, err
	case diff.DropPrimaryKey, diff.DropUnique, diff.DropCheck, diff.DropExclude, diff.DropForeignKey:
		name, err := constraintName(c)
		if w.dialect == schema.SQLServer {
			name, err = msConstraintName(c)
		}
		if err != nil {
			return nil, err
		}
		typ := map[diff.Kind]string{diff.DropPrimaryKey: "primary", diff.DropUnique: "unique",
			diff.DropCheck: "check", diff.DropForeignKey: "foreignkey"}[c.Kind]
		args := []string{pyStr(name), pyStr(c.Table.Name)}
		if typ != "" { // an exclusion constraint has no type_ (Alembic's generic constraint)
			args = append(args, kw("type_", pyStr(typ)))
		}
		return []string{call("op.drop_constraint", append(args, w.schemaKw(c.Table))...)}, nil
	case diff.CreateIndex:
		if c.Index == nil {
			return nil, errMissing("index")
		}
		if c.Index.NullsNotDistinct { // postgresql_nulls_not_distinct is SQLAlchemy 2's
			break
		}
		s, err := w.createIndex(c.Table, c.Index, c.Concurrently)
		return []string{s}, err
	case diff.DropIndex:
		if c.Index == nil || c.Index.Name == "" {
			return nil, errMissing("index name")
		}
		args := []string{pyStr(c.Index.Name), kw("table_name", pyStr(c.Table.Name)), w.schemaKw(c.Table)}
		if c.Concurrently && w.dialect == schema.Postgres {
			args = append(args, kw("postgresql_concurrently", "True"))
		}
		return []string{call("op.drop_index", args...)}, nil
	}
	return w.execute(c)
}

// execute renders a change as op.execute calls of the statements render.SQL
// prints for it: the way for what Alembic has no operation for.
func (w *pyWriter) execute(c *diff.Change) ([]string, error) {
	d, err := dialectOf(w.dialect)
	if err != nil {
		return nil, err
	}
	sqls, err := renderChange(d, c)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(sqls))
	for i, s := range sqls {
		text, err := w.text(s)
		if err != nil {
			return nil, err
		}
		out[i] = "op.execute(" + text + ")"
	}
	if c.Kind == diff.AddEnumValue {
		// ALTER TYPE ... ADD VALUE: the new value cannot be used in the
		// transaction that adds it (and before PostgreSQL 12 it cannot run in one).
		return []string{"with op.get_context().autocommit_block():\n" + indent(strings.Join(out, "\n"))}, nil
	}
	return out, nil
}

// createTable renders op.create_table with every column and the inline
// primary key, unique and check constraints, one argument per line.
func (w *pyWriter) createTable(t *schema.Table) (string, error) {
	args := []string{pyStr(t.Name)}
	for _, col := range t.Columns {
		s, err := w.column(col, t.PrimaryKey != nil && slices.Contains(t.PrimaryKey.Columns, col.Name))
		if err != nil {
			return "", fmt.Errorf("column %s: %w", col.Name, err)
		}
		args = append(args, s)
	}
	if pk := t.PrimaryKey; pk != nil {
		if len(pk.Columns) == 0 {
			return "", fmt.Errorf("primary key %s: no columns", pk.Name)
		}
		a := append(pyStrs(pk.Columns), kw("name", pyStr(w.pkName(t.Name, pk))))
		if w.dialect == schema.SQLServer {
			a = append(a, kw("mssql_clustered", pyBool(pk.Clustered == nil || *pk.Clustered)))
		}
		a = append(a, alembicDeferrable(pk.Deferrable, pk.InitiallyDeferred)...)
		args = append(args, call("sa.PrimaryKeyConstraint", a...))
	}
	for _, u := range t.Uniques {
		if len(u.Columns) == 0 {
			return "", fmt.Errorf("unique %s: no columns", u.Name)
		}
		a := pyStrs(u.Columns)
		if u.Name != "" {
			a = append(a, kw("name", pyStr(u.Name)))
		}
		if w.dialect == schema.SQLServer {
			a = append(a, kw("mssql_clustered", pyBool(u.Clustered != nil && *u.Clustered)))
		}
		a = append(a, alembicDeferrable(u.Deferrable, u.InitiallyDeferred)...)
		args = append(args, call("sa.UniqueConstraint", a...))
	}
	for _, ck := range t.Checks {
		text, err := w.textString(ck.Source.Or(ck.Expr))
		if err != nil {
			return "", fmt.Errorf("check %s: %w", ck.Name, err)
		}
		a := []string{text}
		if ck.Name != "" {
			a = append(a, kw("name", pyStr(ck.Name)))
		}
		args = append(args, call("sa.CheckConstraint", a...))
	}
	args = append(args, kw("schema", pyStr(t.Schema)))
	return "op.create_table(\n    " + strings.Join(args, ",\n    ") + ",\n)", nil
}

// pkName returns the name of a primary key: its own, or on SQL Server the
// pk_<table> convention render.SQL uses.
func (w *pyWriter) pkName(table string, pk *schema.PrimaryKey) string {
	if pk.Name == "" && w.dialect == schema.SQLServer {
		return "pk_" + table
	}
	return pk.Name
}

// column renders sa.Column(...). Integer columns of a primary key get
// autoincrement=False unless they are identity columns, lest SQLAlchemy turn
// them into SERIAL / IDENTITY on its own.
func (w *pyWriter) column(col *schema.Column, inPK bool) (string, error) {
	if w.dialect == schema.SQLServer && col.Computed != nil && (col.Default != nil || col.Identity != nil) {
		return "", errors.New("a computed column cannot have a default or an identity")
	}
	typ := "sa.types.NullType()" // a SQL Server computed column has no type
	if col.Type != "" || col.Computed == nil {
		var err error
		if typ, err = w.colType(col.Type, col.Collation); err != nil {
			return "", err
		}
	}
	args := []string{pyStr(col.Name), typ}
	switch {
	case col.Identity != nil:
		id := []string{kw("start", strconv.FormatInt(orOne(col.Identity.Seed), 10)),
			kw("increment", strconv.FormatInt(orOne(col.Identity.Increment), 10))}
		if col.Identity.Always {
			id = append([]string{kw("always", "True")}, id...)
		}
		for _, o := range []struct {
			key string
			v   *int64
		}{{"minvalue", col.Identity.MinValue}, {"maxvalue", col.Identity.MaxValue}} {
			if o.v != nil {
				id = append(id, kw(o.key, strconv.FormatInt(*o.v, 10)))
			}
		}
		if col.Identity.Cache > 1 {
			id = append(id, kw("cache", strconv.FormatInt(col.Identity.Cache, 10)))
		}
		if col.Identity.Cycle {
			id = append(id, kw("cycle", "True"))
		}
		args = append(args, call("sa.Identity", id...))
	case col.Computed != nil:
		if strings.TrimSpace(col.Computed.Expr) == "" {
			return "", errors.New("empty generated expression")
		}
		expr, err := w.textString(col.Computed.Source.Or(col.Computed.Expr))
		if err != nil {
			return "", err
		}
		args = append(args, call("sa.Computed", expr, kw("persisted", pyBool(col.Computed.Persisted || w.dialect == schema.Postgres))))
	}
	args = append(args, kw("nullable", pyBool(col.Null)))
	if col.Default != nil {
		d, err := w.serverDefault(col.Default)
		if err != nil {
			return "", err
		}
		args = append(args, kw("server_default", d))
	}
	if inPK && col.Identity == nil && isIntegerType(col.Type) {
		args = append(args, kw("autoincrement", "False"))
	}
	return call("sa.Column", args...), nil
}

// isIntegerType reports whether SQLAlchemy would make a primary key column of
// this canonical type autoincrement.
func isIntegerType(typ string) bool {
	switch typ {
	case "integer", "bigint", "smallint", "int", "tinyint":
		return true
	}
	return false
}

// serverDefault renders a default as sa.text(...), with the SQL render.SQL
// writes for it (SQL Server without its outer parentheses).
func (w *pyWriter) serverDefault(d *schema.Default) (string, error) {
	var s string
	var err error
	if w.dialect == schema.SQLServer {
		s, err = msDefault(d)
		s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	} else {
		s, err = pgDefault(d)
	}
	if err != nil {
		return "", err
	}
	return w.text(s)
}

// schemaKw returns schema='...' for a table.
func (w *pyWriter) schemaKw(t schema.QName) string {
	if t.Schema == "" {
		return kw("schema", pyStr(w.dialect.DefaultSchema()))
	}
	return kw("schema", pyStr(t.Schema))
}

// existing returns the arguments of op.alter_column that name a column and
// say what it is now: table, column, existing_type, existing_nullable,
// existing_server_default and schema. A column whose type the change does
// not carry (a comment change may name just the column) gets no existing_type.
func (w *pyWriter) existing(t schema.QName, old *schema.Column) ([]string, error) {
	args := []string{pyStr(t.Name), pyStr(old.Name)}
	if old.Type != "" {
		typ, err := w.colType(old.Type, old.Collation)
		if err != nil {
			return nil, err
		}
		args = append(args, kw("existing_type", typ))
	}
	args = append(args, kw("existing_nullable", pyBool(old.Null)))
	if old.Default != nil {
		d, err := w.serverDefault(old.Default)
		if err != nil {
			return nil, err
		}
		args = append(args, kw("existing_server_default", d))
	}
	if old.Comment != "" {
		args = append(args, kw("existing_comment", pyStr(old.Comment)))
	}
	return append(args, w.schemaKw(t)), nil
}

// alterNatively reports whether op.alter_column can express an AlterColumn
// exactly: a change of type, nullability or default of a column that is not
// an identity, generated, serial or user-typed column, keeping its collation.
func (w *pyWriter) alterNatively(c *diff.Change) bool {
	a, old, col := c.Alter, c.OldColumn, c.Column
	if a.Identity || a.Computed || a.Collation || a.Storage || a.Compression || old.Identity != nil || col.Identity != nil ||
		old.Computed != nil || col.Computed != nil {
		return false
	}
	if _, serial := serialBase(old.Type); serial {
		return false
	}
	if _, serial := serialBase(col.Type); serial {
		return false
	}
	return !a.Type || !isUserType(old.Type) && !isUserType(col.Type)
}

// alterColumn renders an AlterColumn as op.alter_column calls, in the order
// render.SQL uses: the old default dropped, then type and nullability, then
// the new default.
func (w *pyWriter) alterColumn(t schema.QName, old, col *schema.Column, a diff.ColumnAlter) ([]string, error) {
	var out []string
	cur := *old
	if old.Default != nil && (a.Type || a.Default) {
		args, err := w.existing(t, &cur)
		if err != nil {
			return nil, err
		}
		out = append(out, call("op.alter_column", append(args, kw("server_default", "None"))...))
		cur.Default = nil
	}
	if a.Type || a.Null {
		args, err := w.existing(t, &cur)
		if err != nil {
			return nil, err
		}
		if a.Type {
			typ, err := w.colType(col.Type, col.Collation)
			if err != nil {
				return nil, err
			}
			args = append(args, kw("type_", typ))
			if w.dialect == schema.Postgres {
				pgTyp, err := pgType(col.Type)
				if err != nil {
					return nil, err
				}
				oldBase, _ := serialBase(old.Type)
				args = append(args, kw("postgresql_using", pyStr(pgUsing(col, oldBase, pgTyp, a.Using))))
			}
		}
		if a.Null {
			args = append(args, kw("nullable", pyBool(col.Null)))
		}
		out = append(out, call("op.alter_column", args...))
		cur.Type, cur.Null = col.Type, col.Null
	}
	if col.Default != nil && (a.Default || a.Type && old.Default != nil) {
		args, err := w.existing(t, &cur)
		if err != nil {
			return nil, err
		}
		d, err := w.serverDefault(col.Default)
		if err != nil {
			return nil, err
		}
		out = append(out, call("op.alter_column", append(args, kw("server_default", d))...))
	}
	return out, nil
}

// renameTable renders a RenameTable: a move to another schema (which Alembic
// has no operation for) as render.SQL writes it, then op.rename_table.
func (w *pyWriter) renameTable(c *diff.Change) ([]string, error) {
	if c.OldName.Name == "" || c.Table.Name == "" {
		return nil, errMissing("old or new table name")
	}
	var out []string
	if c.OldName.Schema != c.Table.Schema {
		move := *c
		move.Table.Name = c.OldName.Name
		s, err := w.execute(&move)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	if c.OldName.Name != c.Table.Name {
		out = append(out, call("op.rename_table", pyStr(c.OldName.Name), pyStr(c.Table.Name), w.schemaKw(c.Table)))
		if w.dialect == schema.Postgres {
			// PostgreSQL keeps a serial's sequence name: rename it as render.SQL does.
			for _, col := range c.SerialColumns {
				text, err := w.text(pgRenameSequence(c.Table.Schema, c.OldName.Name, col, c.Table.Name, col))
				if err != nil {
					return nil, err
				}
				out = append(out, "op.execute("+text+")")
			}
		}
	}
	return out, nil
}

// tableComment renders a PostgreSQL CommentTable.
func (w *pyWriter) tableComment(c *diff.Change) string {
	existing := kw("existing_comment", pyOptStr(c.OldComment))
	if c.Comment == "" {
		return call("op.drop_table_comment", pyStr(c.Table.Name), existing, w.schemaKw(c.Table))
	}
	return call("op.create_table_comment", pyStr(c.Table.Name), pyStr(c.Comment), existing, w.schemaKw(c.Table))
}

// columnComment renders a PostgreSQL CommentColumn.
func (w *pyWriter) columnComment(c *diff.Change) (string, error) {
	if c.Column == nil {
		return "", errMissing("column")
	}
	old := *c.Column
	old.Comment = c.OldComment
	args, err := w.existing(c.Table, &old)
	if err != nil {
		return "", err
	}
	return call("op.alter_column", append(args, kw("comment", pyOptStr(c.Comment)))...), nil
}

// createForeignKey renders op.create_foreign_key with every option.
func (w *pyWriter) createForeignKey(t schema.QName, fk *schema.ForeignKey) (string, error) {
	if len(fk.Columns) == 0 || len(fk.RefColumns) == 0 || fk.RefTable == "" {
		return "", fmt.Errorf("foreign key %s: missing columns or referenced table", fk.Name)
	}
	if w.dialect == schema.SQLServer && (fk.Deferrable || fk.InitiallyDeferred) {
		return "", fmt.Errorf("foreign key %s: SQL Server has no deferrable constraints", fk.Name)
	}
	refSchema := fk.RefSchema
	if refSchema == "" {
		refSchema = w.dialect.DefaultSchema()
	}
	args := []string{pyStr(fk.Name), pyStr(t.Name), pyStr(fk.RefTable), pyList(fk.Columns), pyList(fk.RefColumns),
		kw("source_schema", pyOptStr(t.Schema)), kw("referent_schema", pyStr(refSchema))}
	for _, act := range []struct{ kw, action string }{{"ondelete", fk.OnDelete}, {"onupdate", fk.OnUpdate}} {
		a, err := fkAction(act.action)
		if err != nil {
			return "", fmt.Errorf("foreign key %s: %s: %w", fk.Name, act.kw, err)
		}
		if a == "RESTRICT" && w.dialect == schema.SQLServer {
			return "", fmt.Errorf("foreign key %s: RESTRICT does not exist on SQL Server (use NO ACTION)", fk.Name)
		}
		if a != "" {
			args = append(args, kw(act.kw, pyStr(a)))
		}
	}
	args = append(args, alembicDeferrable(fk.Deferrable, fk.InitiallyDeferred)...)
	if fk.MatchFull {
		args = append(args, kw("match", pyStr("FULL")))
	}
	if fk.NotValid {
		args = append(args, kw("postgresql_not_valid", "True"))
	}
	return call("op.create_foreign_key", args...), nil
}

// alembicDeferrable returns the deferrable= and initially= keywords of a
// constraint (none when it is neither).
func alembicDeferrable(deferrable, initiallyDeferred bool) []string {
	var out []string
	if deferrable || initiallyDeferred {
		out = append(out, kw("deferrable", "True"))
	}
	if initiallyDeferred {
		out = append(out, kw("initially", pyStr("DEFERRED")))
	}
	return out
}

// alembicCanCreateTable reports whether op.create_table (SQLAlchemy 1.4,
// as Debian 12 ships it) can say everything of t: it has no keyword for a
// UNIQUE NULLS NOT DISTINCT or a CHECK … NO INHERIT, which are then
// created by op.execute of the SQL.
func alembicCanCreateTable(t *schema.Table) bool {
	for _, u := range t.Uniques {
		if u.NullsNotDistinct {
			return false
		}
	}
	for _, ck := range t.Checks {
		if ck.NoInherit {
			return false
		}
	}
	return len(t.Excludes) == 0
}

// createExclude renders op.create_exclude_constraint (Alembic 1.8, over
// SQLAlchemy 1.4's ExcludeConstraint: elements as (column, operator),
// using, where, ops, deferrable, initially). It reports false, to fall back
// on op.execute of the SQL, for what ExcludeConstraint cannot say:
// expression keys, DESC, NULLS, COLLATE, operator class parameters,
// schema-qualified operators, INCLUDE and WITH.
func (w *pyWriter) createExclude(t schema.QName, x *schema.Exclude) ([]string, bool, error) {
	if len(x.Include) > 0 || len(x.With) > 0 {
		return nil, false, nil
	}
	args := []string{pyStr(x.Name), pyStr(t.Name)}
	var ops []string
	for _, e := range x.Elements {
		if e.Column == "" || e.Expr != "" || e.Desc || e.Nulls != "" || e.Collation != "" ||
			strings.ContainsAny(e.Opclass, "(.") || strings.Contains(e.Operator, ".") {
			return nil, false, nil
		}
		args = append(args, "("+pyStr(e.Column)+", "+pyStr(e.Operator)+")")
		if e.Opclass != "" {
			ops = append(ops, pyStr(e.Column)+": "+pyStr(e.Opclass))
		}
	}
	if x.Where != "" {
		where, err := w.text(x.WhereSource.Or(x.Where))
		if err != nil {
			return nil, false, err
		}
		args = append(args, kw("where", where))
	}
	args = append(args, w.schemaKw(t), kw("using", pyStr(cmp.Or(x.Using, "gist"))))
	if len(ops) > 0 {
		args = append(args, kw("ops", "{"+strings.Join(ops, ", ")+"}"))
	}
	args = append(args, alembicDeferrable(x.Deferrable, x.InitiallyDeferred)...)
	return []string{call("op.create_exclude_constraint", args...)}, true, nil
}

// createIndex renders op.create_index with every option of the dialect.
func (w *pyWriter) createIndex(t schema.QName, ix *schema.Index, concurrently bool) (string, error) {
	if ix.Name == "" {
		return "", errMissing("index name")
	}
	if len(ix.Parts) == 0 {
		return "", fmt.Errorf("index %s has no key parts", ix.Name)
	}
	if w.dialect == schema.SQLServer {
		// render.SQL's checks: what SQL Server cannot do is refused here too.
		if _, err := msCreateIndex(t, ix); err != nil {
			return "", err
		}
	}
	parts := make([]string, len(ix.Parts))
	var ops []string // postgresql_ops: the operator classes of plain column keys
	for i, p := range ix.Parts {
		if p.Column != "" && p.Expr == "" && !p.Desc && p.Nulls == "" && p.Collation == "" {
			parts[i] = pyStr(p.Column)
			if p.Opclass != "" {
				name, params := schema.SplitOpclass(p.Opclass)
				if params != nil {
					ps, err := pgStorageParams(params)
					if err != nil {
						return "", fmt.Errorf("index %s: %w", ix.Name, err)
					}
					name += " (" + ps + ")"
				}
				ops = append(ops, pyStr(p.Column)+": "+pyStr(name))
			}
			continue
		}
		var sql string
		var err error
		if w.dialect == schema.SQLServer {
			sql = msIdent(p.Column) + " DESC"
		} else if sql, err = pgIndexPart(p); err != nil {
			return "", fmt.Errorf("index %s: %w", ix.Name, err)
		}
		if parts[i], err = w.text(sql); err != nil {
			return "", err
		}
	}
	args := []string{pyStr(ix.Name), pyStr(t.Name), "[" + strings.Join(parts, ", ") + "]"}
	if ix.Unique {
		args = append(args, kw("unique", "True"))
	}
	args = append(args, w.schemaKw(t))
	prefix := "postgresql_"
	if w.dialect == schema.SQLServer {
		prefix = "mssql_"
		args = append(args, kw("mssql_clustered", pyBool(ix.Clustered != nil && *ix.Clustered)))
	} else if ix.Using != "" {
		args = append(args, kw("postgresql_using", pyStr(ix.Using)))
	}
	if len(ix.Include) > 0 {
		args = append(args, kw(prefix+"include", pyList(ix.Include)))
	}
	if len(ops) > 0 {
		args = append(args, kw("postgresql_ops", "{"+strings.Join(ops, ", ")+"}"))
	}
	if len(ix.With) > 0 {
		with := make([]string, len(ix.With))
		for i, p := range ix.With {
			name, value, _ := strings.Cut(p, "=")
			if !pgPlainValue.MatchString(value) { // SQLAlchemy prints the value as it is
				value = "'" + strings.ReplaceAll(value, "'", "''") + "'"
			}
			with[i] = pyStr(name) + ": " + pyStr(value)
		}
		args = append(args, kw("postgresql_with", "{"+strings.Join(with, ", ")+"}"))
	}
	if ix.Where != "" {
		where, err := w.text(ix.WhereSource.Or(ix.Where))
		if err != nil {
			return "", err
		}
		args = append(args, kw(prefix+"where", where))
	}
	if concurrently && w.dialect == schema.Postgres {
		args = append(args, kw("postgresql_concurrently", "True"))
	}
	return call("op.create_index", args...), nil
}

// colType renders a canonical column type as a SQLAlchemy type that compiles
// to exactly that type, with its collation; SQLType when there is none.
func (w *pyWriter) colType(typ, collation string) (string, error) {
	var name string
	var args []string
	var err error
	if w.dialect == schema.SQLServer {
		if _, err := msType(typ); err != nil {
			return "", err
		}
		name, args = msAlchemyType(typ)
	} else {
		if _, err := pgType(typ); err != nil {
			return "", err
		}
		name, args, err = w.pgAlchemyType(typ)
		if err != nil {
			return "", err
		}
	}
	if name == "" {
		if collation != "" {
			return "", fmt.Errorf("type %s: a collation needs a string type", typ)
		}
		w.rawType = true
		return call("SQLType", pyStr(typ)), nil
	}
	if collation != "" {
		if !isStringType(name) {
			return "", fmt.Errorf("type %s: a collation needs a string type", typ)
		}
		args = append(args, kw("collation", pyStr(collation)))
	}
	if module, _, ok := strings.Cut(name, "."); ok && module != "sa" {
		w.imports[module] = true
	}
	return call(name, args...), nil
}

// isStringType reports whether a SQLAlchemy type class takes a collation.
func isStringType(name string) bool {
	switch name[strings.IndexByte(name, '.')+1:] {
	case "String", "Text", "CHAR", "VARCHAR", "NVARCHAR", "NCHAR", "TEXT", "NTEXT":
		return true
	}
	return false
}

// typeArgs splits "name(a,b)" into "name" and its arguments.
func typeArgs(typ string) (string, []string) {
	base, rest, ok := strings.Cut(typ, "(")
	if !ok {
		return typ, nil
	}
	inner, after, _ := strings.Cut(rest, ")")
	var args []string
	for _, a := range strings.Split(inner, ",") {
		args = append(args, strings.TrimSpace(a))
	}
	return strings.TrimSpace(base) + after, args
}

// pgAlchemyType maps a canonical PostgreSQL type to a SQLAlchemy type class
// and its arguments; "" when there is none.
func (w *pyWriter) pgAlchemyType(typ string) (string, []string, error) {
	if elem, ok := strings.CutSuffix(typ, "[]"); ok {
		dims := 1
		for strings.HasSuffix(elem, "[]") {
			elem, dims = strings.TrimSuffix(elem, "[]"), dims+1
		}
		inner, err := w.colType(elem, "")
		if err != nil {
			return "", nil, err
		}
		if strings.HasPrefix(inner, "SQLType(") {
			return "", nil, nil
		}
		args := []string{inner}
		if dims > 1 {
			args = append(args, kw("dimensions", strconv.Itoa(dims)))
		}
		return "postgresql.ARRAY", args, nil
	}
	if i := strings.IndexByte(typ, '.'); i >= 0 {
		return "postgresql.ENUM", []string{kw("name", pyStr(typ[i+1:])), kw("schema", pyStr(typ[:i])), kw("create_type", "False")}, nil
	}
	base, args := typeArgs(typ)
	simple := map[string]string{
		"integer": "sa.Integer", "bigint": "sa.BigInteger", "smallint": "sa.SmallInteger", "text": "sa.Text",
		"boolean": "sa.Boolean", "real": "sa.REAL", "double precision": "postgresql.DOUBLE_PRECISION",
		"date": "sa.Date", "uuid": "postgresql.UUID", "jsonb": "postgresql.JSONB", "json": "postgresql.JSON",
		"bytea": "postgresql.BYTEA", "interval": "postgresql.INTERVAL", "inet": "postgresql.INET",
		"cidr": "postgresql.CIDR", "macaddr": "postgresql.MACADDR", "money": "postgresql.MONEY",
		"tsvector": "postgresql.TSVECTOR", "oid": "postgresql.OID",
		"character varying": "sa.String", "character": "sa.CHAR", "numeric": "sa.Numeric",
	}
	if name, ok := simple[base]; ok && (len(args) == 0 || base == "character varying" || base == "character" || base == "numeric") {
		return name, args, nil
	}
	// timestamp(p) / time(p), with or without time zone.
	for _, t := range []string{"timestamp", "time"} {
		for _, tz := range []bool{false, true} {
			suffix := " without time zone"
			if tz {
				suffix = " with time zone"
			}
			if base != t+suffix {
				continue
			}
			var a []string
			if tz {
				a = append(a, kw("timezone", "True"))
			}
			if len(args) == 1 {
				a = append(a, kw("precision", args[0]))
			}
			return "postgresql." + strings.ToUpper(t), a, nil
		}
	}
	return "", nil, nil
}

// msAlchemyType maps a canonical SQL Server type to a SQLAlchemy type class
// and its arguments; "" when there is none.
func msAlchemyType(typ string) (string, []string) {
	base, args := typeArgs(strings.ToLower(typ))
	for i, a := range args {
		if a == "max" {
			args[i] = pyStr("max")
		}
	}
	switch base {
	case "nvarchar", "varchar", "nchar", "char", "varbinary", "binary":
		if len(args) == 1 {
			return "mssql." + strings.ToUpper(base), args
		}
	case "decimal", "numeric":
		if len(args) <= 2 {
			return "mssql." + strings.ToUpper(base), args
		}
	case "datetime2", "datetimeoffset", "time":
		if len(args) <= 1 {
			return "mssql." + strings.ToUpper(base), args
		}
	case "int":
		return "sa.Integer", args
	case "bigint":
		return "sa.BigInteger", args
	case "smallint":
		return "sa.SmallInteger", args
	case "tinyint", "bit", "uniqueidentifier", "datetime", "smalldatetime", "money", "smallmoney",
		"real", "ntext", "text", "image", "xml", "sql_variant":
		if len(args) == 0 {
			return "mssql." + strings.ToUpper(base), nil
		}
	}
	return "", nil
}

// text renders SQL as sa.text('...').
func (w *pyWriter) text(sql string) (string, error) {
	s, err := w.textString(sql)
	if err != nil {
		return "", err
	}
	return "sa.text(" + s + ")", nil
}

// textString renders SQL as a Python string literal that SQLAlchemy's text()
// coercion turns back into exactly that SQL: a colon that text() would take
// for a bind parameter (":name" after a non-word character) is escaped as
// "\:". SQL that already holds "\:" cannot be kept exactly, and is refused.
func (w *pyWriter) textString(sql string) (string, error) {
	if strings.Contains(sql, `\:`) {
		return "", fmt.Errorf("SQL %q holds \\:, which SQLAlchemy's text() would change", sql)
	}
	var b strings.Builder
	for i := 0; i < len(sql); i++ {
		if sql[i] == ':' {
			prev, _ := utf8.DecodeLastRuneInString(sql[:i])
			word := wordRun(sql[i+1:])
			if word > 0 && prev != ':' && !isBindWordRune(prev) && !strings.HasPrefix(sql[i+1+word:], ":") {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(sql[i])
	}
	return pyStr(b.String()), nil
}

// wordRun returns the byte length of the run of word characters (letters,
// digits, _ and $) at the start of s.
func wordRun(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !isBindWordRune(r) {
			break
		}
		n += size
	}
	return n
}

// isBindWordRune reports whether r belongs to a bind parameter name in
// SQLAlchemy's text() ([\w$]).
func isBindWordRune(r rune) bool {
	return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// call renders name(arg, arg, ...), leaving out empty arguments.
func call(name string, args ...string) string {
	kept := args[:0:0]
	for _, a := range args {
		if a != "" {
			kept = append(kept, a)
		}
	}
	return name + "(" + strings.Join(kept, ", ") + ")"
}

// kw renders a keyword argument.
func kw(name, value string) string { return name + "=" + value }

// pyBool renders a Python boolean.
func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// pyOptStr renders a string literal, or None for "".
func pyOptStr(s string) string {
	if s == "" {
		return "None"
	}
	return pyStr(s)
}

// pyStrs renders each string as a literal.
func pyStrs(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = pyStr(s)
	}
	return out
}

// pyList renders a Python list of string literals.
func pyList(list []string) string { return "[" + strings.Join(pyStrs(list), ", ") + "]" }

// pyStr renders a Python string literal as repr() does: in single quotes,
// or in double quotes when the text holds single quotes and no double ones;
// backslashes and the quote escaped, control and other non-printable characters as \x, \u or
// \U escapes, printable Unicode as it is (Python source is UTF-8).
func pyStr(s string) string {
	quote := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteRune(quote)
	for _, r := range s {
		switch {
		case r == '\\' || r == quote:
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		case unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteRune(quote)
	return b.String()
}

// pyDocText renders text for the module docstring: on one line, with
// backslashes and quotes escaped so that nothing ends the docstring early.
func pyDocText(s string) string {
	lit := pyStr(strings.Join(strings.Fields(s), " "))
	lit = lit[1 : len(lit)-1]
	if strings.ContainsRune(s, '"') && !strings.Contains(lit, `\"`) {
		lit = strings.ReplaceAll(lit, `"`, `\"`)
	}
	return lit
}
