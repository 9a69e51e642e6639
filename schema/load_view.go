package schema

import (
	"fmt"
	"slices"
	"strings"
)

// view reads a `view "name" { query = "…" }` or (materialized set) a
// `materialized_view "name" { query = "…"  index "…" { … } }` block (YAML:
// an entry of views: or materialized_views:). A view read from a file is
// Textual until a dev database reads it back.
func (l *loader) view(o object, materialized bool) *View {
	v := &View{Pos: o.pos(), Materialized: materialized, Textual: true}
	v.Name, _ = o.label(1, 1)
	v.Schema, _, _ = o.str("schema")
	var pos Pos
	v.Query, pos = l.required(o, "query", `add query = <<-SQL … SQL (the view's SELECT)`)
	l.setPos(v, "query", pos)
	v.Columns = l.columnList(o, v, "columns", false)
	v.Comment = l.text(o, v, "comment")
	if materialized {
		v.WithNoData = l.flag(o, v, "with_no_data")
		for _, c := range o.children("index") {
			v.Indexes = append(v.Indexes, l.index(c))
		}
	} else {
		v.CheckOption = l.text(o, v, "check_option")
		v.SecurityBarrier = l.flag(o, v, "security_barrier")
		v.SecurityInvoker = l.flag(o, v, "security_invoker")
		v.Settings = l.moduleSettings(o, v)
	}
	o.done()
	return v
}

// views reads the view and materialized_view blocks of a file.
func (l *loader) views(o object) []*View {
	var out []*View
	for _, c := range o.children("view") {
		out = append(out, l.view(c, false))
	}
	for _, c := range o.children("materialized_view") {
		out = append(out, l.view(c, true))
	}
	return out
}

// validateViews checks the views of db: PostgreSQL only (here), names
// unique among tables and views of a schema, a query, a known check
// option, named indexes unique in their schema (indexes).
func (l *loader) validateViews(db *Database, indexes map[string]dupChecker) {
	relations := l.dups()
	for _, t := range db.Tables {
		relations.seen[t.QName().String()] = t.Pos
	}
	for _, v := range db.Views {
		obj := v.Describe()
		if db.Dialect != Postgres { // validateSQLServerObjects
			continue
		}
		l.noModuleSettings(v, v.Settings, obj, v.Pos)
		relations.add(v.QName().String(), v.Pos, obj, v.QName().String()+" is declared twice (as a table or view)")
		if strings.TrimSpace(v.Query) == "" {
			l.errorf(l.at(v, "query", v.Pos), obj, "write the view's SELECT", "empty query")
		}
		switch strings.ToLower(v.CheckOption) {
		case "", "local", "cascaded":
		default:
			l.errorf(l.at(v, "check_option", v.Pos), obj, `use "local" or "cascaded"`, "invalid check_option %q", v.CheckOption)
		}
		columns := l.dups()
		for i, c := range v.Columns {
			columns.add(c, l.at(v, fmt.Sprintf("columns.%d", i), v.Pos), obj, "duplicate column "+c)
		}
		if _, ok := indexes[v.Schema]; !ok {
			indexes[v.Schema] = l.dups()
		}
		for _, ix := range v.Indexes {
			if ix.Name == "" {
				l.errorf(ix.Pos, obj+" index", `add a name: index "name" { … }`, "an index of a materialized view needs a name")
			}
			indexes[v.Schema].add(ix.Name, ix.Pos, obj+" index "+ix.Name, "index "+ix.Name+" is declared twice in schema "+v.Schema)
			for i, p := range ix.Parts {
				if p.Column != "" && len(v.Columns) > 0 && !slices.Contains(v.Columns, p.Column) {
					l.errorf(l.at(ix, fmt.Sprintf("parts.%d", i), ix.Pos), obj+" index "+ix.Name,
						"use one of "+strings.Join(v.Columns, ", "), "unknown column %s", p.Column)
				}
			}
		}
	}
}

// viewTrees turns views into the view and materialized_view objects of a
// schema file.
func viewTrees(views []*View, def string) (plain, materialized []*wnode) {
	for _, v := range views {
		n := &wnode{kind: "view", name: v.Name, named: true}
		n.set("schema", otherThan(v.Schema, def))
		n.set("columns", v.Columns)
		n.set("query", v.Source.Or(v.Query))
		n.set("check_option", v.CheckOption)
		n.set("security_barrier", v.SecurityBarrier)
		n.set("security_invoker", v.SecurityInvoker)
		n.set("with_no_data", v.WithNoData)
		setModuleSettings(n, v.Settings)
		var indexes []*wnode
		for _, ix := range v.Indexes {
			indexes = append(indexes, indexTree(ix))
		}
		n.set("index", indexes)
		n.set("comment", v.Comment)
		if v.Materialized {
			n.kind = "materialized_view"
			materialized = append(materialized, n)
		} else {
			plain = append(plain, n)
		}
	}
	return plain, materialized
}
