package render

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// oldEnumLabel ends the temporary name a RecreateEnum moves the old type to:
// <name>__schemadiff_old, shortened as PostgreSQL shortens derived names.
const oldEnumLabel = "_schemadiff_old"

// postgresSQL renders every change of plan as PostgreSQL statements.
func postgresSQL(plan *diff.Plan) ([]Statement, error) {
	var out []Statement
	for i, c := range plan.Changes {
		if c == nil {
			return nil, fmt.Errorf("render: change %d is nil", i+1)
		}
		sqls, err := pgChange(c)
		if err != nil {
			return nil, fmt.Errorf("render: change %d (%s): %w", i+1, Describe(c), err)
		}
		// CONCURRENTLY refuses a transaction block; a value ALTER TYPE … ADD
		// VALUE adds cannot be used until its transaction commits, so it runs
		// on its own too (later statements may set it as a default).
		noTx := c.Concurrently && (c.Kind == diff.CreateIndex || c.Kind == diff.DropIndex) || c.Kind == diff.AddEnumValue
		for _, s := range sqls {
			out = append(out, Statement{SQL: s, Change: c, NoTransaction: noTx})
		}
	}
	return out, nil
}

// errMissing reports a change that lacks a field its Kind requires.
func errMissing(field string) error {
	return fmt.Errorf("the change has no %s", field)
}

// pgChange renders one change.
func pgChange(c *diff.Change) ([]string, error) {
	switch c.Kind {
	case diff.CreateSchema, diff.DropSchema, diff.CommentSchema:
		return pgSchemaChange(c)
	case diff.CreateEnum, diff.DropEnum, diff.AddEnumValue, diff.RecreateEnum:
		return pgEnumChange(c)
	case diff.CreateTable, diff.DropTable, diff.RenameTable, diff.CommentTable:
		return pgTableChange(c)
	case diff.AddColumn, diff.DropColumn, diff.RenameColumn, diff.CommentColumn:
		return pgColumnChange(c)
	case diff.AlterColumn:
		if c.Column == nil || c.OldColumn == nil {
			return nil, errMissing("column or old column")
		}
		return pgAlterColumn(c.Table, c.OldColumn, c.Column, c.Alter)
	case diff.AddPrimaryKey, diff.AddUnique, diff.AddCheck, diff.AddForeignKey:
		clause, err := pgConstraintOf(c)
		if err != nil {
			return nil, err
		}
		return []string{pgAlterTable(c.Table) + " ADD " + clause}, nil
	case diff.DropPrimaryKey, diff.DropUnique, diff.DropCheck, diff.DropForeignKey:
		name, err := constraintName(c)
		if err != nil {
			return nil, err
		}
		return []string{pgAlterTable(c.Table) + " DROP CONSTRAINT " + pgIdent(name)}, nil
	case diff.CreateIndex:
		if c.Index == nil {
			return nil, errMissing("index")
		}
		s, err := pgCreateIndex(c.Table, c.Index, c.Concurrently)
		return []string{s}, err
	case diff.DropIndex:
		if c.Index == nil || c.Index.Name == "" {
			return nil, errMissing("index name")
		}
		conc := ""
		if c.Concurrently {
			conc = "CONCURRENTLY "
		}
		return []string{"DROP INDEX " + conc + pgQName(c.Table.Schema, c.Index.Name)}, nil
	case diff.RenameIndex:
		if c.Index == nil || c.Index.Name == "" || c.RenamedFrom == "" {
			return nil, errMissing("old or new index name")
		}
		return []string{"ALTER INDEX " + pgQName(c.Table.Schema, c.RenamedFrom) + " RENAME TO " + pgIdent(c.Index.Name)}, nil
	case diff.RenameConstraint:
		name, err := renamedConstraintName(c)
		if err != nil {
			return nil, err
		}
		// A primary key's or unique constraint's index follows its constraint.
		return []string{pgAlterTable(c.Table) + " RENAME CONSTRAINT " + pgIdent(c.RenamedFrom) + " TO " + pgIdent(name)}, nil
	case diff.RenameDefault:
		return nil, errors.New("PostgreSQL defaults have no name to rename")
	default:
		return nil, fmt.Errorf("unknown change kind %q", c.Kind)
	}
}

// pgSchemaChange renders CreateSchema, DropSchema and CommentSchema.
func pgSchemaChange(c *diff.Change) ([]string, error) {
	if c.Schema == nil || c.Schema.Name == "" {
		return nil, errMissing("schema")
	}
	name := pgIdent(c.Schema.Name)
	switch c.Kind {
	case diff.CreateSchema:
		return []string{"CREATE SCHEMA " + name}, nil
	case diff.DropSchema:
		return []string{"DROP SCHEMA " + name}, nil
	default:
		return []string{"COMMENT ON SCHEMA " + name + " IS " + pgComment(schemaComment(c))}, nil
	}
}

// schemaComment returns the comment a CommentSchema sets: Schema.Comment,
// or Comment when only that is set.
func schemaComment(c *diff.Change) string {
	if c.Schema != nil && c.Schema.Comment != "" {
		return c.Schema.Comment
	}
	return c.Comment
}

// pgEnumChange renders CreateEnum, DropEnum, AddEnumValue and RecreateEnum.
func pgEnumChange(c *diff.Change) ([]string, error) {
	if c.Enum == nil || c.Enum.Name == "" {
		return nil, errMissing("enum")
	}
	name := pgQName(c.Enum.Schema, c.Enum.Name)
	switch c.Kind {
	case diff.CreateEnum:
		return []string{pgCreateEnum(c.Enum)}, nil
	case diff.DropEnum:
		return []string{"DROP TYPE " + name}, nil
	case diff.AddEnumValue:
		s := "ALTER TYPE " + name + " ADD VALUE " + pgLiteral(c.Value)
		if c.ValueBefore != "" {
			s += " BEFORE " + pgLiteral(c.ValueBefore)
		}
		return []string{s}, nil
	default:
		return pgRecreateEnum(c)
	}
}

// pgCreateEnum renders CREATE TYPE ... AS ENUM.
func pgCreateEnum(e *schema.Enum) string {
	vals := make([]string, len(e.Values))
	for i, v := range e.Values {
		vals[i] = pgLiteral(v)
	}
	return "CREATE TYPE " + pgQName(e.Schema, e.Name) + " AS ENUM (" + strings.Join(vals, ", ") + ")"
}

// pgRecreateEnum moves the old type away, creates the new one, retypes every
// column that uses it (through text) and drops the old type.
func pgRecreateEnum(c *diff.Change) ([]string, error) {
	old := c.Enum
	if c.OldEnum != nil {
		old = c.OldEnum
	}
	tmp := schema.PostgresObjectName(old.Name, "", oldEnumLabel)
	out := []string{
		"ALTER TYPE " + pgQName(old.Schema, old.Name) + " RENAME TO " + pgIdent(tmp),
		pgCreateEnum(c.Enum),
	}
	for _, u := range c.Uses {
		if u.Column == nil {
			return nil, errMissing("column in a use of the enum")
		}
		typ, err := pgType(u.Column.Type)
		if err != nil {
			return nil, fmt.Errorf("column %s.%s: %w", u.Table, u.Column.Name, err)
		}
		col := pgAlterColumnPrefix(u.Table, u.Column.Name)
		if u.Column.Default != nil {
			out = append(out, col+" DROP DEFAULT")
		}
		out = append(out, col+" TYPE "+typ+" USING "+pgIdent(u.Column.Name)+"::"+textCastOf(u.Column.Type)+"::"+typ)
		if u.Column.Default != nil {
			d, err := pgDefault(u.Column.Default)
			if err != nil {
				return nil, fmt.Errorf("column %s.%s: %w", u.Table, u.Column.Name, err)
			}
			out = append(out, col+" SET DEFAULT "+d)
		}
	}
	return append(out, "DROP TYPE "+pgQName(old.Schema, tmp)), nil
}

// textCastOf returns "text", or "text[]" for an array type.
func textCastOf(typ string) string {
	if strings.HasSuffix(typ, "[]") {
		return "text[]"
	}
	return "text"
}

// pgTableChange renders CreateTable, DropTable, RenameTable and CommentTable.
func pgTableChange(c *diff.Change) ([]string, error) {
	switch c.Kind {
	case diff.CreateTable:
		if c.TableDef == nil {
			return nil, errMissing("table definition")
		}
		s, err := pgCreateTable(c.TableDef)
		return []string{s}, err
	case diff.DropTable:
		if c.TableDef == nil {
			return nil, errMissing("table definition")
		}
		return []string{"DROP TABLE " + pgQName(c.TableDef.Schema, c.TableDef.Name)}, nil
	case diff.RenameTable:
		if c.OldName.Name == "" || c.Table.Name == "" {
			return nil, errMissing("old or new table name")
		}
		var out []string
		cur := c.OldName
		if cur.Schema != c.Table.Schema {
			out = append(out, pgAlterTable(cur)+" SET SCHEMA "+pgIdent(c.Table.Schema))
			cur.Schema = c.Table.Schema
		}
		if cur.Name != c.Table.Name {
			out = append(out, pgAlterTable(cur)+" RENAME TO "+pgIdent(c.Table.Name))
			for _, col := range c.SerialColumns {
				out = append(out, pgRenameSequence(c.Table.Schema, cur.Name, col, c.Table.Name, col))
			}
		}
		return out, nil
	default:
		return []string{"COMMENT ON TABLE " + pgQName(c.Table.Schema, c.Table.Name) + " IS " + pgComment(c.Comment)}, nil
	}
}

// pgCreateTable renders CREATE TABLE with columns, primary key, unique and
// check constraints inline, one per line.
func pgCreateTable(t *schema.Table) (string, error) {
	var lines []string
	for _, col := range t.Columns {
		def, err := pgColumnDef(col)
		if err != nil {
			return "", fmt.Errorf("column %s: %w", col.Name, err)
		}
		lines = append(lines, def)
	}
	if t.PrimaryKey != nil {
		s, err := pgPrimaryKey(t.PrimaryKey)
		if err != nil {
			return "", err
		}
		lines = append(lines, s)
	}
	for _, u := range t.Uniques {
		s, err := pgUnique(u)
		if err != nil {
			return "", err
		}
		lines = append(lines, s)
	}
	for _, ck := range t.Checks {
		s, err := pgCheck(ck)
		if err != nil {
			return "", err
		}
		lines = append(lines, s)
	}
	head := "CREATE TABLE " + pgQName(t.Schema, t.Name)
	if len(lines) == 0 {
		return head + " ()", nil
	}
	return head + " (\n  " + strings.Join(lines, ",\n  ") + "\n)", nil
}

// pgColumnChange renders AddColumn, DropColumn, RenameColumn and CommentColumn.
func pgColumnChange(c *diff.Change) ([]string, error) {
	if c.Column == nil {
		return nil, errMissing("column")
	}
	switch c.Kind {
	case diff.AddColumn:
		def, err := pgColumnDef(c.Column)
		if err != nil {
			return nil, err
		}
		return []string{pgAlterTable(c.Table) + " ADD COLUMN " + def}, nil
	case diff.DropColumn:
		return []string{pgAlterTable(c.Table) + " DROP COLUMN " + pgIdent(c.Column.Name)}, nil
	case diff.RenameColumn:
		if c.OldColumn == nil {
			return nil, errMissing("old column")
		}
		out := []string{pgAlterTable(c.Table) + " RENAME COLUMN " + pgIdent(c.OldColumn.Name) + " TO " + pgIdent(c.Column.Name)}
		if _, serial := serialBase(c.OldColumn.Type); serial {
			out = append(out, pgRenameSequence(c.Table.Schema, c.Table.Name, c.OldColumn.Name, c.Table.Name, c.Column.Name))
		}
		return out, nil
	default:
		return []string{"COMMENT ON COLUMN " + pgQName(c.Table.Schema, c.Table.Name) + "." + pgIdent(c.Column.Name) +
			" IS " + pgComment(c.Comment)}, nil
	}
}

// pgColumnDef renders a column definition:
// "name" type [COLLATE] [identity] [generated] [DEFAULT] [NOT NULL].
func pgColumnDef(col *schema.Column) (string, error) {
	typ, err := pgType(col.Type)
	if err != nil {
		return "", err
	}
	parts := []string{pgIdent(col.Name), typ}
	if col.Collation != "" {
		parts = append(parts, "COLLATE "+pgIdent(col.Collation))
	}
	if col.Identity != nil {
		parts = append(parts, pgIdentity(col.Identity))
	}
	if col.Computed != nil {
		if strings.TrimSpace(col.Computed.Expr) == "" {
			return "", errors.New("empty generated expression")
		}
		parts = append(parts, "GENERATED ALWAYS AS ("+col.Computed.Source.Or(col.Computed.Expr)+") STORED")
	}
	if col.Default != nil {
		d, err := pgDefault(col.Default)
		if err != nil {
			return "", err
		}
		parts = append(parts, "DEFAULT "+d)
	}
	if !col.Null {
		parts = append(parts, "NOT NULL")
	}
	return strings.Join(parts, " "), nil
}

// pgIdentity renders GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(options)].
func pgIdentity(id *schema.Identity) string {
	s := "GENERATED BY DEFAULT AS IDENTITY"
	if id.Always {
		s = "GENERATED ALWAYS AS IDENTITY"
	}
	if opts := identityOptions(id); len(opts) > 0 {
		s += " (" + strings.Join(opts, " ") + ")"
	}
	return s
}

// identityOptions returns the sequence options of an identity that differ
// from the default 1.
func identityOptions(id *schema.Identity) []string {
	var opts []string
	if seed := orOne(id.Seed); seed != 1 {
		opts = append(opts, "START WITH "+strconv.FormatInt(seed, 10))
	}
	if inc := orOne(id.Increment); inc != 1 {
		opts = append(opts, "INCREMENT BY "+strconv.FormatInt(inc, 10))
	}
	return opts
}

// orOne returns n, or 1 when n is 0 (unset).
func orOne(n int64) int64 {
	if n == 0 {
		return 1
	}
	return n
}

// pgAlterColumn renders an AlterColumn as the statements that take old to
// col, in an order PostgreSQL accepts: generated expression and identity
// removed first, the default dropped before a cast, then type, nullability,
// default and identity.
func pgAlterColumn(t schema.QName, old, col *schema.Column, a diff.ColumnAlter) ([]string, error) {
	prefix := pgAlterColumnPrefix(t, col.Name)
	if a.Computed && col.Computed != nil {
		// PostgreSQL before 17 cannot change or add a generation expression:
		// the column is dropped and added again (its values are computed anyway).
		def, err := pgColumnDef(col)
		if err != nil {
			return nil, err
		}
		return []string{
			pgAlterTable(t) + " DROP COLUMN " + pgIdent(old.Name),
			pgAlterTable(t) + " ADD COLUMN " + def,
		}, nil
	}
	var out []string
	if a.Computed && old.Computed != nil {
		out = append(out, prefix+" DROP EXPRESSION")
	}
	if a.Identity && old.Identity != nil && col.Identity == nil {
		out = append(out, prefix+" DROP IDENTITY")
	}
	oldBase, oldSerial := serialBase(old.Type)
	newBase, newSerial := serialBase(col.Type)
	seq := pgQName(t.Schema, schema.PostgresObjectName(t.Name, col.Name, "seq"))
	if a.Type && oldSerial && !newSerial {
		out = append(out, prefix+" DROP DEFAULT", "DROP SEQUENCE "+seq)
	}
	restoreDefault := a.Default || a.Type
	if old.Default != nil && (a.Type || (a.Default && col.Default == nil)) {
		// A default is dropped before a type change: it may not cast (enum ↔ text).
		out = append(out, prefix+" DROP DEFAULT")
		restoreDefault = true
	}
	if (a.Type && oldBase != newBase) || a.Collation {
		typ, err := pgType(newBase)
		if err != nil {
			return nil, err
		}
		s := prefix + " TYPE " + typ
		if col.Collation != "" {
			s += " COLLATE " + pgIdent(col.Collation)
		}
		if oldBase != newBase {
			from := pgIdent(col.Name)
			if isUserType(oldBase) && typ != textCastOf(oldBase) {
				from += "::" + textCastOf(oldBase)
			}
			s += " USING " + from + "::" + typ
		}
		out = append(out, s)
		if oldSerial && newSerial {
			out = append(out, "ALTER SEQUENCE "+seq+" AS "+typ)
		}
	}
	if a.Type && newSerial && !oldSerial {
		out = append(out,
			"CREATE SEQUENCE "+seq+" AS "+newBase+" OWNED BY "+pgQName(t.Schema, t.Name)+"."+pgIdent(col.Name),
			prefix+" SET DEFAULT nextval("+pgLiteral(seq)+"::regclass)",
			"SELECT setval("+pgLiteral(seq)+", COALESCE(MAX("+pgIdent(col.Name)+"), 0) + 1, false) FROM "+pgQName(t.Schema, t.Name),
		)
	}
	if a.Null {
		if col.Null {
			out = append(out, prefix+" DROP NOT NULL")
		} else {
			out = append(out, prefix+" SET NOT NULL")
		}
	}
	if restoreDefault && col.Default != nil {
		d, err := pgDefault(col.Default)
		if err != nil {
			return nil, err
		}
		out = append(out, prefix+" SET DEFAULT "+d)
	}
	if a.Identity && col.Identity != nil {
		out = append(out, pgAlterIdentity(prefix, old.Identity, col.Identity)...)
	}
	return out, nil
}

// pgAlterIdentity adds an identity, or changes an existing one to id.
func pgAlterIdentity(prefix string, old, id *schema.Identity) []string {
	if old == nil {
		return []string{prefix + " ADD " + pgIdentity(id)}
	}
	var opts []string
	if old.Always != id.Always {
		if id.Always {
			opts = append(opts, "SET GENERATED ALWAYS")
		} else {
			opts = append(opts, "SET GENERATED BY DEFAULT")
		}
	}
	if orOne(old.Seed) != orOne(id.Seed) {
		opts = append(opts, "SET START WITH "+strconv.FormatInt(orOne(id.Seed), 10))
	}
	if orOne(old.Increment) != orOne(id.Increment) {
		opts = append(opts, "SET INCREMENT BY "+strconv.FormatInt(orOne(id.Increment), 10))
	}
	if len(opts) == 0 {
		return nil
	}
	return []string{prefix + " " + strings.Join(opts, " ")}
}

// pgRenameSequence renames the sequence of a serial column after its table
// or the column was renamed (PostgreSQL keeps the old name), so that the
// sequence keeps the name schemadiff gives it: table_column_seq.
func pgRenameSequence(schemaName, oldTable, oldCol, table, col string) string {
	return "ALTER SEQUENCE " + pgQName(schemaName, schema.PostgresObjectName(oldTable, oldCol, "seq")) +
		" RENAME TO " + pgIdent(schema.PostgresObjectName(table, col, "seq"))
}

// serialBase maps a serial pseudo-type to the integer type under it; other
// types come back unchanged with false.
func serialBase(typ string) (string, bool) {
	switch typ {
	case "smallserial", "serial2":
		return "smallint", true
	case "serial", "serial4":
		return "integer", true
	case "bigserial", "serial8":
		return "bigint", true
	}
	return typ, false
}

// isUserType reports whether a type names a user type (schema.name).
func isUserType(typ string) bool { return strings.Contains(typ, ".") }

// pgAlterTable returns "ALTER TABLE "schema"."table"".
func pgAlterTable(t schema.QName) string { return "ALTER TABLE " + pgQName(t.Schema, t.Name) }

// pgAlterColumnPrefix returns "ALTER TABLE ... ALTER COLUMN "col"".
func pgAlterColumnPrefix(t schema.QName, col string) string {
	return pgAlterTable(t) + " ALTER COLUMN " + pgIdent(col)
}

// pgConstraintOf renders the constraint clause an Add* change adds.
func pgConstraintOf(c *diff.Change) (string, error) {
	switch {
	case c.Kind == diff.AddPrimaryKey && c.PrimaryKey != nil:
		return pgPrimaryKey(c.PrimaryKey)
	case c.Kind == diff.AddUnique && c.Unique != nil:
		return pgUnique(c.Unique)
	case c.Kind == diff.AddCheck && c.Check != nil:
		return pgCheck(c.Check)
	case c.Kind == diff.AddForeignKey && c.ForeignKey != nil:
		return pgForeignKey(c.ForeignKey)
	}
	return "", errMissing("constraint")
}

// constraintName returns the name of the constraint a Drop* change drops.
func constraintName(c *diff.Change) (string, error) {
	var name string
	switch {
	case c.Kind == diff.DropPrimaryKey && c.PrimaryKey != nil:
		name = c.PrimaryKey.Name
	case c.Kind == diff.DropUnique && c.Unique != nil:
		name = c.Unique.Name
	case c.Kind == diff.DropCheck && c.Check != nil:
		name = c.Check.Name
	case c.Kind == diff.DropForeignKey && c.ForeignKey != nil:
		name = c.ForeignKey.Name
	}
	if name == "" {
		return "", errMissing("constraint name")
	}
	return name, nil
}

// renamedConstraintName returns the new name of the constraint a
// RenameConstraint renames, checking that the old one is known.
func renamedConstraintName(c *diff.Change) (string, error) {
	name := constraintNewName(c)
	if name == "" || c.RenamedFrom == "" {
		return "", errMissing("old or new constraint name")
	}
	return name, nil
}

// constraintPrefix returns `CONSTRAINT "name" ` or "" for an unnamed one.
func constraintPrefix(name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + pgIdent(name) + " "
}

// pgPrimaryKey renders a PRIMARY KEY constraint clause.
func pgPrimaryKey(pk *schema.PrimaryKey) (string, error) {
	cols, err := pgColumnList(pk.Columns)
	if err != nil {
		return "", fmt.Errorf("primary key %s: %w", pk.Name, err)
	}
	return constraintPrefix(pk.Name) + "PRIMARY KEY (" + cols + ")", nil
}

// pgUnique renders a UNIQUE constraint clause.
func pgUnique(u *schema.Unique) (string, error) {
	cols, err := pgColumnList(u.Columns)
	if err != nil {
		return "", fmt.Errorf("unique %s: %w", u.Name, err)
	}
	return constraintPrefix(u.Name) + "UNIQUE (" + cols + ")", nil
}

// pgCheck renders a CHECK constraint clause.
func pgCheck(ck *schema.Check) (string, error) {
	if strings.TrimSpace(ck.Expr) == "" {
		return "", fmt.Errorf("check %s: empty expression", ck.Name)
	}
	return constraintPrefix(ck.Name) + "CHECK (" + ck.Source.Or(ck.Expr) + ")", nil
}

// pgForeignKey renders a FOREIGN KEY constraint clause.
func pgForeignKey(fk *schema.ForeignKey) (string, error) {
	cols, err := pgColumnList(fk.Columns)
	if err != nil {
		return "", fmt.Errorf("foreign key %s: %w", fk.Name, err)
	}
	refs, err := pgColumnList(fk.RefColumns)
	if err != nil {
		return "", fmt.Errorf("foreign key %s references: %w", fk.Name, err)
	}
	s := constraintPrefix(fk.Name) + "FOREIGN KEY (" + cols + ") REFERENCES " + pgQName(fk.RefSchema, fk.RefTable) + " (" + refs + ")"
	for _, act := range []struct{ on, action string }{{"DELETE", fk.OnDelete}, {"UPDATE", fk.OnUpdate}} {
		a, err := fkAction(act.action)
		if err != nil {
			return "", fmt.Errorf("foreign key %s: ON %s: %w", fk.Name, act.on, err)
		}
		if a != "" {
			s += " ON " + act.on + " " + a
		}
	}
	if fk.Deferrable || fk.InitiallyDeferred {
		s += " DEFERRABLE"
	}
	if fk.InitiallyDeferred {
		s += " INITIALLY DEFERRED"
	}
	return s, nil
}

// fkAction validates a referential action; NO ACTION (the default) is "".
func fkAction(a string) (string, error) {
	switch u := strings.ToUpper(strings.Join(strings.Fields(a), " ")); u {
	case "", "NO ACTION":
		return "", nil
	case "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT":
		return u, nil
	}
	return "", fmt.Errorf("unknown referential action %q", a)
}

// pgColumnList renders a non-empty list of quoted column names.
func pgColumnList(cols []string) (string, error) {
	if len(cols) == 0 {
		return "", errors.New("no columns")
	}
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = pgIdent(c)
	}
	return strings.Join(q, ", "), nil
}

// pgCreateIndex renders CREATE INDEX.
func pgCreateIndex(t schema.QName, ix *schema.Index, concurrently bool) (string, error) {
	if ix.Name == "" {
		return "", errMissing("index name")
	}
	if len(ix.Parts) == 0 {
		return "", fmt.Errorf("index %s has no key parts", ix.Name)
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	if ix.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX ")
	if concurrently {
		b.WriteString("CONCURRENTLY ")
	}
	b.WriteString(pgIdent(ix.Name) + " ON " + pgQName(t.Schema, t.Name))
	if ix.Using != "" {
		b.WriteString(" USING " + pgIdent(ix.Using))
	}
	parts := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		s, err := pgIndexPart(p)
		if err != nil {
			return "", fmt.Errorf("index %s: %w", ix.Name, err)
		}
		parts[i] = s
	}
	b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	if len(ix.Include) > 0 {
		inc, _ := pgColumnList(ix.Include)
		b.WriteString(" INCLUDE (" + inc + ")")
	}
	if ix.Where != "" {
		b.WriteString(" WHERE " + ix.WhereSource.Or(ix.Where))
	}
	return b.String(), nil
}

// pgIndexPart renders one key part: "col" or (expr), with direction and nulls order.
func pgIndexPart(p schema.IndexPart) (string, error) {
	var s string
	switch {
	case p.Column != "" && p.Expr == "":
		s = pgIdent(p.Column)
	case p.Expr != "" && p.Column == "":
		s = "(" + p.ExprSource.Or(p.Expr) + ")"
	default:
		return "", errors.New("a key part needs exactly one of column and expression")
	}
	if p.Desc {
		s += " DESC"
	}
	switch strings.ToLower(p.Nulls) {
	case "":
	case "first":
		s += " NULLS FIRST"
	case "last":
		s += " NULLS LAST"
	default:
		return "", fmt.Errorf("unknown nulls order %q", p.Nulls)
	}
	return s, nil
}

// pgType renders a column type: a built-in spelling as it is, a user type
// (schema.name, maybe with []) with each part quoted. A type that could break
// out of its place in a statement is refused.
func pgType(typ string) (string, error) {
	if strings.TrimSpace(typ) == "" {
		return "", errors.New("empty type")
	}
	if strings.ContainsAny(typ, `;'"\`) || strings.Contains(typ, "--") || strings.Contains(typ, "/*") ||
		strings.IndexFunc(typ, unicode.IsControl) >= 0 {
		return "", fmt.Errorf("invalid type %q", typ)
	}
	base, arr := typ, ""
	for strings.HasSuffix(base, "[]") {
		base, arr = base[:len(base)-2], arr+"[]"
	}
	if i := strings.IndexByte(base, '.'); i >= 0 {
		return pgQName(base[:i], base[i+1:]) + arr, nil
	}
	return typ, nil
}

// pgDefault renders a column default.
func pgDefault(d *schema.Default) (string, error) {
	switch d.Kind {
	case schema.DefaultString:
		return pgLiteral(d.Value), nil
	case schema.DefaultNumber:
		if !isNumber(d.Value) {
			return "", fmt.Errorf("invalid numeric default %q", d.Value)
		}
		return d.Value, nil
	case schema.DefaultBool:
		if d.Value != "true" && d.Value != "false" {
			return "", fmt.Errorf("invalid boolean default %q", d.Value)
		}
		return d.Value, nil
	case schema.DefaultExpr:
		if strings.TrimSpace(d.Value) == "" {
			return "", errors.New("empty default expression")
		}
		return d.Source.Or(d.Value), nil
	}
	return "", fmt.Errorf("unknown default kind %q", d.Kind)
}

// isNumber reports whether s is a decimal numeric literal: [+-]digits[.digits][e[+-]digits].
func isNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	n := digits()
	if i < len(s) && s[i] == '.' {
		i++
		n += digits()
	}
	if n == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// pgIdent quotes an identifier, doubling inner double quotes.
func pgIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// pgQName quotes a schema-qualified name.
func pgQName(schemaName, name string) string {
	if schemaName == "" {
		return pgIdent(name)
	}
	return pgIdent(schemaName) + "." + pgIdent(name)
}

// pgLiteral quotes a string literal, doubling single quotes. A string holding
// a backslash is written as an E'...' literal with backslashes doubled, so it
// reads the same whatever standard_conforming_strings is.
func pgLiteral(s string) string {
	q := "'" + strings.ReplaceAll(s, "'", "''") + "'"
	if strings.Contains(s, `\`) {
		return "E" + strings.ReplaceAll(q, `\`, `\\`)
	}
	return q
}

// pgComment renders the value of COMMENT ON: a literal, or NULL to remove.
func pgComment(s string) string {
	if s == "" {
		return "NULL"
	}
	return pgLiteral(s)
}
