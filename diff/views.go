package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// The hazard codes of views.
const (
	// HazardTextualComparison: a view's query was compared by schemadiff's
	// normalizer (no dev database), which may see a difference where
	// PostgreSQL would print the same query.
	HazardTextualComparison = "textual-comparison"
	// HazardViewRepopulated: a materialized view is created again, which
	// runs its query (or leaves it empty until REFRESH, WITH NO DATA).
	HazardViewRepopulated = "view-repopulated"
)

// viewPlan is what compareViews decides for one view.
type viewPlan struct {
	src, dst *schema.View
	// drop: the source view is dropped (it goes away, or is created again);
	// reason says why when dst is created again although it did not change.
	drop   bool
	reason string
}

// compareViews creates, drops, replaces and comments views and
// materialized views, after the tables are compared: a view that reads a
// column whose type changes or that is dropped, or a table that is
// dropped, or a view dropped or created again, is dropped before
// (phaseDropDependents, dependents first) and created again after
// (phaseViews, in dependency order).
func (d *differ) compareViews() error {
	if len(d.src.Views) == 0 && len(d.dst.Views) == 0 {
		return nil
	}
	plans := map[schema.QName]*viewPlan{}
	var names []schema.QName
	for _, v := range d.src.Views {
		plans[v.QName()] = &viewPlan{src: v}
		names = append(names, v.QName())
	}
	for _, v := range d.dst.Views {
		p := plans[v.QName()]
		if p == nil {
			p = &viewPlan{}
			plans[v.QName()] = p
			names = append(names, v.QName())
		}
		p.dst = v
	}
	slices.SortFunc(names, compareQName)
	touched := d.touchedRelations()
	srcGraph := NewGraph()
	for _, v := range d.src.Views {
		srcGraph.Add(viewRef(v), v.DependsOn)
	}
	var dropped []schema.ObjectRef
	for _, q := range names {
		p := plans[q]
		switch {
		case p.src == nil:
		case p.dst == nil:
			p.drop = true
		case !replaceable(p.src, p.dst, d.origTables, d.dstTables):
			p.drop = true
		default:
			p.reason = readsTouched(p.src, touched)
			p.drop = p.reason != ""
		}
		if p.drop {
			dropped = append(dropped, viewRef(p.src))
		}
	}
	for _, r := range srcGraph.Dependents(dropped...) {
		if p := plans[r.QName()]; p != nil && p.src != nil && !p.drop {
			p.drop = true
			p.reason = "unchanged: it reads a view that is dropped or created again"
		}
	}
	return d.addViewChanges(names, plans, srcGraph)
}

// addViewChanges adds the changes compareViews decided, in dependency order.
func (d *differ) addViewChanges(names []schema.QName, plans map[schema.QName]*viewPlan, srcGraph *Graph) error {
	var drops, creates []schema.ObjectRef
	dstGraph := NewGraph()
	for _, v := range d.dst.Views {
		dstGraph.Add(viewRef(v), v.DependsOn)
	}
	for _, q := range names {
		p := plans[q]
		if p.drop {
			drops = append(drops, viewRef(p.src))
		}
		if p.dst != nil && (p.src == nil || p.drop || !equalQuery(p.src, p.dst, d.origTables, d.dstTables) || !equalViewOptions(p.src, p.dst)) {
			creates = append(creates, viewRef(p.dst))
		}
	}
	dropOrder, err := srcGraph.Order(drops)
	if err != nil {
		return fmt.Errorf("diff: ordering the views to drop: %w", err)
	}
	createOrder, err := dstGraph.Order(creates)
	if err != nil {
		return fmt.Errorf("diff: ordering the views to create: %w", err)
	}
	for i, r := range dropOrder {
		p := plans[r.QName()]
		c := &Change{Kind: DropView, Table: r.QName(), View: p.src, Reason: p.reason, Order: len(dropOrder) - i}
		if p.dst != nil && p.reason == "" {
			c.Reason = "its query or columns change in a way CREATE OR REPLACE VIEW cannot make"
		}
		d.add(phaseDropDependents, c)
	}
	for i, r := range createOrder {
		p := plans[r.QName()]
		order := i + 1
		if p.src != nil && !p.drop {
			d.add(phaseViews, &Change{Kind: ReplaceView, Table: r.QName(), View: p.dst, OldView: p.src, Order: order,
				Hazards: textualHazards(p.src, p.dst, d.origTables, d.dstTables, d.dst.Dialect)})
			continue
		}
		c := &Change{Kind: CreateView, Table: r.QName(), View: p.dst, Order: order}
		if p.src != nil {
			c.Reason = p.reason
			if c.Reason == "" {
				c.Reason = "its query or columns change in a way CREATE OR REPLACE VIEW cannot make"
				c.Hazards = textualHazards(p.src, p.dst, d.origTables, d.dstTables, d.dst.Dialect)
			}
			if p.dst.Materialized {
				fill := "its query runs again to fill it, and its readers wait meanwhile"
				if p.dst.WithNoData {
					fill = "it is empty (WITH NO DATA), and reading it fails until REFRESH MATERIALIZED VIEW"
				}
				c.Hazards = append(c.Hazards, hazard(HazardViewRepopulated, Warning, "Materialized view %s is dropped and created again: %s.", r.QName(), fill))
			}
		}
		d.add(phaseViews, c)
		for _, x := range sortedByName(p.dst.Indexes, indexName) {
			d.add(phaseViews, &Change{Kind: CreateIndex, Table: r.QName(), Index: x, Order: order})
		}
	}
	for _, q := range names {
		p := plans[q]
		if p.dst == nil {
			continue
		}
		if p.src == nil || p.drop {
			if p.dst.Comment != "" {
				d.add(phaseComments, &Change{Kind: CommentView, Table: q, View: p.dst, Comment: p.dst.Comment})
			}
			continue
		}
		d.viewIndexes(p.src, p.dst)
		if p.src.Comment != p.dst.Comment {
			d.add(phaseComments, &Change{Kind: CommentView, Table: q, View: p.dst, Comment: p.dst.Comment, OldComment: p.src.Comment})
		}
	}
	return nil
}

// viewIndexes drops and creates the indexes of a materialized view that
// stays.
func (d *differ) viewIndexes(s, t *schema.View) {
	q := t.QName()
	pairByName(s.Indexes, t.Indexes, indexName, func(sx, tx *schema.Index) {
		switch {
		case tx == nil:
			d.add(phaseDropDependents, &Change{Kind: DropIndex, Table: q, Index: sx, Hazards: d.dropIndexHazards(q, sx)})
		case sx == nil || !equalIndex(sx, tx):
			c := &Change{Kind: CreateIndex, Table: q, Index: tx,
				Hazards: []Hazard{hazard(HazardBlockingIndex, Warning, "Creating index %s without CONCURRENTLY blocks writes to materialized view %s (REFRESH) while it builds.", tx.Name, q)}}
			if sx != nil {
				d.add(phaseDropDependents, &Change{Kind: DropIndex, Table: q, Index: sx, Hazards: d.dropIndexHazards(q, sx)})
				c.Reason = "changed"
			}
			d.add(phaseViews, c)
		}
	})
}

// viewRef names a view in the dependency graph.
func viewRef(v *schema.View) schema.ObjectRef {
	return schema.ObjectRef{Kind: schema.KindView, Schema: v.Schema, Name: v.Name}
}

// normalQuery is v's query in schema.NormalizeQuery form, knowing the
// column types of db, the database v belongs to.
func normalQuery(v *schema.View, db *schema.Lookup) string {
	return schema.NormalizeQuery(v.Query, schema.QueryColumnTypes(db, v.Query))
}

// equalQuery reports whether two views have the same query: exactly when
// both were printed by PostgreSQL, in NormalizeQuery form when one of them
// comes from a schema file without a dev database (Textual).
func equalQuery(s, t *schema.View, src, dst *schema.Lookup) bool {
	if !s.Textual && !t.Textual {
		return strings.TrimSpace(s.Query) == strings.TrimSpace(t.Query)
	}
	return normalQuery(s, src) == normalQuery(t, dst)
}

// equalViewOptions reports whether two views have the same options.
func equalViewOptions(s, t *schema.View) bool {
	return s.CheckOption == t.CheckOption && s.SecurityBarrier == t.SecurityBarrier && s.SecurityInvoker == t.SecurityInvoker
}

// replaceable reports whether t can replace s with CREATE OR REPLACE VIEW
// (https://www.postgresql.org/docs/15/sql-createview.html: the new query
// must produce the same columns, same names and types in the same order,
// and may add columns at the end): both plain views, and the select list
// of s a prefix of t's, item by item. Equal queries are replaceable.
func replaceable(s, t *schema.View, src, dst *schema.Lookup) bool {
	if s.Materialized != t.Materialized {
		return false
	}
	if equalQuery(s, t, src, dst) {
		return true
	}
	if s.Materialized {
		return false
	}
	old, ok1 := schema.QueryOutputs(normalQuery(s, src), schema.QueryColumnTypes(src, s.Query))
	cur, ok2 := schema.QueryOutputs(normalQuery(t, dst), schema.QueryColumnTypes(dst, t.Query))
	return ok1 && ok2 && len(old) <= len(cur) && slices.Equal(old, cur[:len(old)])
}

// textualHazards returns the info hazard of a view whose query changes by a
// textual comparison (none when only its options or columns change, and
// none on SQL Server, which keeps a module's text as written: comparing it
// normalized is the comparison, docs/sqlserver.md, no dev database does
// better).
func textualHazards(s, t *schema.View, src, dst *schema.Lookup, dialect schema.Dialect) []Hazard {
	if !s.Textual && !t.Textual || dialect == schema.SQLServer || equalQuery(s, t, src, dst) {
		return nil
	}
	return []Hazard{hazard(HazardTextualComparison, Info,
		"The query of view %s was compared as text, without a dev database: if only its spelling differs from what PostgreSQL stores, give --dev-url for an exact comparison.", t.QName())}
}

// touchedRelations returns, per relation (by its name in the source), the
// columns the plan drops or retypes ("" for the whole table when it is
// dropped).
func (d *differ) touchedRelations() map[schema.QName]map[string]bool {
	out := map[schema.QName]map[string]bool{}
	orig := func(q schema.QName) schema.QName {
		if o, ok := d.origName[q]; ok {
			return o
		}
		return q
	}
	for _, changes := range d.phases {
		for _, c := range changes {
			switch {
			case c.Kind == DropTable:
				mark(out, c.Table, "")
			case c.Kind == DropColumn:
				mark(out, orig(c.Table), c.Column.Name)
			case c.Kind == AlterColumn && (c.Alter.Type || c.Alter.Collation):
				mark(out, orig(c.Table), c.OldColumn.Name)
			case c.Kind == RecreateEnum:
				for _, u := range c.Uses {
					mark(out, u.Table, u.Column.Name)
				}
			}
		}
	}
	return out
}

// readsTouched says why view v must be dropped and created again because
// of what the plan does to the tables it reads, or "" when it need not be.
// A view read from a database depends on columns (pg_depend); one of a
// schema file on whole tables, so any dropped or retyped column of them
// counts.
func readsTouched(v *schema.View, touched map[schema.QName]map[string]bool) string {
	byColumn := map[schema.QName]bool{}
	for _, r := range v.DependsOn {
		if r.Kind == schema.KindColumn {
			byColumn[r.QName()] = true
		}
	}
	for _, r := range v.DependsOn {
		cols := touched[r.QName()]
		if cols == nil {
			continue
		}
		switch {
		case cols[""]:
			return "it reads table " + r.QName().String() + ", which is dropped"
		case r.Kind == schema.KindColumn && cols[r.Column]:
			return "unchanged: it reads column " + columnName(r.QName(), r.Column) + ", which is dropped or whose type changes"
		case r.Kind != schema.KindColumn && !byColumn[r.QName()]:
			var names []string
			for c := range cols {
				names = append(names, c)
			}
			slices.Sort(names)
			return "unchanged: it reads table " + r.QName().String() + ", whose column " + strings.Join(names, ", ") + " is dropped or changes type"
		}
	}
	return ""
}
