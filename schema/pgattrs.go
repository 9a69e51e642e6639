package schema

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the rules of the PostgreSQL attributes of indexes and
// constraints (operator classes, storage parameters, NULLS NOT DISTINCT,
// DEFERRABLE, NOT VALID, MATCH FULL, NO INHERIT): their canonical form and
// their syntax checks.

// pgOpclass is the syntax of an operator class with optional parameters:
// name, optionally schema-qualified, then (param=value, ...).
var pgOpclass = regexp.MustCompile(`^[a-z_][a-z0-9_$]*(\.[a-z_][a-z0-9_$]*)?(\([a-z_][a-z0-9_]*=[A-Za-z0-9_.+-]+(,[a-z_][a-z0-9_]*=[A-Za-z0-9_.+-]+)*\))?$`)

// pgStorageParam is the syntax of an index storage parameter: name=value.
var pgStorageParam = regexp.MustCompile(`^[a-z_][a-z0-9_.]*=[A-Za-z0-9_.+-]+$`)

// CanonicalOpclass returns the canonical spelling of an operator class with
// its parameters (see IndexPart.Opclass): lower case, no spaces, quotes
// removed ("tsvector_ops (siglen = '32')" →
// "tsvector_ops(siglen=32)").
func CanonicalOpclass(s string) string {
	return strings.ToLower(unquoteParams(s))
}

// SplitOpclass splits a canonical operator class into its name and its
// parameters ("name=value" entries; none when it has no parentheses).
func SplitOpclass(s string) (name string, params []string) {
	i := strings.IndexByte(s, '(')
	if i < 0 {
		return s, nil
	}
	return s[:i], strings.Split(strings.TrimSuffix(s[i+1:], ")"), ",")
}

// unquoteParams removes the spaces and quotes (single and double) of
// parameter text: `"siglen" = '32'` → "siglen=32".
func unquoteParams(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		clean = c < utf8.RuneSelf && c != '\'' && c != '"' && !unicode.IsSpace(rune(c))
	}
	if clean { // the common case: nothing to remove, no allocation
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != '\'' && r != '"' && !unicode.IsSpace(r) {
			b.WriteString(s[i : i+n]) // bytes as they are, valid UTF-8 or not
		}
		i += n
	}
	return b.String()
}

// CanonicalStorageParams returns storage parameters in canonical form (see
// Index.With): "name=value", the name lower case, spaces and quotes
// removed (see unquoteParams), the boolean spellings PostgreSQL accepts (on, off, yes, no, 1, 0;
// https://www.postgresql.org/docs/15/config-setting.html) as true/false,
// sorted by name. Nil when there are none.
func CanonicalStorageParams(with []string) []string {
	var out []string
	for _, w := range with {
		name, value, _ := strings.Cut(unquoteParams(w), "=")
		name = strings.ToLower(name)
		switch strings.ToLower(value) {
		case "on", "true", "yes", "t", "y":
			value = "true"
		case "off", "false", "no", "f", "n":
			value = "false"
		}
		out = append(out, name+"="+value)
	}
	sort.Strings(out)
	return out
}

// normalizePgAttrs puts the PostgreSQL index and constraint attributes of t
// in canonical form: INITIALLY DEFERRED implies DEFERRABLE, operator
// classes and storage parameters are spelled canonically.
func normalizePgAttrs(t *Table) {
	if pk := t.PrimaryKey; pk != nil && pk.InitiallyDeferred {
		pk.Deferrable = true
	}
	for _, u := range t.Uniques {
		u.Deferrable = u.Deferrable || u.InitiallyDeferred
	}
	for _, f := range t.ForeignKeys {
		f.Deferrable = f.Deferrable || f.InitiallyDeferred
	}
	for _, x := range t.Indexes {
		x.With = CanonicalStorageParams(x.With)
		for i := range x.Parts {
			x.Parts[i].Opclass = CanonicalOpclass(x.Parts[i].Opclass)
		}
	}
}

// validatePgAttrs checks the PostgreSQL index and constraint attributes of
// t: their syntax, and on SQL Server that none is used (they are
// PostgreSQL-only options).
func (l *loader) validatePgAttrs(db *Database, t *Table, obj string) {
	pg := db.Dialect == Postgres
	flag := func(owner any, pos Pos, what, key string, set bool) {
		if set && !pg {
			l.otherDialect(l.at(owner, key, pos), what, key, Postgres)
		}
	}
	if pk := t.PrimaryKey; pk != nil {
		what := obj + " primary key"
		flag(pk, pk.Pos, what, "deferrable", pk.Deferrable)
		flag(pk, pk.Pos, what, "initially_deferred", pk.InitiallyDeferred)
		flag(pk, pk.Pos, what, "comment", pk.Comment != "")
	}
	for _, u := range t.Uniques {
		what := named(obj+" unique", u.Name)
		flag(u, u.Pos, what, "deferrable", u.Deferrable)
		flag(u, u.Pos, what, "initially_deferred", u.InitiallyDeferred)
		flag(u, u.Pos, what, "nulls_not_distinct", u.NullsNotDistinct)
		flag(u, u.Pos, what, "comment", u.Comment != "")
	}
	for _, f := range t.ForeignKeys {
		what := named(obj+" foreign key", f.Name)
		flag(f, f.Pos, what, "match_full", f.MatchFull)
		flag(f, f.Pos, what, "not_valid", f.NotValid)
		flag(f, f.Pos, what, "comment", f.Comment != "")
	}
	for _, c := range t.Checks {
		what := named(obj+" check", c.Name)
		flag(c, c.Pos, what, "not_valid", c.NotValid)
		flag(c, c.Pos, what, "no_inherit", c.NoInherit)
		flag(c, c.Pos, what, "comment", c.Comment != "")
	}
	for _, x := range t.Indexes {
		what := named(obj+" index", x.Name)
		flag(x, x.Pos, what, "nulls_not_distinct", x.NullsNotDistinct)
		flag(x, x.Pos, what, "with", len(x.With) > 0)
		flag(x, x.Pos, what, "comment", x.Comment != "")
		if x.NullsNotDistinct && !x.Unique {
			l.errorf(l.at(x, "nulls_not_distinct", x.Pos), what, "add unique = true, or remove nulls_not_distinct",
				"nulls_not_distinct applies to unique indexes only")
		}
		for i, w := range x.With {
			if pg && !pgStorageParam.MatchString(CanonicalStorageParams([]string{w})[0]) {
				l.errorf(l.at(x, "with."+strconv.Itoa(i), x.Pos), what, `write each storage parameter as "name=value", e.g. "fillfactor=70"`,
					"invalid storage parameter %q (entry %d)", w, i+1)
			}
		}
		for i, p := range x.Parts {
			key := "parts." + strconv.Itoa(i)
			flag(x, l.at(x, key, x.Pos), what, key+".opclass", p.Opclass != "")
			flag(x, l.at(x, key, x.Pos), what, key+".collation", p.Collation != "")
			if pg && p.Opclass != "" && !pgOpclass.MatchString(CanonicalOpclass(p.Opclass)) {
				l.errorf(l.at(x, key+".opclass", l.at(x, key, x.Pos)), what,
					`write an operator class name, with parameters in parentheses if it takes any, e.g. "text_pattern_ops" or "tsvector_ops(siglen=32)"`,
					"invalid operator class %q", p.Opclass)
			}
		}
	}
}
