package schema

import (
	"fmt"
	"sort"
	"strings"
)

// This file brings extensions, sequences, domains and composite types to
// their canonical form (see the canonical: notes in objects.go), and copies,
// merges and looks them up for the rest of the package.

// userTypeNames returns the qualified names of db's domains and composite
// types: the user-defined types, besides enums, a column may use.
func userTypeNames(db *Database) map[QName]bool {
	m := make(map[QName]bool, len(db.Domains)+len(db.CompositeTypes))
	for _, d := range db.Domains {
		m[d.QName()] = true
	}
	for _, c := range db.CompositeTypes {
		m[c.QName()] = true
	}
	return m
}

// UserType reports whether q names a domain or a composite type.
func (l *Lookup) UserType(q QName) bool { return l.userTypes[q] }

// Domain returns the domain with that qualified name, or nil. It scans the
// list.
func (db *Database) Domain(q QName) *Domain {
	for _, d := range db.Domains {
		if d.QName() == q {
			return d
		}
	}
	return nil
}

// CompositeType returns the composite type with that qualified name, or
// nil. It scans the list.
func (db *Database) CompositeType(q QName) *CompositeType {
	for _, c := range db.CompositeTypes {
		if c.QName() == q {
			return c
		}
	}
	return nil
}

// mergeTypeObjects appends the extensions, sequences, domains and composite
// types of src to dst.
func mergeTypeObjects(dst, src *Database) {
	dst.Extensions = append(dst.Extensions, src.Extensions...)
	dst.Sequences = append(dst.Sequences, src.Sequences...)
	dst.Domains = append(dst.Domains, src.Domains...)
	dst.CompositeTypes = append(dst.CompositeTypes, src.CompositeTypes...)
}

// fillTypeObjectSchemas gives the extensions, sequences, domains and
// composite types that name no schema the default one, def.
func fillTypeObjectSchemas(db *Database, def string) {
	fill := func(s *string) {
		if *s == "" {
			*s = def
		}
	}
	for _, x := range db.Extensions {
		fill(&x.Schema)
	}
	for _, s := range db.Sequences {
		fill(&s.Schema)
	}
	for _, d := range db.Domains {
		fill(&d.Schema)
	}
	for _, c := range db.CompositeTypes {
		fill(&c.Schema)
	}
}

// typeObjectSchemas returns the schemas the extensions, sequences, domains
// and composite types of db live in (with repeats).
func typeObjectSchemas(db *Database) []string {
	var out []string
	for _, x := range db.Extensions {
		out = append(out, x.Schema)
	}
	for _, s := range db.Sequences {
		out = append(out, s.Schema)
	}
	for _, d := range db.Domains {
		out = append(out, d.Schema)
	}
	for _, c := range db.CompositeTypes {
		out = append(out, c.Schema)
	}
	return out
}

func cloneBound(p *int64) *int64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// typeObjects brings the extensions, sequences, domains and composite types
// to canonical form and sorts them by (schema, name).
func (n *normalizer) typeObjects() {
	db := n.db
	sort.SliceStable(db.Extensions, func(i, j int) bool { return db.Extensions[i].Name < db.Extensions[j].Name })
	sort.SliceStable(db.Sequences, func(i, j int) bool { return lessQName(db.Sequences[i].QName(), db.Sequences[j].QName()) })
	sort.SliceStable(db.Domains, func(i, j int) bool { return lessQName(db.Domains[i].QName(), db.Domains[j].QName()) })
	sort.SliceStable(db.CompositeTypes, func(i, j int) bool {
		return lessQName(db.CompositeTypes[i].QName(), db.CompositeTypes[j].QName())
	})
	if n.d == Postgres { // SQL Server's: sqlserverObjects
		for _, s := range db.Sequences {
			n.sequence(s)
		}
	}
	for _, d := range db.Domains {
		n.domain(d)
	}
	for _, c := range db.CompositeTypes {
		obj := "composite type " + c.QName().String()
		for _, a := range c.Attributes {
			col := &Column{Name: a.Name, Type: a.Type, Collation: a.Collation, Pos: c.Pos}
			n.column(&Table{Schema: c.Schema}, col, obj+" attribute "+a.Name)
			a.Type, a.Collation = col.Type, col.Collation
		}
	}
}

// sequence puts a sequence's options in canonical form: type bigint when
// unset, the options PostgreSQL gives by default as CanonicalIdentity
// leaves them, OWNED BY qualified ("schema.table.column"; a file's
// "table.column" names a table of the sequence's schema, where PostgreSQL
// requires it to be).
func (n *normalizer) sequence(s *Sequence) {
	if s.Type == "" {
		s.Type = "bigint"
	} else if t, err := CanonicalType(n.d, s.Type); err == nil {
		s.Type = t
	}
	id := &Identity{Seed: s.Start, Increment: s.Increment, MinValue: s.MinValue, MaxValue: s.MaxValue, Cache: s.Cache}
	CanonicalIdentity(s.Type, id)
	s.Start, s.Increment, s.MinValue, s.MaxValue, s.Cache = id.Seed, id.Increment, id.MinValue, id.MaxValue, id.Cache
	if parts := strings.Split(s.OwnedBy, "."); len(parts) == 2 {
		s.OwnedBy = s.Schema + "." + s.OwnedBy
	}
}

// domain puts a domain in canonical form: its type and default as a
// column's, no "default" collation, checks named as PostgreSQL names them
// (<domain>_check, <domain>_check1, …) and sorted by name, their
// expressions in NormalizeExpr form.
func (n *normalizer) domain(d *Domain) {
	obj := "domain " + d.QName().String()
	col := &Column{Name: d.Name, Type: d.Type, Default: d.Default, Collation: d.Collation, Null: !d.NotNull, Pos: d.Pos}
	n.column(&Table{Schema: d.Schema}, col, obj)
	d.Type, d.Default, d.Collation = col.Type, col.Default, col.Collation
	taken := map[string]bool{}
	for _, ck := range d.Checks {
		taken[ck.Name] = true
	}
	next := 0
	for _, ck := range d.Checks {
		keepSource(&ck.Source, ck.Expr)
		ck.Expr = normalizeExpr(n.d, ck.Expr, map[string]string{"value": d.Type})
		for ck.Name == "" {
			name := d.Name + "_check"
			if next > 0 {
				name += fmt.Sprint(next)
			}
			next++
			if !taken[name] {
				ck.Name, taken[name] = name, true
			}
		}
	}
	sortByName(d.Checks, func(c *Check) string { return c.Name })
}

// Attribute returns the attribute called name, or nil.
func (c *CompositeType) Attribute(name string) *TypeAttribute {
	for _, a := range c.Attributes {
		if a.Name == name {
			return a
		}
	}
	return nil
}
