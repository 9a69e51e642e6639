package schema

import (
	"strconv"
	"strings"
)

// Parts returns the index keys of the constraint's elements, in order
// (without their operators).
func (x *Exclude) Parts() []IndexPart {
	parts := make([]IndexPart, len(x.Elements))
	for i, e := range x.Elements {
		parts[i] = e.IndexPart
	}
	return parts
}

// excludes puts t's exclusion constraints in canonical form (see Exclude):
// the method lower case and "gist" when unset, keys as index keys,
// operators without spaces, WHERE normalized, storage parameters canonical,
// INITIALLY DEFERRED implying DEFERRABLE.
func (n *normalizer) excludes(t *Table, expr func(string) string) {
	for _, x := range t.Excludes {
		x.Using = strings.ToLower(strings.TrimSpace(x.Using))
		if x.Using == "" {
			x.Using = "gist"
		}
		for i := range x.Elements {
			e := &x.Elements[i]
			n.keyPart(&e.IndexPart, expr)
			e.Opclass = CanonicalOpclass(e.Opclass)
			e.Operator = canonicalOperator(e.Operator)
		}
		if x.Where != "" {
			keepSource(&x.WhereSource, x.Where)
			x.Where = expr(x.Where)
		} else {
			x.WhereSource = ""
		}
		x.With = CanonicalStorageParams(x.With)
		x.Deferrable = x.Deferrable || x.InitiallyDeferred
	}
}

// canonicalOperator spells an exclusion operator as Exclude's Operator
// holds it: OPERATOR(pg_catalog.&&) and pg_catalog.&& are &&; no spaces.
func canonicalOperator(op string) string {
	op = strings.Join(strings.Fields(op), "")
	if len(op) > len("operator(") && strings.EqualFold(op[:len("operator(")], "operator(") && strings.HasSuffix(op, ")") {
		op = op[len("operator(") : len(op)-1]
	}
	return strings.TrimPrefix(op, "pg_catalog.")
}

// validateExcludes checks t's exclusion constraints: PostgreSQL only, each
// key naming a column of t (or an expression), an operator on each.
func (l *loader) validateExcludes(db *Database, t *Table, obj string, constraints dupChecker) {
	for _, x := range t.Excludes {
		what := named(obj+" exclude", x.Name)
		if db.Dialect != Postgres {
			l.errorf(x.Pos, what, "remove it: SQL Server has no exclusion constraints (use a trigger, or a unique index where = is the only operator)",
				"exclude is a PostgreSQL constraint")
			continue
		}
		constraints.add(x.Name, x.Pos, what, "duplicate constraint name "+x.Name)
		for i, e := range x.Elements {
			key := "elements." + strconv.Itoa(i)
			if e.Column != "" {
				l.columnRef(t, l.at(x, key, x.Pos), what, e.Column)
			}
			if e.Opclass != "" && !pgOpclass.MatchString(CanonicalOpclass(e.Opclass)) {
				l.errorf(l.at(x, key+".opclass", l.at(x, key, x.Pos)), what,
					`write an operator class name, e.g. "gist_int4_ops"`, "invalid operator class %q", e.Opclass)
			}
		}
		l.columnRefs(t, x, "include", x.Include, x.Pos, what)
		for i, w := range x.With {
			if !pgStorageParam.MatchString(CanonicalStorageParams([]string{w})[0]) {
				l.errorf(l.at(x, "with."+strconv.Itoa(i), x.Pos), what, `write each storage parameter as "name=value", e.g. "fillfactor=70"`,
					"invalid storage parameter %q (entry %d)", w, i+1)
			}
		}
	}
}
