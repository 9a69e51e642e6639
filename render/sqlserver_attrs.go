package render

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// The SQL Server attributes: DESC keys of key constraints, index options,
// columnstore indexes and the state of checks and foreign keys (T-SQL of
// CREATE INDEX, CREATE COLUMNSTORE INDEX, ALTER INDEX and ALTER TABLE on
// Microsoft Learn).

// msKeyColumns renders the column list of a PRIMARY KEY or UNIQUE
// constraint, DESC where desc says.
func msKeyColumns(cols, desc []string) (string, error) {
	list, err := columnList(sqlserverDialect{}, cols)
	if err != nil || len(desc) == 0 {
		return list, err
	}
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = msIdent(c)
		if slices.Contains(desc, c) {
			parts[i] += " DESC"
		}
	}
	return strings.Join(parts, ", "), nil
}

// msIndexOptions lists the WITH options of an index that differ from SQL
// Server's defaults, in the order CREATE INDEX documents them.
func msIndexOptions(ix *schema.Index) []string {
	var opts []string
	if ix.PadIndex {
		opts = append(opts, "PAD_INDEX = ON")
	}
	if ix.FillFactor != 0 {
		opts = append(opts, "FILLFACTOR = "+strconv.FormatInt(ix.FillFactor, 10))
	}
	if ix.IgnoreDupKey {
		opts = append(opts, "IGNORE_DUP_KEY = ON")
	}
	if ix.DataCompression != "" {
		opts = append(opts, "DATA_COMPRESSION = "+ix.DataCompression)
	}
	return opts
}

// msIndexWith renders " WITH (…)" for the options of an index, or "".
func msIndexWith(ix *schema.Index) string {
	opts := msIndexOptions(ix)
	if len(opts) == 0 {
		return ""
	}
	return " WITH (" + strings.Join(opts, ", ") + ")"
}

// msCreateColumnstoreIndex renders CREATE CLUSTERED COLUMNSTORE INDEX (no
// columns: it holds them all) or CREATE NONCLUSTERED COLUMNSTORE INDEX on
// its columns, with an optional filter and DATA_COMPRESSION.
func msCreateColumnstoreIndex(t schema.QName, ix *schema.Index) (string, error) {
	clustered := msClustered(ix.Clustered, false)
	if ix.Unique || len(ix.Include) > 0 || ix.FillFactor != 0 || ix.PadIndex || ix.IgnoreDupKey {
		return "", fmt.Errorf("index %s: a columnstore index is never unique and takes no INCLUDE, FILLFACTOR, PAD_INDEX or IGNORE_DUP_KEY", ix.Name)
	}
	s := "CREATE " + clustered + " COLUMNSTORE INDEX " + msIdent(ix.Name) + " ON " + msQName(t)
	if clustered == "CLUSTERED" {
		if len(ix.Parts) > 0 || ix.Where != "" {
			return "", fmt.Errorf("index %s: a clustered columnstore index takes no columns and no filter", ix.Name)
		}
		return s + msIndexWith(ix), nil
	}
	cols := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		if p.Column == "" || p.Expr != "" || p.Desc || p.Nulls != "" {
			return "", fmt.Errorf("index %s: columnstore index columns are plain columns, with no order", ix.Name)
		}
		cols[i] = msIdent(p.Column)
	}
	if len(cols) == 0 {
		return "", fmt.Errorf("index %s: a nonclustered columnstore index needs columns", ix.Name)
	}
	s += " (" + strings.Join(cols, ", ") + ")"
	if ix.Where != "" {
		where := ix.WhereSource.Or(ix.Where)
		if err := msCheckFilter(where); err != nil {
			return "", fmt.Errorf("index %s: SQL Server cannot filter an index by %q: %w", ix.Name, where, err)
		}
		s += " WHERE " + where
	}
	return s + msIndexWith(ix), nil
}

// constraintState returns the state and the live name of the check or
// foreign key a change carries (ok false for other constraints).
func constraintState(c *diff.Change) (schema.ConstraintState, string, bool) {
	switch {
	case c.Check != nil && (c.Kind == diff.AddCheck || c.Kind == diff.SetConstraintState):
		return c.Check.ConstraintState, cmp.Or(c.Check.SystemName, c.Check.Name), true
	case c.ForeignKey != nil && (c.Kind == diff.AddForeignKey || c.Kind == diff.SetConstraintState):
		return c.ForeignKey.ConstraintState, cmp.Or(c.ForeignKey.SystemName, c.ForeignKey.Name), true
	}
	return schema.ConstraintState{}, "", false
}

// addConstraint renders ALTER TABLE … ADD clause: on SQL Server a check or
// foreign key that is not to check existing rows is added WITH NOCHECK, and
// one that is disabled is disabled right after (NOCHECK CONSTRAINT).
func addConstraint(d dialect, c *diff.Change, clause string) ([]string, error) {
	s, name, _ := constraintState(c)
	if !s.NoCheck {
		return []string{d.alterTable(c.Table) + " ADD " + clause}, nil
	}
	if d.statementDialect() != schema.SQLServer {
		return nil, fmt.Errorf("constraint %s: only SQL Server adds a constraint WITH NOCHECK", name)
	}
	out := []string{d.alterTable(c.Table) + " WITH NOCHECK ADD " + clause}
	if s.Disabled {
		if name == "" {
			return nil, errMissing("constraint name")
		}
		out = append(out, d.alterTable(c.Table)+" NOCHECK CONSTRAINT "+d.ident(name))
	}
	return out, nil
}

// sqlServerOnly renders RebuildIndex and SetConstraintState, which only SQL
// Server plans hold.
func sqlServerOnly(d dialect, c *diff.Change) ([]string, error) {
	if d.statementDialect() != schema.SQLServer {
		return nil, fmt.Errorf("%s is a SQL Server change", c.Kind)
	}
	if c.Kind == diff.RebuildIndex {
		if c.Index == nil || c.Index.Name == "" {
			return nil, errMissing("index name")
		}
		return []string{msRebuildIndex(c.Table, c.Index)}, nil
	}
	s, name, ok := constraintState(c)
	if !ok || name == "" {
		return nil, errMissing("check or foreign key")
	}
	alter := msAlterTable(c.Table)
	switch {
	case s.Disabled:
		return []string{alter + " NOCHECK CONSTRAINT " + msIdent(name)}, nil
	case s.NoCheck: // enabled, not trusted: disable, then enable without checking the rows
		return []string{alter + " NOCHECK CONSTRAINT " + msIdent(name), alter + " WITH NOCHECK CHECK CONSTRAINT " + msIdent(name)}, nil
	}
	return []string{alter + " WITH CHECK CHECK CONSTRAINT " + msIdent(name)}, nil
}

// msRebuildIndex renders ALTER INDEX … REBUILD WITH (…), every option said
// (an option left out of REBUILD keeps its value, so defaults are spelled).
func msRebuildIndex(t schema.QName, ix *schema.Index) string {
	var opts []string
	if !ix.Columnstore {
		onOff := func(b bool) string {
			if b {
				return "ON"
			}
			return "OFF"
		}
		ff := ix.FillFactor
		if ff == 0 {
			ff = 100
		}
		opts = append(opts, "PAD_INDEX = "+onOff(ix.PadIndex), "FILLFACTOR = "+strconv.FormatInt(ff, 10))
		if ix.Unique {
			opts = append(opts, "IGNORE_DUP_KEY = "+onOff(ix.IgnoreDupKey))
		}
	}
	compression := ix.DataCompression
	if compression == "" {
		compression = "NONE"
		if ix.Columnstore {
			compression = "COLUMNSTORE"
		}
	}
	opts = append(opts, "DATA_COMPRESSION = "+compression)
	return "ALTER INDEX " + msIdent(ix.Name) + " ON " + msQName(t) + " REBUILD WITH (" + strings.Join(opts, ", ") + ")"
}

// describeSQLServerChange describes RebuildIndex and SetConstraintState.
func describeSQLServerChange(c *diff.Change) string {
	t := c.Table.String()
	if c.Kind == diff.RebuildIndex {
		opts := "default options"
		if c.Index != nil && len(msIndexOptions(c.Index)) > 0 {
			opts = strings.Join(msIndexOptions(c.Index), ", ")
		}
		return "rebuild index " + indexName(c) + " on " + t + " with " + opts
	}
	s, name, _ := constraintState(c)
	kind := "check"
	if c.ForeignKey != nil {
		kind = "foreign key"
	}
	switch {
	case s.Disabled:
		return "disable " + kind + " " + name + " on " + t
	case s.NoCheck:
		return "enable " + kind + " " + name + " on " + t + " without checking its rows (WITH NOCHECK)"
	}
	return "enable " + kind + " " + name + " on " + t + ", checking its rows (WITH CHECK)"
}

// msAttrsNeedExecute reports whether a SQL Server change uses an attribute
// that SQLAlchemy 1.4's mssql dialect (the one Debian ships, and Alembic's
// op.* on it) has no keyword for: its CREATE INDEX knows mssql_clustered,
// mssql_include and mssql_where only (no columnstore, no WITH options), and
// its constraints take no DESC, NOCHECK or NOT FOR REPLICATION. Such a
// change runs as op.execute of the T-SQL render.SQL prints.
func msAttrsNeedExecute(c *diff.Change) bool {
	switch {
	case c.Kind == diff.RebuildIndex || c.Kind == diff.SetConstraintState:
		return true
	case c.Kind == diff.CreateTable && c.TableDef != nil:
		t := c.TableDef
		if t.PrimaryKey != nil && len(t.PrimaryKey.Desc) > 0 {
			return true
		}
		for _, u := range t.Uniques {
			if len(u.Desc) > 0 {
				return true
			}
		}
		for _, ck := range t.Checks {
			if ck.ConstraintState != (schema.ConstraintState{}) {
				return true
			}
		}
		for _, col := range t.Columns {
			if col.Identity != nil && col.Identity.NotForReplication {
				return true
			}
		}
	case c.Kind == diff.AddColumn || c.Kind == diff.AlterColumn:
		return c.Column != nil && c.Column.Identity != nil && c.Column.Identity.NotForReplication
	case c.Kind == diff.AddPrimaryKey && c.PrimaryKey != nil:
		return len(c.PrimaryKey.Desc) > 0
	case c.Kind == diff.AddUnique && c.Unique != nil:
		return len(c.Unique.Desc) > 0
	case c.Kind == diff.AddCheck && c.Check != nil:
		return c.Check.ConstraintState != (schema.ConstraintState{})
	case c.Kind == diff.AddForeignKey && c.ForeignKey != nil:
		return c.ForeignKey.ConstraintState != (schema.ConstraintState{})
	case c.Kind == diff.CreateIndex && c.Index != nil:
		return c.Index.Columnstore || len(msIndexOptions(c.Index)) > 0
	}
	return false
}

// msIdentityReplication renders the change of an identity column's NOT FOR
// REPLICATION alone, which sys.sp_identitycolumnforreplication makes in
// place (Microsoft Learn: sp_identitycolumnforreplication, whose arguments
// are the table's object id and 1 or 0; EXEC takes no function call as an
// argument, hence the variable, in the same batch). ok is false when the
// identity changes otherwise.
func msIdentityReplication(t schema.QName, old, col *schema.Column) (string, bool) {
	if old.Identity == nil || col.Identity == nil {
		return "", false
	}
	x := *col.Identity
	x.NotForReplication = old.Identity.NotForReplication
	if x != *old.Identity || old.Identity.NotForReplication == col.Identity.NotForReplication {
		return "", false
	}
	value := "0"
	if col.Identity.NotForReplication {
		value = "1"
	}
	return "DECLARE @object_id int = OBJECT_ID(" + msLiteral(msQName(t)) + ");\nEXEC sys.sp_identitycolumnforreplication @object_id, " + value, true
}
