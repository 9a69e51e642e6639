package render

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// oldEnumLabel ends the temporary name a RecreateEnum moves the old type to:
// <name>__schemadiff_old, shortened as PostgreSQL shortens derived names.
const oldEnumLabel = "_schemadiff_old"

// errMissing reports a change that lacks a field its Kind requires.
func errMissing(field string) error {
	return fmt.Errorf("the change has no %s", field)
}

// postgresDialect renders PostgreSQL.
type postgresDialect struct{}

// statementDialect is empty: a PostgreSQL statement needs no batch separator.
func (postgresDialect) statementDialect() schema.Dialect { return "" }

// noTransaction: CONCURRENTLY refuses a transaction block; a value ALTER
// TYPE … ADD VALUE adds cannot be used until its transaction commits, so it
// runs on its own too (later statements may set it as a default).
func (postgresDialect) noTransaction(c *diff.Change) bool {
	return c.Concurrently && (c.Kind == diff.CreateIndex || c.Kind == diff.DropIndex) || c.Kind == diff.AddEnumValue ||
		c.Kind == diff.ValidateConstraint // a transaction of its own: the NOT VALID constraint commits first
}

func (postgresDialect) ident(name string) string         { return pgIdent(name) }
func (postgresDialect) alterTable(t schema.QName) string { return pgAlterTable(t) }

func (postgresDialect) columnDef(_ string, col *schema.Column) (string, error) {
	return pgColumnDef(col)
}

func (postgresDialect) constraintName(c *diff.Change) (string, error) { return constraintName(c) }

func (postgresDialect) dropIndex(t schema.QName, name string, concurrently bool) string {
	conc := ""
	if concurrently {
		conc = "CONCURRENTLY "
	}
	return "DROP INDEX " + conc + pgQName(t.Schema, name)
}

func (postgresDialect) renameIndex(t schema.QName, old, name string) string {
	return "ALTER INDEX " + pgQName(t.Schema, old) + " RENAME TO " + pgIdent(name)
}

// renameConstraint renames a constraint; a primary key's or unique
// constraint's index follows its constraint.
func (postgresDialect) renameConstraint(t schema.QName, old, name string) string {
	return pgAlterTable(t) + " RENAME CONSTRAINT " + pgIdent(old) + " TO " + pgIdent(name)
}

func (postgresDialect) qname(q schema.QName) string { return pgQName(q.Schema, q.Name) }

func (postgresDialect) commentSchema(c *diff.Change) string {
	return "COMMENT ON SCHEMA " + pgIdent(c.Schema.Name) + " IS " + pgComment(schemaComment(c))
}

func (postgresDialect) moveTable(t schema.QName, schemaName string) string {
	return pgAlterTable(t) + " SET SCHEMA " + pgIdent(schemaName)
}

// renameTable renames t to c.Table.Name, and the sequences of its serial
// columns after it.
func (postgresDialect) renameTable(t schema.QName, c *diff.Change) []string {
	out := []string{pgAlterTable(t) + " RENAME TO " + pgIdent(c.Table.Name)}
	for _, col := range c.SerialColumns {
		out = append(out, pgRenameSequence(c.Table.Schema, t.Name, col, c.Table.Name, col))
	}
	return out
}

func (postgresDialect) commentTable(c *diff.Change) ([]string, error) {
	return []string{"COMMENT ON TABLE " + pgQName(c.Table.Schema, c.Table.Name) + " IS " + pgComment(c.Comment)}, nil
}

// onlineStep renders the steps diff.Options.Online plans ("ALTER TABLE":
// VALIDATE CONSTRAINT, ADD table_constraint_using_index; "DROP INDEX":
// CONCURRENTLY, IF EXISTS); a constraint added NOT VALID is an ordinary
// AddCheck or AddForeignKey of a NotValid constraint.
func (postgresDialect) onlineStep(c *diff.Change) ([]string, error) {
	switch {
	case c.Kind == diff.ValidateConstraint:
		name := ""
		if c.ForeignKey != nil {
			name = c.ForeignKey.Name
		} else if c.Check != nil {
			name = c.Check.Name
		}
		if name == "" {
			return nil, errMissing("constraint name")
		}
		return []string{pgAlterTable(c.Table) + " VALIDATE CONSTRAINT " + pgIdent(name)}, nil
	case c.UsingIndex && c.Kind == diff.AddUnique && c.Unique != nil && c.Unique.Name != "":
		return []string{pgAlterTable(c.Table) + " ADD CONSTRAINT " + pgIdent(c.Unique.Name) + " UNIQUE USING INDEX " + pgIdent(c.Unique.Name) +
			pgDeferrable(c.Unique.Deferrable, c.Unique.InitiallyDeferred)}, nil
	case c.UsingIndex && c.Kind == diff.AddPrimaryKey && c.PrimaryKey != nil && c.PrimaryKey.Name != "":
		return []string{pgAlterTable(c.Table) + " ADD CONSTRAINT " + pgIdent(c.PrimaryKey.Name) + " PRIMARY KEY USING INDEX " + pgIdent(c.PrimaryKey.Name) +
			pgDeferrable(c.PrimaryKey.Deferrable, c.PrimaryKey.InitiallyDeferred)}, nil
	case c.IfExists && c.Kind == diff.DropIndex && c.Index != nil && c.Index.Name != "":
		conc := ""
		if c.Concurrently {
			conc = "CONCURRENTLY "
		}
		return []string{"DROP INDEX " + conc + "IF EXISTS " + pgQName(c.Table.Schema, c.Index.Name)}, nil
	}
	return nil, fmt.Errorf("%s: no online form of this change", c.Kind)
}

func (postgresDialect) renameDefault(*diff.Change) ([]string, error) {
	return nil, errors.New("PostgreSQL defaults have no name to rename")
}

// schemaComment returns the comment a CommentSchema sets: Schema.Comment,
// or Comment when only that is set.
func schemaComment(c *diff.Change) string {
	if c.Schema != nil && c.Schema.Comment != "" {
		return c.Schema.Comment
	}
	return c.Comment
}

// enumChange renders CreateEnum, DropEnum, AddEnumValue and RecreateEnum.
func (postgresDialect) enumChange(c *diff.Change) ([]string, error) {
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
		if u.RestoreDefault {
			d, err := pgDefault(u.Column.Default)
			if err != nil {
				return nil, fmt.Errorf("column %s.%s: %w", u.Table, u.Column.Name, err)
			}
			out = append(out, col+" SET DEFAULT "+d)
		}
	}
	return append(out, "DROP TYPE "+pgQName(old.Schema, tmp)), nil
}

// pgUsing returns the USING expression that converts column col from type
// old to typ (rendered): the schema file's expression when it gives one,
// else a cast (through text from a user type such as an enum).
func pgUsing(col *schema.Column, old, typ, using string) string {
	if using != "" {
		return using
	}
	from := pgIdent(col.Name)
	if isUserType(old) && typ != textCastOf(old) {
		from += "::" + textCastOf(old)
	}
	return from + "::" + typ
}

// textCastOf returns "text", or "text[]" for an array type.
func textCastOf(typ string) string {
	if strings.HasSuffix(typ, "[]") {
		return "text[]"
	}
	return "text"
}

// createTable renders CREATE TABLE with columns, primary key, unique and
// check constraints inline, one per line.
func (postgresDialect) createTable(t *schema.Table) (string, error) {
	lines, err := tableElements(postgresDialect{}, t)
	if err != nil {
		return "", err
	}
	if t.PartitionOf != nil {
		return pgCreatePartition(t, lines), nil
	}
	head := "CREATE TABLE " + pgQName(t.Schema, t.Name)
	tail := ""
	if t.PartitionBy != nil {
		tail = pgPartitionBy(t.PartitionBy)
	}
	if len(lines) == 0 {
		return head + " ()" + tail, nil
	}
	return head + " (\n  " + strings.Join(lines, ",\n  ") + "\n)" + tail, nil
}

// columnChange renders AddColumn, DropColumn, RenameColumn and CommentColumn.
func (postgresDialect) columnChange(c *diff.Change) ([]string, error) {
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
		parts = append(parts, pgIdentity(col.Type, col.Identity))
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

// pgIdentity renders GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(options)]
// for a column of type typ.
func pgIdentity(typ string, id *schema.Identity) string {
	s := "GENERATED BY DEFAULT AS IDENTITY"
	if id.Always {
		s = "GENERATED ALWAYS AS IDENTITY"
	}
	if opts := identityOptions(typ, &schema.Identity{}, id, false); len(opts) > 0 {
		s += " (" + strings.Join(opts, " ") + ")"
	}
	return s
}

// identityOptions returns the sequence options (CREATE SEQUENCE syntax) that
// take identity old to id on a column of type typ; old is the zero Identity
// for a new one, whose defaults come from PostgreSQL (schema.IdentityBounds).
// alter prefixes each with SET, as ALTER COLUMN … SET sequence_option wants.
// The bounds are restated when the direction flips: their defaults follow it.
func identityOptions(typ string, old, id *schema.Identity, alter bool) []string {
	var opts []string
	add := func(opt string) {
		if alter {
			opt = "SET " + opt
		}
		opts = append(opts, opt)
	}
	flipped := alter && turnsRound(old, id)
	if alter && orOne(old.Seed) != orOne(id.Seed) || !alter && id.Seed != 0 && id.Seed != schema.IdentityDefaultStart(typ, id) {
		add("START WITH " + strconv.FormatInt(id.Seed, 10))
	}
	if inc := orOne(id.Increment); inc != orOne(old.Increment) {
		add("INCREMENT BY " + strconv.FormatInt(inc, 10))
	}
	for _, b := range []struct {
		name     string
		old, new *int64
	}{{"MINVALUE", old.MinValue, id.MinValue}, {"MAXVALUE", old.MaxValue, id.MaxValue}} {
		switch {
		case b.new != nil && (flipped || b.old == nil || *b.old != *b.new):
			add(b.name + " " + strconv.FormatInt(*b.new, 10))
		case b.new == nil && (flipped || b.old != nil):
			add("NO " + b.name)
		}
	}
	if cache := max(id.Cache, 1); cache != max(old.Cache, 1) {
		add("CACHE " + strconv.FormatInt(cache, 10))
	}
	switch {
	case id.Cycle && !old.Cycle:
		add("CYCLE")
	case !id.Cycle && old.Cycle:
		add("NO CYCLE")
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

// alterColumn renders an AlterColumn as the statements that take old to
// col, in an order PostgreSQL accepts: generated expression and identity
// removed first, the default dropped before a cast, then type, nullability,
// default and identity.
func (postgresDialect) alterColumn(t schema.QName, old, col *schema.Column, a diff.ColumnAlter) ([]string, error) {
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
			s += " USING " + pgUsing(col, oldBase, typ, a.Using)
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
		out = append(out, pgAlterIdentity(t, col, old.Identity)...)
	}
	return append(out, pgColumnStorage(prefix, col, a)...), nil
}

// pgAlterIdentity adds an identity to column col of table t, or changes an
// existing one to id. An identity added to a column that holds rows (a
// serial or plain column) continues after them: its sequence starts at
// START (1) and the next INSERT would otherwise fail with a duplicate key.
func pgAlterIdentity(t schema.QName, col *schema.Column, old *schema.Identity) []string {
	id := col.Identity
	prefix := pgAlterColumnPrefix(t, col.Name)
	if old == nil {
		return []string{prefix + " ADD " + pgIdentity(col.Type, id), pgContinueIdentity(t, col.Name, id)}
	}
	var opts []string
	if old.Always != id.Always {
		if id.Always {
			opts = append(opts, "SET GENERATED ALWAYS")
		} else {
			opts = append(opts, "SET GENERATED BY DEFAULT")
		}
	}
	opts = append(opts, identityOptions(col.Type, old, id, true)...)
	if len(opts) == 0 {
		return nil
	}
	if turnsRound(old, id) {
		// The current value is outside the new bounds (RESTART value cannot
		// be greater than MAXVALUE): restart at START, then continue past
		// the rows.
		return []string{prefix + " " + strings.Join(opts, " ") + " RESTART", pgContinueIdentity(t, col.Name, id)}
	}
	return []string{prefix + " " + strings.Join(opts, " ")}
}

// turnsRound reports whether an identity changes direction (the sign of its
// increment): the defaults of its bounds follow the direction.
func turnsRound(old, id *schema.Identity) bool {
	return orOne(old.Increment) < 0 != (orOne(id.Increment) < 0)
}

// pgContinueIdentity returns the statement that moves the sequence of the
// identity id of column col past the values the table holds: for an
// ascending sequence, to MAX(col) when that is at or beyond its START (the
// next value is then MAX + INCREMENT); for a descending one, to MIN(col). On
// an empty table, or one whose values the sequence does not reach, it sets
// nothing. It is a plain SELECT, so it runs in every migration format and
// inside a transaction.
func pgContinueIdentity(t schema.QName, col string, id *schema.Identity) string {
	agg, cmp := "max", ">="
	if orOne(id.Increment) < 0 {
		agg, cmp = "min", "<="
	}
	v := agg + "(" + pgIdent(col) + ")"
	return "SELECT setval(pg_get_serial_sequence(" + pgLiteral(pgQName(t.Schema, t.Name)) + ", " + pgLiteral(col) + "), " + v +
		") FROM " + pgQName(t.Schema, t.Name) + " HAVING " + v + " " + cmp + " " + strconv.FormatInt(orOne(id.Seed), 10)
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
	case c.Kind == diff.DropExclude && c.Exclude != nil:
		name = c.Exclude.Name
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

// primaryKey renders a PRIMARY KEY constraint clause.
func (postgresDialect) primaryKey(_ string, pk *schema.PrimaryKey) (string, error) {
	cols, err := columnList(postgresDialect{}, pk.Columns)
	if err != nil {
		return "", fmt.Errorf("primary key %s: %w", pk.Name, err)
	}
	return constraintPrefix(postgresDialect{}, pk.Name) + "PRIMARY KEY (" + cols + ")" + pgDeferrable(pk.Deferrable, pk.InitiallyDeferred), nil
}

// unique renders a UNIQUE constraint clause.
func (postgresDialect) unique(u *schema.Unique) (string, error) {
	cols, err := columnList(postgresDialect{}, u.Columns)
	if err != nil {
		return "", fmt.Errorf("unique %s: %w", u.Name, err)
	}
	s := constraintPrefix(postgresDialect{}, u.Name) + "UNIQUE "
	if u.NullsNotDistinct {
		s += "NULLS NOT DISTINCT "
	}
	return s + "(" + cols + ")" + pgDeferrable(u.Deferrable, u.InitiallyDeferred), nil
}

// foreignKey renders a FOREIGN KEY constraint clause.
func (postgresDialect) foreignKey(fk *schema.ForeignKey) (string, error) {
	cols, err := columnList(postgresDialect{}, fk.Columns)
	if err != nil {
		return "", fmt.Errorf("foreign key %s: %w", fk.Name, err)
	}
	refs, err := columnList(postgresDialect{}, fk.RefColumns)
	if err != nil {
		return "", fmt.Errorf("foreign key %s references: %w", fk.Name, err)
	}
	s := constraintPrefix(postgresDialect{}, fk.Name) + "FOREIGN KEY (" + cols + ") REFERENCES " + pgQName(fk.RefSchema, fk.RefTable) + " (" + refs + ")"
	if fk.MatchFull {
		s += " MATCH FULL"
	}
	for _, act := range []struct{ on, action string }{{"DELETE", fk.OnDelete}, {"UPDATE", fk.OnUpdate}} {
		a, err := fkAction(act.action)
		if err != nil {
			return "", fmt.Errorf("foreign key %s: ON %s: %w", fk.Name, act.on, err)
		}
		if a != "" {
			s += " ON " + act.on + " " + a
		}
	}
	s += pgDeferrable(fk.Deferrable, fk.InitiallyDeferred)
	if fk.NotValid {
		s += " NOT VALID"
	}
	return s, nil
}

// pgDeferrable renders the DEFERRABLE and INITIALLY DEFERRED clauses of a
// constraint ("" when it is neither).
func pgDeferrable(deferrable, initiallyDeferred bool) string {
	switch {
	case initiallyDeferred:
		return " DEFERRABLE INITIALLY DEFERRED"
	case deferrable:
		return " DEFERRABLE"
	}
	return ""
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

// createIndex renders CREATE INDEX.
func (postgresDialect) createIndex(t schema.QName, ix *schema.Index, concurrently bool) (string, error) {
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
		inc, _ := columnList(postgresDialect{}, ix.Include)
		b.WriteString(" INCLUDE (" + inc + ")")
	}
	if ix.NullsNotDistinct {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	if len(ix.With) > 0 {
		with, err := pgStorageParams(ix.With)
		if err != nil {
			return "", fmt.Errorf("index %s: %w", ix.Name, err)
		}
		b.WriteString(" WITH (" + with + ")")
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
	if p.Collation != "" {
		s += " COLLATE " + pgIdent(p.Collation)
	}
	if p.Opclass != "" {
		name, params := schema.SplitOpclass(p.Opclass)
		q := schema.ParseQName(name, "")
		if q.Schema != "" {
			s += " " + pgQName(q.Schema, q.Name)
		} else {
			s += " " + pgIdent(name)
		}
		if params != nil {
			ps, err := pgStorageParams(params)
			if err != nil {
				return "", fmt.Errorf("operator class %s: %w", p.Opclass, err)
			}
			s += " (" + ps + ")"
		}
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
		return pgLiteral(d.Source.Or(d.Value)), nil // as written (see Normalize)
	case schema.DefaultNumber:
		v := d.Source.Or(d.Value) // as written: 0.0 keeps its scale
		if !isNumber(v) {
			return "", fmt.Errorf("invalid numeric default %q", v)
		}
		return v, nil
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

// pgStorageParams renders "name=value" parameters (canonical, see
// schema.Index.With) as "name = value, …", the name quoted and the value a
// quoted literal unless it is a plain number or word.
func pgStorageParams(params []string) (string, error) {
	out := make([]string, len(params))
	for i, p := range params {
		name, value, ok := strings.Cut(p, "=")
		if !ok || name == "" || value == "" {
			return "", fmt.Errorf("parameter %q is not name=value", p)
		}
		if !pgPlainValue.MatchString(value) {
			value = "'" + strings.ReplaceAll(value, "'", "''") + "'"
		}
		out[i] = pgIdent(name) + " = " + value
	}
	return strings.Join(out, ", "), nil
}

// pgPlainValue matches a parameter value written without quotes: a number or
// a lower-case word (true, off, on).
var pgPlainValue = regexp.MustCompile(`^(-?[0-9]+(\.[0-9]+)?|[a-z_]+)$`)
