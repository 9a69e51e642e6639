package schema

import (
	"sort"
	"strings"
)

// views puts the views of n.db in canonical form (see View's notes): the
// default schema, sorted by name, a Textual query in NormalizeQuery form
// (the view's column names folded in as aliases), what the query reads in
// DependsOn, and the indexes of materialized views as a table's.
func (n *normalizer) views() {
	def := n.d.DefaultSchema()
	for _, v := range n.db.Views {
		if v.Schema == "" {
			v.Schema = def
		}
	}
	sort.SliceStable(n.db.Views, func(i, j int) bool { return lessQName(n.db.Views[i].QName(), n.db.Views[j].QName()) })
	for _, v := range n.db.Views {
		v.CheckOption = strings.ToLower(strings.TrimSpace(v.CheckOption))
		if v.Textual {
			// a query of a schema file: normalized here, not by a server
			keepSource(&v.Source, v.Query)
			v.Query = n.viewQuery(v.Query, v.Columns, 0)
			v.DependsOn = ViewDependsOn(n.db, n.names, v)
		}
		v.DependsOn = SortRefs(v.DependsOn)
		if !v.Materialized {
			v.WithNoData = false
			v.Indexes = nil
		}
		n.indexes(v.Indexes, func(s string) string { return normalizeExpr(n.d, s, nil) })
		normalizePgAttrs(&Table{Indexes: v.Indexes})
		sortByName(v.Indexes, func(x *Index) string { return x.Name })
	}
}

// viewQuery returns a view query of a schema file in NormalizeQuery form,
// with names (the view's column list) as the aliases of its select list,
// and a SELECT * over one table or view of the schema spelled out as
// PostgreSQL stores it. depth counts the views whose columns are being
// found (a view over a view over …), which stops a cycle.
func (n *normalizer) viewQuery(query string, names []string, depth int) string {
	toks, err := tokenize(Postgres, query)
	if err != nil {
		return NormalizeQuery(query, nil)
	}
	for len(toks) > 0 && toks[len(toks)-1].text == ";" {
		toks = toks[:len(toks)-1]
	}
	toks = expandStar(toks, func(q QName) ([]string, bool) {
		if t := n.names.Table(q); t != nil {
			var cols []string
			for _, c := range t.Columns {
				cols = append(cols, c.Name)
			}
			return cols, true
		}
		if v := n.db.View(q); v != nil && depth < 10 {
			if len(v.Columns) > 0 {
				return v.Columns, true
			}
			return outputNames(n.viewQuery(v.Query, nil, depth+1))
		}
		return nil, false
	})
	return normQuery(toks, QueryColumnTypes(n.names, query), names)
}

// QueryColumnTypes returns the canonical types of the columns of the
// tables of db (looked up in l) a view query reads (QueryRefs, unqualified
// names in the dialect's default schema), by column name; a name two of
// them give different types is left out. NormalizeQuery takes it.
func QueryColumnTypes(l *Lookup, query string) map[string]string {
	rels, _ := QueryRefs(query, l.defaultSchema)
	out := map[string]string{}
	clash := map[string]bool{}
	for _, q := range rels {
		t := l.Table(q)
		if t == nil {
			continue
		}
		for _, c := range t.Columns {
			if prev, ok := out[c.Name]; ok && prev != c.Type {
				clash[c.Name] = true
			}
			out[c.Name] = c.Type
		}
	}
	for c := range clash {
		delete(out, c)
	}
	return out
}

// ViewDependsOn returns what a view of a schema file reads among the
// tables, views and functions of db (QueryRefs; tables and views looked up
// in l), sorted: the edges of the dependency graph for schema files
// (introspection reads pg_depend).
func ViewDependsOn(db *Database, l *Lookup, v *View) []ObjectRef {
	rels, funcs := QueryRefs(v.Query, l.defaultSchema)
	var out []ObjectRef
	for _, q := range rels {
		switch {
		case l.Table(q) != nil:
			out = append(out, ObjectRef{Kind: KindTable, Schema: q.Schema, Name: q.Name})
		case l.View(q) != nil && q != v.QName():
			out = append(out, ObjectRef{Kind: KindView, Schema: q.Schema, Name: q.Name})
		}
	}
	for _, q := range funcs {
		for _, f := range db.Functions {
			if f.Schema == q.Schema && f.Name == q.Name {
				out = append(out, ObjectRef{Kind: KindFunction, Schema: f.Schema, Name: f.Signature()})
			}
		}
	}
	SortRefs(out)
	return out
}

// SortRefs sorts object references by kind, schema, name and column, and
// removes repeats.
func SortRefs(refs []ObjectRef) []ObjectRef {
	sort.Slice(refs, func(i, j int) bool {
		a, b := refs[i], refs[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Schema != b.Schema {
			return a.Schema < b.Schema
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Column < b.Column
	})
	out := refs[:0]
	for i, r := range refs {
		if i == 0 || r != refs[i-1] {
			out = append(out, r)
		}
	}
	return out
}
