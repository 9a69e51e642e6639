package schema

import "strings"

// typeObjectTrees returns the extension, sequence, domain and
// composite_type objects of db's schema file (def is the dialect's default
// schema, left unsaid). Options at their defaults are left out, as the
// loader fills them back.
func typeObjectTrees(db *Database, def string) (extensions, sequences, domains, composites []*wnode) {
	for _, x := range db.Extensions {
		n := &wnode{kind: "extension", name: x.Name, named: true}
		n.set("schema", otherThan(x.Schema, def))
		n.set("version", x.Version)
		n.set("comment", x.Comment)
		extensions = append(extensions, n)
	}
	for _, s := range db.Sequences {
		sequences = append(sequences, sequenceTree(s, def, db.Dialect))
	}
	for _, d := range db.Domains {
		n := &wnode{kind: "domain", name: d.Name, named: true}
		n.set("schema", otherThan(d.Schema, def))
		n.set("type", d.Type)
		n.set("not_null", d.NotNull)
		n.set("default", d.Default)
		n.set("collation", d.Collation)
		var checks []*wnode
		for _, ck := range d.Checks {
			cn := &wnode{kind: "check", name: ck.Name, named: true}
			cn.set("expr", ck.Source.Or(ck.Expr))
			cn.set("not_valid", ck.NotValid)
			checks = append(checks, cn)
		}
		n.set("check", checks)
		n.set("comment", d.Comment)
		domains = append(domains, n)
	}
	for _, c := range db.CompositeTypes {
		n := &wnode{kind: "composite_type", name: c.Name, named: true}
		n.set("schema", otherThan(c.Schema, def))
		var attrs []*wnode
		for _, a := range c.Attributes {
			an := &wnode{kind: "attribute", name: a.Name, named: true}
			an.set("type", a.Type)
			an.set("collation", a.Collation)
			attrs = append(attrs, an)
		}
		n.set("attribute", attrs)
		n.set("comment", c.Comment)
		composites = append(composites, n)
	}
	return extensions, sequences, domains, composites
}

// sequenceTree writes a sequence of dialect d, leaving out the options
// that are PostgreSQL's defaults; a SQL Server sequence's start is always
// written (canonical there: explicit, SQL Server's default start being the
// type's minimum).
func sequenceTree(s *Sequence, def string, d Dialect) *wnode {
	n := &wnode{kind: "sequence", name: s.Name, named: true}
	n.set("schema", otherThan(s.Schema, def))
	n.set("type", otherThan(s.Type, "bigint"))
	id := &Identity{Increment: s.Increment, MinValue: s.MinValue, MaxValue: s.MaxValue}
	if d == SQLServer || s.Start != IdentityDefaultStart(s.Type, id) {
		n.fields = append(n.fields, wfield{"start", s.Start}) // 0 included
	}
	if s.Increment != 1 {
		n.set("increment", s.Increment)
	}
	n.set("min_value", s.MinValue)
	n.set("max_value", s.MaxValue)
	n.set("cache", s.Cache)
	n.set("cycle", s.Cycle)
	n.set("owned_by", strings.TrimPrefix(s.OwnedBy, s.Schema+"."))
	n.set("comment", s.Comment)
	return n
}

// splitTypeObjects lays out db's extensions, sequences, domains and
// composite types for SplitFiles, a file each under
// <schema>/{extensions,sequences,domains,types}/<name>; path makes a
// file's path from its parts.
func splitTypeObjects(db *Database, path func(parts ...string) string) []SplitFile {
	var files []SplitFile
	one := func(p string, x *Database) {
		x.Dialect = db.Dialect
		files = append(files, SplitFile{Path: p, DB: x})
	}
	for _, x := range db.Extensions {
		one(path(x.Schema, "extensions", x.Name), &Database{Extensions: []*Extension{x}})
	}
	for _, s := range db.Sequences {
		one(path(s.Schema, "sequences", s.Name), &Database{Sequences: []*Sequence{s}})
	}
	for _, d := range db.Domains {
		one(path(d.Schema, "domains", d.Name), &Database{Domains: []*Domain{d}})
	}
	for _, c := range db.CompositeTypes {
		one(path(c.Schema, "types", c.Name), &Database{CompositeTypes: []*CompositeType{c}})
	}
	return files
}
