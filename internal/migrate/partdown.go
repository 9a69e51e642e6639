package migrate

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// partDowns returns, for the consecutive parts ups of a plan that turns
// from into to, the down plan of each part: the one that undoes exactly
// that part's up, so that tools rolling back one migration at a time
// (golang-migrate down 1, Flyway undo, dbmate rollback) leave the database
// in the state the part started from. It computes the state between each
// two parts (intermediateState) and compares them with diff.Down. ok is
// false when a state between parts cannot be computed, or when comparing
// the states does not give back a part's statements exactly: the caller
// then cannot split the down plan by part. Options are inferred from the
// plans (an index change CONCURRENTLY means Options.Concurrently).
func partDowns(from, to *schema.Database, ups []*diff.Plan, down *diff.Plan) (downs []*diff.Plan, ok bool, err error) {
	if len(ups) == 1 {
		return []*diff.Plan{down}, true, nil
	}
	if from == nil || to == nil {
		return nil, false, nil
	}
	all := concatChanges(slices.Concat(ups, []*diff.Plan{down}))
	opts := diff.Options{Concurrently: slices.ContainsFunc(all, func(c *diff.Change) bool { return c.Concurrently })}
	states := make([]*schema.Database, len(ups)+1)
	states[0], states[len(ups)] = from, to
	for k := 1; k < len(ups); k++ {
		s, err := intermediateState(from, to, ups, k)
		if s == nil || err != nil {
			return nil, false, err
		}
		states[k] = s
	}
	for k, up := range ups {
		same, err := sameStatements(states[k], states[k+1], up, opts)
		if !same || err != nil {
			return nil, false, err
		}
		d, err := diff.Down(states[k], states[k+1], opts)
		if err != nil {
			return nil, false, err
		}
		downs = append(downs, d)
	}
	return downs, true, nil
}

// concatChanges returns the changes of plans (nil ones hold none), in order.
func concatChanges(plans []*diff.Plan) []*diff.Change {
	var all []*diff.Change
	for _, p := range plans {
		if p != nil {
			all = append(all, p.Changes...)
		}
	}
	return all
}

// sameStatements reports whether comparing from with to renders the same
// statements as the plan up: that the states around a part are right.
func sameStatements(from, to *schema.Database, up *diff.Plan, opts diff.Options) (bool, error) {
	p, err := diff.Compare(from, to, opts)
	if err != nil {
		return false, err
	}
	got, err := render.SQL(p)
	if err != nil {
		return false, err
	}
	want, err := render.SQL(up)
	if err != nil {
		return false, err
	}
	return slices.EqualFunc(got, want, func(a, b render.Statement) bool { return a.SQL == b.SQL }), nil
}

// intermediateState returns the database after the parts ups[:k] have run:
// from with their changes applied, or, when one of them is not a kind
// applyChange knows, to with the changes of ups[k:] undone. It returns nil
// when neither works.
func intermediateState(from, to *schema.Database, ups []*diff.Plan, k int) (*schema.Database, error) {
	db, err := deepCopy(from)
	if err != nil {
		return nil, err
	}
	if applyAll(db, concatChanges(ups[:k]), false) {
		return db, nil
	}
	if db, err = deepCopy(to); err != nil {
		return nil, err
	}
	later := concatChanges(ups[k:])
	slices.Reverse(later)
	if applyAll(db, later, true) {
		return db, nil
	}
	return nil, nil
}

// applyAll applies (or, with undo, undoes) changes to db in order, and
// reports whether it could apply every one.
func applyAll(db *schema.Database, changes []*diff.Change, undo bool) bool {
	for _, c := range changes {
		if !applyChange(db, c, undo) {
			return false
		}
	}
	return true
}

// applyChange makes in db the model change c describes (with undo, its
// reverse), and reports whether it could: it knows the kinds of change of
// the phases before an ADD VALUE or DROP INDEX CONCURRENTLY (schemas,
// enums and their values, dropped keys, indexes and foreign keys) and after
// a CREATE INDEX CONCURRENTLY (indexes, foreign keys, dropped tables, enums
// and schemas, comments), not the ones in between (columns, renames,
// created tables): intermediateState applies the first kind forward and
// undoes the second from the target. Objects it adds to db are copies: db
// never shares what it changes with c.
func applyChange(db *schema.Database, c *diff.Change, undo bool) bool {
	if done, ok := applyViewChange(db, c, undo); done {
		return ok
	}
	t := db.Table(c.Table)
	if t == nil && c.Table != (schema.QName{}) && c.Kind != diff.DropTable {
		return false
	}
	switch c.Kind {
	case diff.CreateSchema, diff.DropSchema:
		if (c.Kind == diff.CreateSchema) != undo {
			s := *c.Schema
			db.Schemas = append(db.Schemas, &s)
		} else {
			db.Schemas = slices.DeleteFunc(db.Schemas, func(s *schema.Schema) bool { return s.Name == c.Schema.Name })
		}
	case diff.CreateEnum, diff.DropEnum:
		if (c.Kind == diff.CreateEnum) != undo {
			e := *c.Enum
			db.Enums = append(db.Enums, &e)
		} else {
			db.Enums = slices.DeleteFunc(db.Enums, func(e *schema.Enum) bool { return e.QName() == c.Enum.QName() })
		}
	case diff.AddEnumValue:
		e := db.Enum(c.Enum.QName())
		if e == nil {
			return false
		}
		if undo {
			e.Values = slices.DeleteFunc(slices.Clone(e.Values), func(v string) bool { return v == c.Value })
			break
		}
		i := len(e.Values)
		if c.ValueBefore != "" {
			if i = slices.Index(e.Values, c.ValueBefore); i < 0 {
				return false
			}
		}
		e.Values = slices.Insert(slices.Clone(e.Values), i, c.Value)
	case diff.DropTable:
		if undo {
			def, err := deepCopy(c.TableDef)
			if err != nil {
				return false
			}
			db.Tables = append(db.Tables, def)
		} else {
			db.Tables = slices.DeleteFunc(db.Tables, func(x *schema.Table) bool { return x.QName() == c.TableDef.QName() })
		}
	case diff.CreateIndex, diff.DropIndex:
		t.Indexes = putNamed(t.Indexes, c.Index, func(x *schema.Index) string { return x.Name }, (c.Kind == diff.CreateIndex) != undo)
	case diff.AddForeignKey, diff.DropForeignKey:
		t.ForeignKeys = putNamed(t.ForeignKeys, c.ForeignKey, func(x *schema.ForeignKey) string { return x.Name }, (c.Kind == diff.AddForeignKey) != undo)
	case diff.AddCheck, diff.DropCheck:
		t.Checks = putNamed(t.Checks, c.Check, func(x *schema.Check) string { return x.Name }, (c.Kind == diff.AddCheck) != undo)
	case diff.AddExclude, diff.DropExclude:
		t.Excludes = putNamed(t.Excludes, c.Exclude, func(x *schema.Exclude) string { return x.Name }, (c.Kind == diff.AddExclude) != undo)
	case diff.AddUnique, diff.DropUnique:
		t.Uniques = putNamed(t.Uniques, c.Unique, func(x *schema.Unique) string { return x.Name }, (c.Kind == diff.AddUnique) != undo)
	case diff.AddPrimaryKey, diff.DropPrimaryKey:
		t.PrimaryKey = nil
		if (c.Kind == diff.AddPrimaryKey) != undo {
			t.PrimaryKey = c.PrimaryKey
		}
	case diff.ValidateConstraint: // only NOT VALID differs: forward valid, undone NOT VALID
		return setConstraint(t, c, func(ck *schema.Check) { ck.NotValid = undo }, func(fk *schema.ForeignKey) { fk.NotValid = undo })
	case diff.CommentConstraint, diff.CommentIndex:
		text := c.Comment
		if undo {
			text = c.OldComment
		}
		if c.Kind == diff.CommentIndex {
			i := slices.IndexFunc(t.Indexes, func(x *schema.Index) bool { return x.Name == c.Index.Name })
			if i < 0 {
				return false
			}
			x := *t.Indexes[i]
			x.Comment = text
			t.Indexes[i] = &x
			return true
		}
		if c.Exclude != nil {
			i := slices.IndexFunc(t.Excludes, func(x *schema.Exclude) bool { return x.Name == c.Exclude.Name })
			if i < 0 {
				return false
			}
			x := *t.Excludes[i]
			x.Comment = text
			t.Excludes[i] = &x
			return true
		}
		return setConstraint(t, c, func(ck *schema.Check) { ck.Comment = text }, func(fk *schema.ForeignKey) { fk.Comment = text })
	case diff.CommentSchema, diff.CommentTable, diff.CommentColumn:
		text := c.Comment
		if undo {
			text = c.OldComment
		}
		switch {
		case c.Kind == diff.CommentSchema && db.Schema(c.Schema.Name) != nil:
			db.Schema(c.Schema.Name).Comment = text
		case c.Kind == diff.CommentTable:
			t.Comment = text
		case c.Kind == diff.CommentColumn && t.Column(c.Column.Name) != nil:
			t.Column(c.Column.Name).Comment = text
		default:
			return false
		}
	default:
		return false
	}
	return true
}

// putNamed returns list without the object named as x is and, when add,
// with x appended.
func putNamed[T any](list []*T, x *T, name func(*T) string, add bool) []*T {
	list = slices.DeleteFunc(list, func(y *T) bool { return name(y) == name(x) })
	if add {
		list = append(list, x)
	}
	return list
}

// setConstraint applies edit to a copy of the check or foreign key of t
// that c names (c.Check or c.ForeignKey), and reports whether t has it; a
// change of a primary key or unique constraint is not known here.
func setConstraint(t *schema.Table, c *diff.Change, check func(*schema.Check), fk func(*schema.ForeignKey)) bool {
	switch {
	case c.Check != nil:
		i := slices.IndexFunc(t.Checks, func(x *schema.Check) bool { return x.Name == c.Check.Name })
		if i < 0 {
			return false
		}
		x := *t.Checks[i]
		check(&x)
		t.Checks[i] = &x
	case c.ForeignKey != nil:
		i := slices.IndexFunc(t.ForeignKeys, func(x *schema.ForeignKey) bool { return x.Name == c.ForeignKey.Name })
		if i < 0 {
			return false
		}
		x := *t.ForeignKeys[i]
		fk(&x)
		t.ForeignKeys[i] = &x
	default:
		return false
	}
	return true
}

// deepCopy returns a deep copy of v (through its JSON form, which holds
// everything of the schema model but source positions).
func deepCopy[T any](v *T) (*T, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("copy schema: %w", err)
	}
	var c T
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("copy schema: %w", err)
	}
	return &c, nil
}

// applyViewChange is applyChange for the changes of views and of the
// indexes of materialized views; done is false for other changes.
func applyViewChange(db *schema.Database, c *diff.Change, undo bool) (done, ok bool) {
	v := db.View(c.Table)
	switch {
	case c.Kind == diff.CreateView || c.Kind == diff.DropView || c.Kind == diff.ReplaceView:
		add := (c.Kind == diff.DropView) == undo
		put := c.View
		if c.Kind == diff.ReplaceView && undo {
			put = c.OldView
		}
		cp, err := deepCopy(put)
		if err != nil {
			return true, false
		}
		db.Views = putNamed(db.Views, cp, func(x *schema.View) string { return x.QName().String() }, add)
		return true, true
	case v == nil:
		return false, false
	case c.Kind == diff.CommentView:
		cp := *v
		cp.Comment = c.Comment
		if undo {
			cp.Comment = c.OldComment
		}
		db.Views = putNamed(db.Views, &cp, func(x *schema.View) string { return x.QName().String() }, true)
	case c.Kind == diff.CreateIndex || c.Kind == diff.DropIndex:
		cp := *v
		cp.Indexes = putNamed(slices.Clone(v.Indexes), c.Index, func(x *schema.Index) string { return x.Name }, (c.Kind == diff.CreateIndex) != undo)
		db.Views = putNamed(db.Views, &cp, func(x *schema.View) string { return x.QName().String() }, true)
	default:
		return true, false
	}
	return true, true
}
