package render

import (
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// Describe returns a one-line description of a change, e.g. "create table
// public.users", "add column email to public.users" or "alter column
// public.users.email: type character varying(50) → text, set not null".
// Names are written unquoted; it never fails, even on an incomplete change.
// d is the dialect of the plan (schema.Database.Dialect, diff.Plan.Dialect):
// SQL Server modules are named without their parameters, which are in their
// text, and a view replaced in place says CREATE OR ALTER.
func Describe(d schema.Dialect, c *diff.Change) string {
	if c == nil {
		return "(no change)"
	}
	t := c.Table.String()
	switch c.Kind {
	case diff.CreateSchema:
		return "create schema " + schemaNameOf(c)
	case diff.DropSchema:
		return "drop schema " + schemaNameOf(c)
	case diff.CommentSchema:
		return describeComment("schema "+schemaNameOf(c), schemaComment(c))
	case diff.CreateEnum:
		return "create enum " + enumName(c.Enum) + " " + enumValues(c.Enum)
	case diff.DropEnum:
		return "drop enum " + enumName(c.Enum)
	case diff.AddEnumValue:
		s := "add value " + quoteText(c.Value) + " to enum " + enumName(c.Enum)
		if c.ValueBefore != "" {
			s += " before " + quoteText(c.ValueBefore)
		}
		return s
	case diff.RecreateEnum:
		return "recreate enum " + enumName(c.Enum) + ": " + enumValues(c.OldEnum) + " → " + enumValues(c.Enum)
	case diff.CreateTable:
		return "create table " + tableDefName(c)
	case diff.DropTable:
		return "drop table " + tableDefName(c)
	case diff.RenameTable:
		return "rename table " + c.OldName.String() + " to " + t
	case diff.CommentTable:
		return describeComment("table "+t, c.Comment)
	case diff.AddColumn:
		return "add column " + columnName(c.Column) + " to " + t
	case diff.DropColumn:
		return "drop column " + columnName(c.Column) + " from " + t
	case diff.RenameColumn:
		return "rename column " + t + "." + columnName(c.OldColumn) + " to " + columnName(c.Column)
	case diff.AlterColumn:
		s := "alter column " + t + "." + columnName(c.Column)
		if parts := alterParts(c); len(parts) > 0 {
			s += ": " + strings.Join(parts, ", ")
		}
		return s
	case diff.CommentColumn:
		return describeComment("column "+t+"."+columnName(c.Column), c.Comment)
	case diff.AddPrimaryKey, diff.AddUnique, diff.AddCheck, diff.AddExclude, diff.AddForeignKey:
		s := "add " + constraintDesc(c) + " to " + t
		switch {
		case c.Check != nil && c.Check.NotValid, c.ForeignKey != nil && c.ForeignKey.NotValid:
			s += " NOT VALID"
		case c.UsingIndex:
			s += " using its index"
		}
		return s
	case diff.ValidateConstraint:
		return "validate " + constraintDesc(c) + " of " + t
	case diff.DropPrimaryKey, diff.DropUnique, diff.DropCheck, diff.DropExclude, diff.DropForeignKey:
		return "drop " + constraintDesc(c) + " from " + t
	case diff.CreateIndex:
		s := "create "
		if c.Index != nil && c.Index.Unique {
			s += "unique "
		}
		if c.Index != nil && c.Index.Clustered != nil && *c.Index.Clustered {
			s += "clustered "
		}
		if c.Index != nil && c.Index.Columnstore {
			s += "columnstore "
		}
		s += "index " + indexName(c) + " on " + t
		if c.Index != nil && c.Index.Where != "" {
			s += " where " + c.Index.WhereSource.Or(c.Index.Where)
		}
		return s + concurrentlyNote(c)
	case diff.DropIndex:
		if c.IfExists {
			return "drop index " + indexName(c) + " if a failed build left it" + concurrentlyNote(c)
		}
		return "drop index " + indexName(c) + concurrentlyNote(c)
	case diff.RenameIndex:
		name := "?"
		if c.Index != nil {
			name = c.Index.Name
		}
		return "rename index " + qualifiedIn(c.Table, c.RenamedFrom) + " to " + name
	case diff.RenameConstraint:
		return "rename " + renamedConstraintKind(c) + " " + qualifiedIn(c.Table, c.RenamedFrom) + " to " + constraintNewName(c) + " on " + t
	case diff.RebuildIndex, diff.SetConstraintState:
		return describeSQLServerChange(c)
	case diff.AlterTableOptions:
		return describeTableOptions(c)
	case diff.CommentEnum:
		return describeComment("enum "+enumName(c.Enum), c.Comment)
	case diff.CreatePolicy, diff.DropPolicy, diff.AlterPolicy, diff.CommentPolicy, diff.AlterRowSecurity,
		diff.AttachPartition, diff.DetachPartition:
		return describeRLS(c)
	case diff.CommentConstraint:
		return describeComment(constraintDesc(c)+" on "+t, c.Comment)
	case diff.CommentIndex:
		return describeComment("index "+indexName(c), c.Comment)
	case diff.AlterIndexStorage:
		return "alter index " + indexName(c) + " storage parameters"
	case diff.AlterForeignKeyDeferrable:
		return "alter " + constraintDesc(c) + " on " + t + " deferrable"
	case diff.CreateFunction, diff.DropFunction, diff.ReplaceFunction, diff.CommentFunction,
		diff.CreateTrigger, diff.DropTrigger, diff.ReplaceTrigger, diff.CommentTrigger:
		return describeFunctionChange(d, c)
	case diff.RenameDefault:
		return "rename default " + qualifiedIn(c.Table, c.RenamedFrom) + " to " + defaultNewName(c) + " on " + t + "." + columnName(c.Column)
	case diff.CreateView, diff.DropView, diff.ReplaceView, diff.CommentView:
		return describeView(d, c)
	}
	if s, ok := describeTypeObject(c); ok {
		return s
	}
	return strings.ReplaceAll(string(c.Kind), "_", " ") + " " + t
}

// describeComment describes setting (or, for "", removing) a comment.
func describeComment(object, comment string) string {
	if comment == "" {
		return "remove comment on " + object
	}
	return "comment on " + object + ": " + quoteText(comment)
}

// alterParts lists what an AlterColumn changes, e.g. "type integer → bigint".
func alterParts(c *diff.Change) []string {
	old, col, a := c.OldColumn, c.Column, c.Alter
	if old == nil || col == nil {
		return nil
	}
	var parts []string
	if a.Type {
		parts = append(parts, "type "+old.Type+" → "+col.Type)
	}
	if a.Collation {
		parts = append(parts, "collation "+orDefault(old.Collation)+" → "+orDefault(col.Collation))
	}
	if a.Computed {
		switch {
		case col.Computed == nil:
			parts = append(parts, "drop generation expression")
		default:
			parts = append(parts, "generated as ("+col.Computed.Source.Or(col.Computed.Expr)+")")
		}
	}
	if a.Identity {
		switch {
		case col.Identity == nil:
			parts = append(parts, "drop identity")
		case old.Identity == nil:
			parts = append(parts, "add identity "+identityDesc(col.Identity))
		default:
			parts = append(parts, "identity "+identityDesc(old.Identity)+" → "+identityDesc(col.Identity))
		}
	}
	if a.Null {
		if col.Null {
			parts = append(parts, "drop not null")
		} else {
			parts = append(parts, "set not null")
		}
	}
	if a.Default {
		switch {
		case col.Default == nil:
			parts = append(parts, "drop default")
		case old.Default == nil:
			parts = append(parts, "set default "+defaultDesc(col.Default))
		default:
			parts = append(parts, "default "+defaultDesc(old.Default)+" → "+defaultDesc(col.Default))
		}
	}
	return append(parts, storageParts(old, col, a)...)
}

// identityDesc describes an identity: "always", "by default start 100 increment 5".
func identityDesc(id *schema.Identity) string {
	s := "by default"
	if id.Always {
		s = "always"
	}
	if n := orOne(id.Seed); n != 1 {
		s += " start " + strconv.FormatInt(n, 10)
	}
	if n := orOne(id.Increment); n != 1 {
		s += " increment " + strconv.FormatInt(n, 10)
	}
	if id.MinValue != nil {
		s += " minvalue " + strconv.FormatInt(*id.MinValue, 10)
	}
	if id.MaxValue != nil {
		s += " maxvalue " + strconv.FormatInt(*id.MaxValue, 10)
	}
	if id.Cache > 1 {
		s += " cache " + strconv.FormatInt(id.Cache, 10)
	}
	if id.Cycle {
		s += " cycle"
	}
	if id.NotForReplication {
		s += " not for replication"
	}
	return s
}

// defaultDesc shows a default the way SQL would: strings quoted, the rest as is.
func defaultDesc(d *schema.Default) string {
	switch d.Kind {
	case schema.DefaultString:
		return quoteText(d.Value)
	case schema.DefaultExpr:
		return d.Source.Or(d.Value)
	}
	return d.Value
}

// constraintDesc names the constraint of a constraint change with what is
// known of it, e.g. "foreign key users_tenant_id_fkey (tenant_id) → public.tenants (id)".
func constraintDesc(c *diff.Change) string {
	switch {
	case c.PrimaryKey != nil:
		return "primary key " + c.PrimaryKey.Name + columnsDesc(c.PrimaryKey.Columns)
	case c.Unique != nil:
		return "unique " + c.Unique.Name + columnsDesc(c.Unique.Columns)
	case c.Check != nil:
		if c.Check.Expr == "" {
			return "check " + c.Check.Name
		}
		return "check " + c.Check.Name + " (" + c.Check.Source.Or(c.Check.Expr) + ")"
	case c.Exclude != nil:
		return "exclusion constraint " + c.Exclude.Name + excludeDesc(c.Exclude)
	case c.ForeignKey != nil:
		fk := c.ForeignKey
		s := "foreign key " + fk.Name + columnsDesc(fk.Columns)
		if fk.RefTable != "" {
			s += " → " + fk.RefQName().String() + columnsDesc(fk.RefColumns)
		}
		return s
	}
	return "constraint"
}

// columnsDesc lists columns as " (a, b)", or "" when there are none.
func columnsDesc(cols []string) string {
	if len(cols) == 0 {
		return ""
	}
	return " (" + strings.Join(cols, ", ") + ")"
}

// schemaNameOf returns the schema name of a schema change.
func schemaNameOf(c *diff.Change) string {
	if c.Schema == nil {
		return "?"
	}
	return c.Schema.Name
}

// enumName returns the qualified name of an enum.
func enumName(e *schema.Enum) string {
	if e == nil {
		return "?"
	}
	return e.QName().String()
}

// enumValues lists an enum's values: ('a', 'b').
func enumValues(e *schema.Enum) string {
	if e == nil {
		return "()"
	}
	q := make([]string, len(e.Values))
	for i, v := range e.Values {
		q[i] = quoteText(v)
	}
	return "(" + strings.Join(q, ", ") + ")"
}

// tableDefName returns the qualified name of a CreateTable/DropTable table.
func tableDefName(c *diff.Change) string {
	if c.TableDef == nil {
		return c.Table.String()
	}
	return c.TableDef.QName().String()
}

// columnName returns a column's name.
func columnName(col *schema.Column) string {
	if col == nil {
		return "?"
	}
	return col.Name
}

// indexName returns the qualified name of an index change's index.
func indexName(c *diff.Change) string {
	if c.Index == nil {
		return "?"
	}
	return schema.QName{Schema: c.Table.Schema, Name: c.Index.Name}.String()
}

// concurrentlyNote marks a concurrent index change.
func concurrentlyNote(c *diff.Change) string {
	if c.Concurrently {
		return " (concurrently)"
	}
	return ""
}

// orDefault returns s, or "default" when s is empty.
func orDefault(s string) string {
	if s == "" {
		return "default"
	}
	return s
}

// quoteText quotes s in single quotes for display, doubling inner quotes and
// escaping line breaks so a description stays on one line.
func quoteText(s string) string {
	s = strings.ReplaceAll(s, "'", "''")
	s = strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(s)
	return "'" + s + "'"
}

// qualifiedIn writes name in the schema of table t ("public.users_pkey"): the
// namespace of indexes and constraints.
func qualifiedIn(t schema.QName, name string) string {
	return schema.QName{Schema: t.Schema, Name: name}.String()
}

// renamedConstraintKind names the kind of constraint a RenameConstraint renames.
func renamedConstraintKind(c *diff.Change) string {
	switch {
	case c.PrimaryKey != nil:
		return "primary key"
	case c.Unique != nil:
		return "unique"
	case c.Check != nil:
		return "check"
	case c.Exclude != nil:
		return "exclusion constraint"
	case c.ForeignKey != nil:
		return "foreign key"
	}
	return "constraint"
}

// constraintNewName returns the new name of a RenameConstraint, "" when unknown.
func constraintNewName(c *diff.Change) string {
	switch {
	case c.PrimaryKey != nil:
		return c.PrimaryKey.Name
	case c.Unique != nil:
		return c.Unique.Name
	case c.Check != nil:
		return c.Check.Name
	case c.Exclude != nil:
		return c.Exclude.Name
	case c.ForeignKey != nil:
		return c.ForeignKey.Name
	}
	return ""
}

// defaultNewName returns the new name of a RenameDefault, "" when unknown.
func defaultNewName(c *diff.Change) string {
	if c.Column == nil {
		return ""
	}
	return c.Column.DefaultName
}

// describeView describes CreateView, DropView, ReplaceView and CommentView,
// e.g. "create materialized view public.totals".
func describeView(d schema.Dialect, c *diff.Change) string {
	name := "view " + c.Table.String()
	if c.View != nil {
		name = c.View.Describe()
	}
	switch c.Kind {
	case diff.CreateView:
		return "create " + name
	case diff.DropView:
		return "drop " + name
	case diff.ReplaceView:
		if d == schema.SQLServer {
			return "replace " + name + " (CREATE OR ALTER)"
		}
		return "replace " + name + " (CREATE OR REPLACE)"
	}
	return describeComment(name, c.Comment)
}
