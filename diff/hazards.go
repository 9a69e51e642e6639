package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// hazard builds a Hazard whose message is one sentence.
func hazard(code string, severity Severity, format string, args ...any) Hazard {
	return Hazard{Code: code, Severity: severity, Message: fmt.Sprintf(format, args...)}
}

// columnName renders table.column for messages.
func columnName(table schema.QName, column string) string { return table.String() + "." + column }

// dropSchemaHazard is an error when the dropped schema still holds tables or
// enums (they go with it), information otherwise.
func (d *differ) dropSchemaHazard(name string) Hazard {
	n := 0
	for _, t := range d.src.Tables {
		if t.Schema == name {
			n++
		}
	}
	for _, e := range d.src.Enums {
		if e.Schema == name {
			n++
		}
	}
	if n > 0 {
		return hazard(HazardDropSchema, Error, "Dropping schema %s drops the %d tables and enums it holds.", name, n)
	}
	return hazard(HazardDropSchema, Info, "Dropping schema %s, which holds no tables or enums.", name)
}

// recreateEnumHazards names the values an enum loses (rows holding them make
// the change fail) and the tables rewritten to retype the columns using it.
func recreateEnumHazards(old, new *schema.Enum, uses []ColumnRef) []Hazard {
	var hs []Hazard
	var lost []string
	for _, v := range old.Values {
		if !slices.Contains(new.Values, v) {
			lost = append(lost, "'"+v+"'")
		}
	}
	if len(lost) > 0 {
		hs = append(hs, hazard(HazardDropEnumValue, Error, "Enum %s loses %s: the change fails if a row holds one of them.", old.QName(), strings.Join(lost, ", ")))
	}
	var tables []string
	for _, u := range uses {
		if !slices.Contains(tables, u.Table.String()) {
			tables = append(tables, u.Table.String())
		}
	}
	if len(tables) > 0 {
		hs = append(hs, hazard(HazardTableRewrite, Warning, "Recreating enum %s retypes its columns, rewriting %s under an ACCESS EXCLUSIVE lock.", old.QName(), strings.Join(tables, ", ")))
	}
	return hs
}

// dropTableHazard: the rows of a dropped table are lost.
func dropTableHazard(t *schema.Table) Hazard {
	return hazard(HazardDropTable, Error, "Dropping table %s deletes all its rows.", t.QName())
}

// dropColumnHazard: the values of a dropped column are lost. When the column
// is dropped to be added again as new (nil for a plain drop), the values of
// a computed column are computed anew; those of a column that becomes
// computed, or whose SQL Server IDENTITY changes, are lost.
func dropColumnHazard(table schema.QName, c, new *schema.Column) Hazard {
	switch {
	case new == nil:
		return hazard(HazardDropColumn, Error, "Dropping column %s deletes its values.", columnName(table, c.Name))
	case c.Computed != nil:
		return hazard(HazardDropColumn, Info, "Computed column %s is dropped and added again with its new definition.", columnName(table, c.Name))
	case new.Computed != nil:
		return hazard(HazardDropColumn, Error, "Column %s is dropped and added again as a computed column: its stored values are lost.", columnName(table, c.Name))
	}
	return hazard(HazardDropColumn, Error, "Column %s is dropped and added again because SQL Server cannot add, remove or change IDENTITY on an existing column: its values are lost.", columnName(table, c.Name))
}

// addColumnHazards: a NOT NULL column with no way to fill it fails on a
// table with rows; on PostgreSQL, a volatile default rewrites the table.
func (d *differ) addColumnHazards(table schema.QName, c *schema.Column) []Hazard {
	var hs []Hazard
	if d.dst.Dialect == schema.Postgres {
		hs = volatileDefaultHazards(table, c)
	}
	switch {
	case c.Null, c.Default != nil, c.Identity != nil, c.Computed != nil, isSerial(c.Type):
		return hs
	}
	return append(hs, hazard(HazardNotNullNoDefault, Warning, "Adding NOT NULL column %s without a default fails if table %s has rows.", columnName(table, c.Name), table))
}

func isSerial(typ string) bool { return typ == "smallserial" || typ == "serial" || typ == "bigserial" }

// volatileDefaultHazards: since PostgreSQL 11, ADD COLUMN with a non-volatile
// default only records the default in the catalog; a volatile default, a
// serial type (whose default is nextval()) or an identity is computed for
// every existing row, which rewrites the table under an ACCESS EXCLUSIVE lock
// (ALTER TABLE, Notes: "Adding a column with a volatile DEFAULT or changing
// the type of an existing column will require the entire table and its
// indexes to be rewritten"; an identity column is filled from its sequence).
func volatileDefaultHazards(table schema.QName, c *schema.Column) []Hazard {
	what := perRowDefault(c)
	if what == "" {
		return nil
	}
	return []Hazard{hazard(HazardVolatileDefault, Warning, "Adding column %s with %s computes it for every row, rewriting table %s under an ACCESS EXCLUSIVE lock; add the column without a default, set the default, then backfill in batches.", columnName(table, c.Name), what, table)}
}

// perRowDefault names what makes PostgreSQL compute a new column's value
// per existing row (a serial type, an identity, a volatile default), or ""
// when nothing does.
func perRowDefault(c *schema.Column) string {
	switch {
	case isSerial(c.Type):
		return "type " + c.Type + " (a nextval() default)"
	case c.Identity != nil:
		return "an identity (filled from its sequence)"
	case c.Default != nil && c.Default.Kind == schema.DefaultExpr:
		// PostgreSQL functions whose value differs per row (pg_proc.provolatile = 'v').
		volatile := []string{"random(", "gen_random_uuid(", "uuid_generate_v1(", "uuid_generate_v1mc(", "uuid_generate_v4(",
			"clock_timestamp(", "timeofday(", "nextval(", "txid_current(", "setseed("}
		v := strings.ToLower(strings.ReplaceAll(c.Default.Value, " ", ""))
		if slices.ContainsFunc(volatile, func(f string) bool { return strings.Contains(v, f) }) {
			return "the volatile default " + c.Default.Source.Or(c.Default.Value)
		}
	}
	return ""
}

// renameTableHazard: clients still using the old name fail once a table is
// renamed or moved to another schema.
func renameTableHazard(old, new schema.QName) Hazard {
	return hazard(HazardRenameTable, Warning, "Renaming table %s to %s breaks every client still using the old name; deploy code that reads both names first (or keep a view under the old name).", old, new)
}

// renameColumnHazard: clients still using the old name fail once a column
// is renamed.
func renameColumnHazard(table schema.QName, old, new string) Hazard {
	return hazard(HazardRenameColumn, Warning, "Renaming column %s to %s breaks every client still using the old name; add the new column, write both, backfill, then drop the old one.", columnName(table, old), new)
}

// dropIndexHazards: on PostgreSQL, DROP INDEX without CONCURRENTLY takes an
// ACCESS EXCLUSIVE lock on the table ("DROP INDEX", CONCURRENTLY), which
// queues every read and write behind any running query.
func (d *differ) dropIndexHazards(table schema.QName, x *schema.Index) []Hazard {
	if d.dst.Dialect != schema.Postgres || d.concurrentIndexes(table) {
		return nil
	}
	return []Hazard{hazard(HazardBlockingIndex, Warning, "Dropping index %s without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on table %s, blocking reads and writes behind running queries.", x.Name, table)}
}

// alterColumnHazards: narrowing and rewriting type changes, and SET NOT NULL.
func (d *differ) alterColumnHazards(table schema.QName, old, new *schema.Column, using string) []Hazard {
	var hs []Hazard
	if h, ok := d.noCastHazard(table, old, new, using); ok {
		hs = append(hs, h)
	}
	if old.Type != new.Type {
		narrows, rewrites := typeChange(old.Type, new.Type)
		if narrows {
			hs = append(hs, hazard(HazardNarrowType, Error, "Changing column %s from %s to %s can lose data or fail on existing values.", columnName(table, new.Name), old.Type, new.Type))
		}
		if rewrites && d.dst.Dialect == schema.Postgres {
			hs = append(hs, hazard(HazardTableRewrite, Warning, "Changing column %s from %s to %s rewrites table %s under an ACCESS EXCLUSIVE lock.", columnName(table, new.Name), old.Type, new.Type, table))
		}
	}
	if old.Null && !new.Null {
		lock := "an ACCESS EXCLUSIVE lock"
		if d.dst.Dialect == schema.SQLServer {
			lock = "a schema modification lock"
		}
		hs = append(hs, hazard(HazardSetNotNull, Warning, "Setting column %s NOT NULL fails if a row holds NULL, and scans table %s under %s.", columnName(table, new.Name), table, lock))
	}
	return hs
}

// noCastHazard is an error when a PostgreSQL column changes between types
// that have no cast (pg_cast, nor I/O conversion through a string type: see
// PostgresCastable) and the schema file gives no USING expression: the
// ALTER COLUMN … TYPE fails ("cannot cast type bigint to timestamp without
// time zone", SQLSTATE 42846) whatever the rows hold.
func (d *differ) noCastHazard(table schema.QName, old, new *schema.Column, using string) (Hazard, bool) {
	if d.dst.Dialect != schema.Postgres || old.Type == new.Type || using != "" {
		return Hazard{}, false
	}
	if castable, known := PostgresCastable(old.Type, new.Type); castable || !known {
		return Hazard{}, false
	}
	attr := "using"
	if d.reverse {
		attr = "using_down"
	}
	return hazard(HazardNoCast, Error, "PostgreSQL has no cast from %s to %s: changing column %s fails; set %s on the column in the schema file to an SQL expression that computes the new value from %s.",
		old.Type, new.Type, columnName(table, new.Name), attr, old.Name), true
}

// uniqueMayFailHazard: a new primary key or unique constraint or index on an existing table.
func uniqueMayFailHazard(table schema.QName, what, name string) Hazard {
	return hazard(HazardUniqueMayFail, Warning, "Adding %s %s on table %s fails if existing rows hold duplicates.", what, name, table)
}

// checkMayFailHazard: a new check constraint on an existing table.
func checkMayFailHazard(table schema.QName, c *schema.Check) Hazard {
	return hazard(HazardCheckMayFail, Warning, "Adding check constraint %s on table %s fails if existing rows violate it.", c.Name, table)
}

// foreignKeyMayFailHazard: a new foreign key on an existing table.
func foreignKeyMayFailHazard(table schema.QName, fk *schema.ForeignKey) Hazard {
	return hazard(HazardForeignKeyMayFail, Warning, "Adding foreign key %s on table %s fails if existing rows reference missing rows of %s.", fk.Name, table, fk.RefQName())
}

// createIndexHazards: an index built on an existing table blocks writes to
// it (see blockingIndexHazards); a unique one fails on duplicates; a
// clustered one rebuilds the table (SQL Server). old is the index of that
// name it replaces (nil when there is none): a filter lost or changed is
// named.
func (d *differ) createIndexHazards(table schema.QName, old, x *schema.Index) []Hazard {
	hs := d.blockingIndexHazards(table, x)
	if x.Unique {
		hs = append(hs, uniqueMayFailHazard(table, "unique index", x.Name))
	}
	if old != nil && d.dst.Dialect == schema.SQLServer {
		hs = append(hs, filterHazards(table, old, x)...)
	}
	what := "creating index " + x.Name
	if old != nil {
		what = "changing index " + x.Name
		if isClustered(old) && !isClustered(x) {
			what = "dropping clustered index " + x.Name + " (created again nonclustered)"
		}
		if isClustered(old) || isClustered(x) {
			return append(hs, clusteredRebuildHazards(table, what, new(true))...)
		}
	}
	return append(hs, clusteredRebuildHazards(table, what, x.Clustered)...)
}

// blockingIndexHazards: building an index on an existing table blocks writes
// to it while it builds. PostgreSQL: CREATE INDEX without CONCURRENTLY holds a
// SHARE lock. SQL Server: an offline build, the default, holds a shared (S)
// lock on the table for a nonclustered index and a schema modification
// (Sch-M) lock, which blocks reads too, for a clustered one; ONLINE = ON
// avoids that, on Enterprise edition and Azure SQL only ("CREATE INDEX
// (Transact-SQL)", ONLINE; "Guidelines for online index operations").
func (d *differ) blockingIndexHazards(table schema.QName, x *schema.Index) []Hazard {
	switch {
	case d.concurrentIndexes(table):
		return nil
	case d.dst.Dialect == schema.Postgres && d.onlineIndexes():
		return []Hazard{hazard(HazardBlockingIndex, Warning, "Creating index %s on partitioned table %s blocks writes to it and its partitions while it builds: PostgreSQL builds no index CONCURRENTLY on a partitioned table (create it ON ONLY the parent, build each partition's CONCURRENTLY and ATTACH them to avoid that).", x.Name, table)}
	case d.dst.Dialect == schema.Postgres:
		return []Hazard{hazard(HazardBlockingIndex, Warning, "Creating index %s without CONCURRENTLY blocks writes to table %s while it builds.", x.Name, table)}
	case d.dst.Dialect == schema.SQLServer:
		lock := "a shared lock that blocks writes"
		if isClustered(x) {
			lock = "a schema modification lock that blocks reads and writes"
		}
		how := "(WITH (ONLINE = ON) avoids that on Enterprise edition and Azure SQL)"
		if d.opts.Online {
			how = "(--online builds it WITH (ONLINE = ON) only where the edition supports it: sqlserver_edition enterprise, developer or azure)"
		}
		return []Hazard{hazard(HazardBlockingIndex, Warning, "Creating index %s builds it offline, holding %s on table %s until it is built %s.", x.Name, lock, table, how)}
	}
	return nil
}

// filterHazards: a filtered index of an existing table that loses its filter
// now covers every row; one whose filter changes covers other rows, and if
// unique, rows it did not cover before may now collide.
func filterHazards(table schema.QName, old, x *schema.Index) []Hazard {
	switch {
	case old.Where == x.Where:
		return nil
	case x.Where == "":
		return []Hazard{hazard(HazardFilterLost, Warning, "Index %s on table %s loses its filter (%s): it now covers every row.", x.Name, table, old.WhereSource.Or(old.Where))}
	case old.Where == "":
		return nil
	}
	hs := []Hazard{hazard(HazardFilterChanged, Warning, "Index %s on table %s changes its filter from (%s) to (%s): queries that relied on the old one may no longer use it.", x.Name, table, old.WhereSource.Or(old.Where), x.WhereSource.Or(x.Where))}
	if x.Unique {
		hs = append(hs, hazard(HazardUniqueFilterChanged, Warning, "Unique index %s on table %s now applies to other rows: rows the old filter left out may hold duplicates, and creating it fails.", x.Name, table))
	}
	return hs
}

// clusteredRebuildHazards: creating, dropping or changing a clustered index or
// key (SQL Server) on an existing table rebuilds the table and every
// nonclustered index of it.
func clusteredRebuildHazards(table schema.QName, what string, clustered *bool) []Hazard {
	if clustered == nil || !*clustered {
		return nil
	}
	return []Hazard{hazard(HazardClusteredRebuild, Warning, "Clustered: %s rebuilds table %s and every nonclustered index of it, holding a schema modification lock meanwhile.", what, table)}
}

// primaryKeyClusteringHazards: on SQL Server, a primary key left to its
// default clustering next to a clustered index or unique constraint would be
// CLUSTERED too, which SQL Server refuses (Msg 1902); Normalize makes it
// NONCLUSTERED instead, which the reviewer must know.
func primaryKeyClusteringHazards(t *schema.Table) []Hazard {
	pk := t.PrimaryKey
	if pk == nil {
		return nil
	}
	other := ""
	for _, u := range t.Uniques {
		if u.Clustered != nil && *u.Clustered {
			other = "unique constraint " + constraintLabel(u.Name, u.SystemName)
		}
	}
	for _, x := range t.Indexes {
		if isClustered(x) {
			other = "index " + x.Name
		}
	}
	switch {
	case other == "":
		return nil
	case pk.Clustered == nil:
		return []Hazard{hazard(HazardImplicitClusteredPK, Error, "Primary key %s of table %s says nothing about clustering, so SQL Server makes it CLUSTERED, but %s is clustered already: SQL Server refuses a second clustered index (Msg 1902).", pk.Name, t.QName(), other)}
	case pk.ClusteredImplied && !*pk.Clustered:
		return []Hazard{hazard(HazardImplicitNonclusteredPK, Warning, "Primary key %s of table %s says nothing about clustering and %s is clustered: the key is created NONCLUSTERED (say clustered = false to make this explicit).", pk.Name, t.QName(), other)}
	}
	return nil
}

// alterColumnInUseHazard: SQL Server refuses ALTER COLUMN on a column that
// indexes or constraints use (Msg 5074), so they are dropped before and
// created again after.
func alterColumnInUseHazard(table schema.QName, column string, users []string) Hazard {
	return hazard(HazardAlterColumnInUse, Warning, "Column %s is used by %s: SQL Server refuses ALTER COLUMN on it, so they are dropped before and created again after, which takes time and leaves the table without them meanwhile.", columnName(table, column), strings.Join(users, ", "))
}

// computedAroundAlterHazard: SQL Server refuses ALTER COLUMN on a column a
// computed column uses (Msg 5074), so the computed column is dropped before
// and added again after, with the indexes and constraints on it.
func computedAroundAlterHazard(table schema.QName, column string, used []string) Hazard {
	return hazard(HazardDropColumn, Info, "Computed column %s uses %s, which ALTER COLUMN changes: the database refuses that while the computed column exists, so it is dropped before and added again after (at the end of the table), with the indexes and constraints on it.", columnName(table, column), strings.Join(used, ", "))
}
