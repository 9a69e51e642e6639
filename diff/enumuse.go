package diff

import (
	"fmt"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// newValue is an enum value an AddEnumValue adds.
type newValue struct {
	enum  schema.QName
	value string
}

// markNewEnumValueUses gives every change that uses a value an earlier
// AddEnumValue of the plan adds (as a column default, or as a literal in a
// check, an index predicate or expression, a computed column) the
// new-enum-value-used hazard: PostgreSQL refuses the use until the ALTER
// TYPE … ADD VALUE commits ("unsafe use of new value", SQLSTATE 55P04), so
// the migration cannot run in one transaction. A literal is matched by its
// text, so a change may be flagged for a string equal to the value.
func markNewEnumValueUses(changes []*Change) {
	var added []newValue
	for _, c := range changes {
		if c.Kind == AddEnumValue && c.Enum != nil {
			added = append(added, newValue{c.Enum.QName(), c.Value})
			continue
		}
		var uses []string
		for _, v := range added {
			if where := newValueUse(c, v); where != "" {
				uses = append(uses, fmt.Sprintf("'%s' of %s (%s)", v.value, v.enum, where))
			}
		}
		if len(uses) > 0 {
			c.Hazards = append(c.Hazards, hazard(HazardNewEnumValueUsed, Warning,
				"This change uses enum value %s added earlier in the same migration: the ALTER TYPE … ADD VALUE must be committed first (SQLSTATE 55P04), so the migration cannot run as one transaction.",
				strings.Join(uses, ", ")))
		}
	}
}

// newValueUse says where change c uses value v ("" when it does not).
func newValueUse(c *Change, v newValue) string {
	literal := "'" + strings.ReplaceAll(v.value, "'", "''") + "'"
	mentions := func(expr string) bool { return strings.Contains(expr, literal) }
	var cols []*schema.Column
	switch c.Kind {
	case AddColumn:
		cols = []*schema.Column{c.Column}
	case AlterColumn:
		if c.Alter.Default || c.Alter.Type {
			cols = []*schema.Column{c.Column}
		}
	case CreateTable:
		if c.TableDef != nil {
			cols = c.TableDef.Columns
			for _, ck := range c.TableDef.Checks {
				if mentions(ck.Expr) {
					return "check " + ck.Name
				}
			}
		}
	case AddCheck:
		if c.Check != nil && mentions(c.Check.Expr) {
			return "check " + c.Check.Name
		}
	case CreateIndex:
		if x := c.Index; x != nil {
			if mentions(x.Where) {
				return "predicate of index " + x.Name
			}
			for _, p := range x.Parts {
				if mentions(p.Expr) {
					return "expression of index " + x.Name
				}
			}
		}
	}
	for _, col := range cols {
		if col == nil {
			continue
		}
		if d := col.Default; d != nil && (d.Kind == schema.DefaultString && d.Value == v.value && isEnumType(col.Type, v.enum) ||
			d.Kind == schema.DefaultExpr && mentions(d.Value)) {
			return "default of column " + col.Name
		}
		if col.Computed != nil && mentions(col.Computed.Expr) {
			return "computed column " + col.Name
		}
	}
	return ""
}

// isEnumType reports whether a column type is the enum or an array of it.
func isEnumType(typ string, enum schema.QName) bool {
	return strings.TrimSuffix(typ, "[]") == enum.String()
}
