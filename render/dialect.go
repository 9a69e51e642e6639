package render

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// dialect is what one SQL dialect renders its own way. renderPlan and
// renderChange do the rest: the dispatch over change kinds, the checks of the
// fields a kind needs and the statements both dialects build alike.
type dialect interface {
	// statementDialect is the Dialect of the Statements rendered.
	statementDialect() schema.Dialect
	// noTransaction reports whether the statements of c must run outside a
	// transaction block.
	noTransaction(c *diff.Change) bool
	// ident quotes an identifier.
	ident(name string) string
	// alterTable returns "ALTER TABLE <t>".
	alterTable(t schema.QName) string
	// qname quotes a schema-qualified name.
	qname(q schema.QName) string
	// commentSchema renders a CommentSchema of a change with a named schema.
	commentSchema(c *diff.Change) string
	// enumChange renders CreateEnum, DropEnum, AddEnumValue and RecreateEnum.
	enumChange(c *diff.Change) ([]string, error)
	// createTable renders CREATE TABLE t.
	createTable(t *schema.Table) (string, error)
	// moveTable moves table t to the schema called schemaName.
	moveTable(t schema.QName, schemaName string) string
	// renameTable renames table t (in its new schema) to c.Table.Name.
	renameTable(t schema.QName, c *diff.Change) []string
	// commentTable renders a CommentTable.
	commentTable(c *diff.Change) ([]string, error)
	// columnChange renders AddColumn, DropColumn, RenameColumn and CommentColumn.
	columnChange(c *diff.Change) ([]string, error)
	// alterColumn renders the statements that take old to col of table t.
	alterColumn(t schema.QName, old, col *schema.Column, a diff.ColumnAlter) ([]string, error)
	// columnDef renders the definition of col, a column of table.
	columnDef(table string, col *schema.Column) (string, error)
	// primaryKey renders the PRIMARY KEY clause of table.
	primaryKey(table string, pk *schema.PrimaryKey) (string, error)
	// unique renders a UNIQUE constraint clause.
	unique(u *schema.Unique) (string, error)
	// foreignKey renders a FOREIGN KEY constraint clause.
	foreignKey(fk *schema.ForeignKey) (string, error)
	// constraintName returns the live name of the constraint a Drop* change drops.
	constraintName(c *diff.Change) (string, error)
	// createIndex renders CREATE INDEX of ix on t.
	createIndex(t schema.QName, ix *schema.Index, concurrently bool) (string, error)
	// dropIndex renders DROP INDEX of the index called name on t.
	dropIndex(t schema.QName, name string, concurrently bool) string
	// renameIndex renames index old of t to name.
	renameIndex(t schema.QName, old, name string) string
	// renameConstraint renames constraint old of t to name.
	renameConstraint(t schema.QName, old, name string) string
	// renameDefault renders a RenameDefault.
	renameDefault(c *diff.Change) ([]string, error)
	// onlineStep renders the steps of an online plan (diff.Options.Online):
	// a ValidateConstraint, and an Add* or DropIndex change marked NotValid,
	// UsingIndex or IfExists.
	onlineStep(c *diff.Change) ([]string, error)
	// viewChange renders CreateView, DropView, ReplaceView and CommentView.
	viewChange(c *diff.Change) ([]string, error)
	// functionChange renders the changes of functions, procedures and
	// triggers (CreateFunction … CommentTrigger).
	functionChange(c *diff.Change) ([]string, error)
	// rlsChange renders CreatePolicy, DropPolicy, AlterPolicy,
	// CommentPolicy, AlterRowSecurity, AttachPartition and DetachPartition.
	rlsChange(c *diff.Change) ([]string, error)
	// typeChange renders the changes of extensions, domains and composite
	// types (Create*, Drop*, Alter*, Comment*).
	typeChange(c *diff.Change) ([]string, error)
	// sequenceChange renders CreateSequence, DropSequence, AlterSequence
	// and CommentSequence.
	sequenceChange(c *diff.Change) ([]string, error)
}

// dialectOf returns the dialect that renders plans of d.
func dialectOf(d schema.Dialect) (dialect, error) {
	switch d {
	case schema.Postgres:
		return postgresDialect{}, nil
	case schema.SQLServer:
		return sqlserverDialect{}, nil
	}
	return nil, fmt.Errorf("render: unknown dialect %q", d)
}

// renderPlan renders every change of plan as statements of d, in plan order.
func renderPlan(d dialect, plan *diff.Plan) ([]Statement, error) {
	var out []Statement
	for i, c := range plan.Changes {
		if c == nil {
			return nil, fmt.Errorf("render: change %d is nil", i+1)
		}
		sqls, err := renderChange(d, c)
		if err != nil {
			return nil, fmt.Errorf("render: change %d (%s): %w", i+1, Describe(plan.Dialect, c), err)
		}
		noTx := d.noTransaction(c)
		for _, s := range sqls {
			out = append(out, Statement{SQL: s, Change: c, NoTransaction: noTx, Dialect: d.statementDialect()})
		}
	}
	return out, nil
}

// renderChange renders one change as statements of d.
func renderChange(d dialect, c *diff.Change) ([]string, error) {
	if c.Kind == diff.ValidateConstraint || c.UsingIndex || c.IfExists {
		return d.onlineStep(c)
	}
	switch c.Kind {
	case diff.CreateSchema, diff.DropSchema, diff.CommentSchema:
		return schemaChange(d, c)
	case diff.CreateEnum, diff.DropEnum, diff.AddEnumValue, diff.RecreateEnum:
		return d.enumChange(c)
	case diff.CreateTable, diff.DropTable:
		if c.TableDef == nil {
			return nil, errMissing("table definition")
		}
		if c.Kind == diff.DropTable {
			return []string{"DROP TABLE " + d.qname(c.TableDef.QName())}, nil
		}
		s, err := d.createTable(c.TableDef)
		return []string{s}, err
	case diff.RenameTable:
		return renameTable(d, c)
	case diff.CommentTable:
		return d.commentTable(c)
	case diff.AddColumn, diff.DropColumn, diff.RenameColumn, diff.CommentColumn:
		return d.columnChange(c)
	case diff.AlterColumn:
		if c.Column == nil || c.OldColumn == nil {
			return nil, errMissing("column or old column")
		}
		return d.alterColumn(c.Table, c.OldColumn, c.Column, c.Alter)
	case diff.AddPrimaryKey, diff.AddUnique, diff.AddCheck, diff.AddExclude, diff.AddForeignKey:
		clause, err := constraintClause(d, c)
		if err != nil {
			return nil, err
		}
		return addConstraint(d, c, clause)
	case diff.DropPrimaryKey, diff.DropUnique, diff.DropCheck, diff.DropExclude, diff.DropForeignKey:
		name, err := d.constraintName(c)
		if err != nil {
			return nil, err
		}
		return []string{dropConstraint(d, c.Table, name)}, nil
	case diff.CreateIndex:
		if c.Index == nil {
			return nil, errMissing("index")
		}
		s, err := d.createIndex(c.Table, c.Index, c.Concurrently)
		return []string{s}, err
	case diff.DropIndex:
		if c.Index == nil || c.Index.Name == "" {
			return nil, errMissing("index name")
		}
		return []string{d.dropIndex(c.Table, c.Index.Name, c.Concurrently)}, nil
	case diff.RenameIndex:
		if c.Index == nil || c.Index.Name == "" || c.RenamedFrom == "" {
			return nil, errMissing("old or new index name")
		}
		return []string{d.renameIndex(c.Table, c.RenamedFrom, c.Index.Name)}, nil
	case diff.RenameConstraint:
		name, err := renamedConstraintName(c)
		if err != nil {
			return nil, err
		}
		return []string{d.renameConstraint(c.Table, c.RenamedFrom, name)}, nil
	case diff.RenameDefault:
		return d.renameDefault(c)
	case diff.RebuildIndex, diff.SetConstraintState:
		return sqlServerOnly(d, c)
	case diff.AlterTableOptions, diff.CommentEnum:
		return pgOnlyChange(d, c)
	case diff.AlterIndexStorage:
		return alterIndexStorage(d, c)
	case diff.AlterForeignKeyDeferrable:
		return alterForeignKeyDeferrable(d, c)
	case diff.CommentIndex:
		return commentIndex(d, c)
	case diff.CommentConstraint:
		return commentConstraint(d, c)
	case diff.CreateView, diff.DropView, diff.ReplaceView, diff.CommentView:
		return d.viewChange(c)
	case diff.CreateFunction, diff.DropFunction, diff.ReplaceFunction, diff.CommentFunction,
		diff.CreateTrigger, diff.DropTrigger, diff.ReplaceTrigger, diff.CommentTrigger:
		return d.functionChange(c)
	case diff.CreatePolicy, diff.DropPolicy, diff.AlterPolicy, diff.CommentPolicy, diff.AlterRowSecurity,
		diff.AttachPartition, diff.DetachPartition:
		return d.rlsChange(c)
	case diff.CreateExtension, diff.DropExtension, diff.AlterExtension, diff.CommentExtension,
		diff.CreateDomain, diff.DropDomain, diff.AlterDomain, diff.CommentDomain,
		diff.CreateCompositeType, diff.DropCompositeType, diff.AlterCompositeType, diff.CommentCompositeType:
		return d.typeChange(c)
	case diff.CreateSequence, diff.DropSequence, diff.AlterSequence, diff.CommentSequence:
		return d.sequenceChange(c)
	default:
		return nil, fmt.Errorf("unknown change kind %q", c.Kind)
	}
}

// schemaChange renders CreateSchema, DropSchema and CommentSchema.
func schemaChange(d dialect, c *diff.Change) ([]string, error) {
	if c.Schema == nil || c.Schema.Name == "" {
		return nil, errMissing("schema")
	}
	switch c.Kind {
	case diff.CreateSchema:
		return []string{"CREATE SCHEMA " + d.ident(c.Schema.Name)}, nil
	case diff.DropSchema:
		return []string{"DROP SCHEMA " + d.ident(c.Schema.Name)}, nil
	default:
		return []string{d.commentSchema(c)}, nil
	}
}

// renameTable renders a RenameTable: a move to the new schema, then a
// rename, each only when needed.
func renameTable(d dialect, c *diff.Change) ([]string, error) {
	if c.OldName.Name == "" || c.Table.Name == "" {
		return nil, errMissing("old or new table name")
	}
	var out []string
	cur := c.OldName
	if cur.Schema != c.Table.Schema {
		out = append(out, d.moveTable(cur, c.Table.Schema))
		cur.Schema = c.Table.Schema
	}
	if cur.Name != c.Table.Name {
		out = append(out, d.renameTable(cur, c)...)
	}
	return out, nil
}

// constraintClause renders the constraint clause an Add* change adds.
func constraintClause(d dialect, c *diff.Change) (string, error) {
	switch {
	case c.Kind == diff.AddPrimaryKey && c.PrimaryKey != nil:
		return d.primaryKey(c.Table.Name, c.PrimaryKey)
	case c.Kind == diff.AddUnique && c.Unique != nil:
		return d.unique(c.Unique)
	case c.Kind == diff.AddCheck && c.Check != nil:
		return checkClause(d, c.Check)
	case c.Kind == diff.AddExclude && c.Exclude != nil:
		return excludeClause(d, c.Exclude)
	case c.Kind == diff.AddForeignKey && c.ForeignKey != nil:
		return d.foreignKey(c.ForeignKey)
	}
	return "", errMissing("constraint")
}

// tableElements renders the lines of CREATE TABLE t: its columns, then its
// primary key, unique, check and exclusion constraints.
func tableElements(d dialect, t *schema.Table) ([]string, error) {
	var lines []string
	for _, col := range t.Columns {
		def, err := d.columnDef(t.Name, col)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", col.Name, err)
		}
		lines = append(lines, def)
	}
	if t.PrimaryKey != nil {
		s, err := d.primaryKey(t.Name, t.PrimaryKey)
		if err != nil {
			return nil, err
		}
		lines = append(lines, s)
	}
	for _, u := range t.Uniques {
		s, err := d.unique(u)
		if err != nil {
			return nil, err
		}
		lines = append(lines, s)
	}
	for _, ck := range t.Checks {
		s, err := checkClause(d, ck)
		if err != nil {
			return nil, err
		}
		lines = append(lines, s)
	}
	for _, x := range t.Excludes {
		s, err := excludeClause(d, x)
		if err != nil {
			return nil, err
		}
		lines = append(lines, s)
	}
	return lines, nil
}

// checkClause renders a CHECK constraint clause.
func checkClause(d dialect, ck *schema.Check) (string, error) {
	if strings.TrimSpace(ck.Expr) == "" {
		return "", fmt.Errorf("check %s: empty expression", ck.Name)
	}
	nfr := ""
	if ck.NotForReplication { // SQL Server only (validated)
		nfr = "NOT FOR REPLICATION "
	}
	s := constraintPrefix(d, ck.Name) + "CHECK " + nfr + "(" + ck.Source.Or(ck.Expr) + ")"
	if ck.NoInherit {
		s += " NO INHERIT"
	}
	if ck.NotValid {
		s += " NOT VALID"
	}
	return s, nil
}

// constraintPrefix returns "CONSTRAINT <name> ", or "" for an unnamed
// constraint (the database names it).
func constraintPrefix(d dialect, name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + d.ident(name) + " "
}

// dropConstraint returns ALTER TABLE … DROP CONSTRAINT <name>.
func dropConstraint(d dialect, t schema.QName, name string) string {
	return d.alterTable(t) + " DROP CONSTRAINT " + d.ident(name)
}

// columnList renders a non-empty list of quoted column names.
func columnList(d dialect, cols []string) (string, error) {
	if len(cols) == 0 {
		return "", errors.New("no columns")
	}
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = d.ident(c)
	}
	return strings.Join(q, ", "), nil
}

// alterIndexStorage renders ALTER INDEX … SET (…) for the storage parameters
// that are new or changed and ALTER INDEX … RESET (…) for those removed
// (PostgreSQL; https://www.postgresql.org/docs/15/sql-alterindex.html).
func alterIndexStorage(d dialect, c *diff.Change) ([]string, error) {
	if _, ok := d.(postgresDialect); !ok {
		return nil, errors.New("index storage parameters are PostgreSQL's")
	}
	if c.Index == nil || c.OldIndex == nil || c.Index.Name == "" {
		return nil, errMissing("index or old index")
	}
	name := pgQName(c.Table.Schema, c.Index.Name)
	var set, reset []string
	for _, p := range c.Index.With {
		if !slices.Contains(c.OldIndex.With, p) {
			set = append(set, p)
		}
	}
	for _, p := range c.OldIndex.With {
		old, _, _ := strings.Cut(p, "=")
		if !slices.ContainsFunc(c.Index.With, func(n string) bool { return strings.HasPrefix(n, old+"=") }) {
			reset = append(reset, pgIdent(old))
		}
	}
	var out []string
	if len(set) > 0 {
		s, err := pgStorageParams(set)
		if err != nil {
			return nil, fmt.Errorf("index %s: %w", c.Index.Name, err)
		}
		out = append(out, "ALTER INDEX "+name+" SET ("+s+")")
	}
	if len(reset) > 0 {
		out = append(out, "ALTER INDEX "+name+" RESET ("+strings.Join(reset, ", ")+")")
	}
	return out, nil
}

// alterForeignKeyDeferrable renders ALTER TABLE … ALTER CONSTRAINT … [NOT]
// DEFERRABLE INITIALLY DEFERRED|IMMEDIATE (PostgreSQL, foreign keys only;
// https://www.postgresql.org/docs/15/sql-altertable.html).
func alterForeignKeyDeferrable(d dialect, c *diff.Change) ([]string, error) {
	if _, ok := d.(postgresDialect); !ok {
		return nil, errors.New("deferrable foreign keys are PostgreSQL's")
	}
	fk := c.ForeignKey
	if fk == nil || fk.Name == "" {
		return nil, errMissing("foreign key name")
	}
	s := d.alterTable(c.Table) + " ALTER CONSTRAINT " + d.ident(fk.Name)
	switch {
	case fk.InitiallyDeferred:
		s += " DEFERRABLE INITIALLY DEFERRED"
	case fk.Deferrable:
		s += " DEFERRABLE INITIALLY IMMEDIATE"
	default:
		s += " NOT DEFERRABLE"
	}
	return []string{s}, nil
}

// commentIndex renders COMMENT ON INDEX (PostgreSQL; SQL Server indexes
// carry no comment in the model).
func commentIndex(d dialect, c *diff.Change) ([]string, error) {
	if _, ok := d.(postgresDialect); !ok {
		return nil, errors.New("index comments are PostgreSQL's")
	}
	if c.Index == nil || c.Index.Name == "" {
		return nil, errMissing("index name")
	}
	return []string{"COMMENT ON INDEX " + pgQName(c.Table.Schema, c.Index.Name) + " IS " + pgComment(c.Comment)}, nil
}

// commentConstraint renders COMMENT ON CONSTRAINT … ON table (PostgreSQL).
func commentConstraint(d dialect, c *diff.Change) ([]string, error) {
	if _, ok := d.(postgresDialect); !ok {
		return nil, errors.New("constraint comments are PostgreSQL's")
	}
	name := constraintNewName(c)
	if name == "" {
		return nil, errMissing("constraint name")
	}
	return []string{"COMMENT ON CONSTRAINT " + pgIdent(name) + " ON " + pgQName(c.Table.Schema, c.Table.Name) + " IS " + pgComment(c.Comment)}, nil
}
