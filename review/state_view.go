package review

import (
	"slices"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// applyView changes the state as an opCreateView or opDropView does.
func (s *state) applyView(o op) {
	db := s.db
	switch o.kind {
	case opCreateView:
		v := *o.view
		v.Pos = o.pos
		if v.Schema == "" {
			v.Schema = db.Dialect.DefaultSchema()
		}
		if old := db.View(v.QName()); old != nil || db.Table(v.QName()) != nil {
			switch {
			case old != nil && o.replace && !old.Materialized:
				v.Comment = old.Comment
				db.Views = slices.DeleteFunc(db.Views, func(x *schema.View) bool { return x == old })
			case o.ifExist:
				return
			default:
				s.conflict(o, CodeDuplicate, diff.Error, v.Describe(), "%s is created twice (or a table has its name); drop it first or remove the second CREATE.", v.QName())
				return
			}
		}
		db.Views = append(db.Views, &v)
	case opDropView:
		v := db.View(o.table)
		if v == nil || v.Materialized != o.view.Materialized {
			if !o.ifExist {
				s.conflict(o, CodeDropMissing, diff.Error, "view "+o.table.String(), "View %s is dropped but no earlier migration creates it (as this kind of view); remove the drop or fix the name.", o.table)
			}
			return
		}
		db.Views = slices.DeleteFunc(db.Views, func(x *schema.View) bool { return x == v })
	}
}

// viewIndexOp applies an opCreateIndex, opDropIndex or index comment to a
// materialized view, and reports whether o names one.
func (s *state) viewIndexOp(o op) bool {
	switch o.kind {
	case opCreateIndex:
		v := s.db.View(o.table)
		if v == nil || !v.Materialized {
			return false
		}
		x := *o.idx
		x.Parts = slices.Clone(o.idx.Parts)
		x.Pos = o.pos
		v.Indexes = append(v.Indexes, &x)
		return true
	case opDropIndex, opComment:
		for _, v := range s.db.Views {
			if o.table.Schema != "" && v.Schema != o.table.Schema || o.table.Name != "" && v.QName() != o.table {
				continue
			}
			for _, x := range v.Indexes {
				if x.Name != o.name {
					continue
				}
				if o.kind == opComment {
					x.Comment = o.value
				} else {
					v.Indexes = slices.DeleteFunc(v.Indexes, func(y *schema.Index) bool { return y == x })
				}
				return true
			}
		}
	}
	return false
}
