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

// dropColumnHazard: the values of a dropped column are lost, unless it is a
// computed column dropped to be added again (its values are computed anew).
func dropColumnHazard(table schema.QName, c *schema.Column, recreated bool) Hazard {
	if recreated && c.Computed != nil {
		return hazard(HazardDropColumn, Info, "Computed column %s is dropped and added again with its new definition.", columnName(table, c.Name))
	}
	if recreated {
		return hazard(HazardDropColumn, Error, "Column %s is dropped and added again as a computed column: its stored values are lost.", columnName(table, c.Name))
	}
	return hazard(HazardDropColumn, Error, "Dropping column %s deletes its values.", columnName(table, c.Name))
}

// addColumnHazards: a NOT NULL column with no way to fill it fails on a table with rows.
func addColumnHazards(table schema.QName, c *schema.Column) []Hazard {
	switch {
	case c.Null, c.Default != nil, c.Identity != nil, c.Computed != nil,
		c.Type == "smallserial", c.Type == "serial", c.Type == "bigserial":
		return nil
	}
	return []Hazard{hazard(HazardNotNullNoDefault, Warning, "Adding NOT NULL column %s without a default fails if table %s has rows.", columnName(table, c.Name), table)}
}

// alterColumnHazards: narrowing and rewriting type changes, and SET NOT NULL.
func (d *differ) alterColumnHazards(table schema.QName, old, new *schema.Column) []Hazard {
	var hs []Hazard
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
		hs = append(hs, hazard(HazardSetNotNull, Warning, "Setting column %s NOT NULL fails if a row holds NULL, and scans table %s under an ACCESS EXCLUSIVE lock.", columnName(table, new.Name), table))
	}
	return hs
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

// createIndexHazards: an index built on an existing table without
// CONCURRENTLY blocks writes to it (PostgreSQL); a unique one fails on duplicates.
func (d *differ) createIndexHazards(table schema.QName, x *schema.Index) []Hazard {
	var hs []Hazard
	if d.dst.Dialect == schema.Postgres && !d.opts.Concurrently {
		hs = append(hs, hazard(HazardBlockingIndex, Warning, "Creating index %s without CONCURRENTLY blocks writes to table %s while it builds.", x.Name, table))
	}
	if x.Unique {
		hs = append(hs, uniqueMayFailHazard(table, "unique index", x.Name))
	}
	return hs
}
