package schema

import (
	"fmt"
	"strings"
)

// validateTypeObjects checks extensions, sequences, domains and composite
// types: PostgreSQL objects (sequences on SQL Server too), names declared
// once (domains, composite types and enums share the namespace of types),
// types that exist, sequence options CREATE SEQUENCE accepts, and an OWNED
// BY column that exists in a table of the sequence's schema.
func (l *loader) validateTypeObjects(db *Database) {
	pgOnly := func(pos Pos, obj, what string) {
		if db.Dialect == SQLServer {
			l.errorf(pos, obj, "remove it, or use dialect postgres", "%s are a PostgreSQL feature", what)
		}
	}
	extensions := l.dups()
	for _, x := range db.Extensions {
		obj := "extension " + x.Name
		pgOnly(x.Pos, obj, "extensions")
		extensions.add(x.Name, x.Pos, obj, obj+" is declared twice")
	}
	types := l.dups()
	for _, e := range db.Enums {
		types.seen[e.QName().String()] = e.Pos
	}
	for _, d := range db.Domains {
		obj := "domain " + d.QName().String()
		pgOnly(d.Pos, obj, "domains")
		types.add(d.QName().String(), d.Pos, obj, "type "+d.QName().String()+" is declared twice")
		l.validateTypeName(db, d.Schema, d.Type, l.at(d, "type", d.Pos), obj)
		checks := l.dups()
		for _, ck := range d.Checks {
			checks.add(ck.Name, ck.Pos, obj, "duplicate check "+ck.Name)
		}
	}
	for _, c := range db.CompositeTypes {
		obj := "composite type " + c.QName().String()
		pgOnly(c.Pos, obj, "composite types")
		types.add(c.QName().String(), c.Pos, obj, "type "+c.QName().String()+" is declared twice")
		attrs := l.dups()
		for i, a := range c.Attributes {
			at := l.at(c, fmt.Sprintf("attributes.%d", i), c.Pos)
			attrs.add(a.Name, at, obj, "duplicate attribute "+a.Name)
			l.validateTypeName(db, c.Schema, a.Type, l.at(c, fmt.Sprintf("attributes.%d.type", i), at), obj+" attribute "+a.Name)
		}
	}
	sequences := l.dups()
	for _, s := range db.Sequences {
		obj := "sequence " + s.QName().String()
		sequences.add(s.QName().String(), s.Pos, obj, obj+" is declared twice")
		if db.Dialect == Postgres {
			l.validateSequence(db, s, obj)
		}
	}
}

// validateTypeName checks that typ, used in schema schemaName, is a type
// the dialect knows, an enum, a domain or a composite type of the schema.
func (l *loader) validateTypeName(db *Database, schemaName, typ string, pos Pos, obj string) {
	if typ == "" {
		return
	}
	col := &Column{Name: "", Type: typ, Pos: pos}
	l.validateType(db, &Table{Schema: schemaName}, col, obj)
}

// validateSequence checks a PostgreSQL sequence's options as CREATE
// SEQUENCE does (https://www.postgresql.org/docs/15/sql-createsequence.html):
// an integer type, an increment that is not zero, MINVALUE below MAXVALUE,
// START between them, CACHE at least 1, and OWNED BY a column of a table in
// the sequence's schema ("sequence must be in same schema as table it is
// linked to").
func (l *loader) validateSequence(db *Database, s *Sequence, obj string) {
	if t, err := CanonicalType(db.Dialect, s.Type); s.Type != "" && (err != nil || t != "smallint" && t != "integer" && t != "bigint") {
		l.errorf(l.at(s, "type", s.Pos), obj, `use "smallint", "integer" or "bigint"`, "sequence type %q is not an integer type", s.Type)
	}
	if l.at(s, "increment", Pos{}) != (Pos{}) && s.Increment == 0 {
		l.errorf(l.at(s, "increment", s.Pos), obj, "write a positive or negative increment", "increment must not be zero")
	}
	for _, bad := range []struct {
		key, msg, hint string
		is             bool
	}{
		{"cache", "cache must be at least 1", "write cache = 1 or more", s.Cache < 0 || l.at(s, "cache", Pos{}) != (Pos{}) && s.Cache == 0},
		{"min_value", "min_value must be less than max_value", "make min_value less than max_value",
			s.MinValue != nil && s.MaxValue != nil && *s.MinValue >= *s.MaxValue},
		{"start", "start is less than min_value", "make start at least min_value", s.Start != 0 && s.MinValue != nil && s.Start < *s.MinValue},
		{"start", "start is greater than max_value", "make start at most max_value", s.Start != 0 && s.MaxValue != nil && s.Start > *s.MaxValue},
	} {
		if bad.is {
			l.errorf(l.at(s, bad.key, s.Pos), obj, bad.hint, "%s", bad.msg)
		}
	}
	if s.OwnedBy == "" {
		return
	}
	at := l.at(s, "owned_by", s.Pos)
	parts := strings.Split(s.OwnedBy, ".")
	if len(parts) == 2 {
		parts = append([]string{s.Schema}, parts...)
	}
	if len(parts) != 3 {
		l.errorf(at, obj, `write owned_by = "table.column"`, "owned_by %q names no column", s.OwnedBy)
		return
	}
	tq := QName{parts[0], parts[1]}
	switch t := l.names.Table(tq); {
	case tq.Schema != s.Schema:
		l.errorf(at, obj, "move the sequence to schema "+tq.Schema, "owned_by names a table of another schema than the sequence's")
	case t == nil:
		l.errorf(at, obj, "declare the table, or fix the name", "owned_by names table %s, which is not in the schema", tq)
	default:
		if l.columnRef(t, at, obj, parts[2]) && isSerialOf(t.Column(parts[2]), s) {
			l.errorf(at, obj, `declare the column with type = "serial" (or "bigserial", "smallserial") instead: its sequence is then its own`,
				"a sequence owned by the integer column whose default takes its next value is that column's serial, which PostgreSQL does not tell apart")
		}
	}
}

// isSerialOf reports whether column c is an integer column whose default
// calls nextval() of sequence s: what PostgreSQL stores for a serial.
func isSerialOf(c *Column, s *Sequence) bool {
	t, err := CanonicalType(Postgres, c.Type)
	if err != nil || t != "smallint" && t != "integer" && t != "bigint" || c.Default == nil || c.Default.Kind != DefaultExpr {
		return false
	}
	v := strings.ToLower(strings.ReplaceAll(c.Default.Value, `"`, ""))
	return strings.HasPrefix(strings.TrimSpace(v), "nextval(") &&
		(strings.Contains(v, "'"+strings.ToLower(s.Name)+"'") || strings.Contains(v, "."+strings.ToLower(s.Name)+"'"))
}
