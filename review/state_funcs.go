package review

import (
	"cmp"
	"slices"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// applyFunction applies the function and trigger ops to the state.
func (s *state) applyFunction(o op) {
	db := s.db
	switch o.kind {
	case opCreateFunction:
		f := *o.fn
		f.Pos = o.pos
		if f.Schema == "" {
			f.Schema = db.Dialect.DefaultSchema()
		}
		if i := s.findFunction(&f); i >= 0 {
			if !o.replace {
				s.conflict(o, CodeDuplicate, diff.Error, f.Kind()+" "+functionID(&f), "%s %s is created twice; remove the second CREATE or write CREATE OR REPLACE.", f.Kind(), functionID(&f))
				return
			}
			f.Comment = db.Functions[i].Comment // OR REPLACE keeps the comment
			db.Functions[i] = &f
			return
		}
		db.Functions = append(db.Functions, &f)
	case opDropFunction:
		i := s.findFunction(o.fn)
		if i < 0 {
			if !o.ifExist {
				s.conflict(o, CodeDropMissing, diff.Error, o.fn.Kind()+" "+functionID(o.fn), "%s %s is dropped but no earlier migration creates it; remove the drop or fix the name and argument types.", o.fn.Kind(), functionID(o.fn))
			}
			return
		}
		db.Functions = slices.Delete(db.Functions, i, i+1)
	case opCreateTrigger:
		if db.Dialect != schema.SQLServer || db.View(o.table) == nil { // SQL Server: INSTEAD OF triggers on views
			if s.table(o) == nil {
				return
			}
		}
		t := *o.trg
		t.Pos = o.pos
		t.Schema, t.Table = o.table.Schema, o.table.Name
		if i := findTrigger(db, &t); i >= 0 {
			if !o.replace {
				s.conflict(o, CodeDuplicate, diff.Error, "trigger "+t.Name, "Trigger %s on %s is created twice; remove the second CREATE TRIGGER or write CREATE OR REPLACE.", t.Name, t.TableQName())
				return
			}
			t.Comment = db.Triggers[i].Comment
			db.Triggers[i] = &t
			return
		}
		db.Triggers = append(db.Triggers, &t)
	case opDropTrigger, opTriggerState:
		t := *o.trg
		t.Schema, t.Table = o.table.Schema, o.table.Name
		i := findTrigger(db, &t)
		if o.table.Name == "" { // T-SQL's DROP TRIGGER names no table: the trigger of that schema and name
			t.Schema = cmp.Or(o.trg.Schema, db.Dialect.DefaultSchema())
			i = slices.IndexFunc(db.Triggers, func(x *schema.Trigger) bool {
				return cmp.Or(x.Schema, db.Dialect.DefaultSchema()) == t.Schema && x.Name == t.Name
			})
		}
		switch {
		case i < 0 && !o.ifExist:
			s.conflict(o, CodeDropMissing, diff.Error, "trigger "+t.Name, "Trigger %s on %s is not created by an earlier migration; fix the name or the table.", t.Name, t.TableQName())
		case i < 0:
		case o.kind == opDropTrigger:
			db.Triggers = slices.Delete(db.Triggers, i, i+1)
		default:
			db.Triggers[i].Enabled = o.value
		}
	}
}

// findFunction returns the index of the function of the state with f's
// schema (the default one when f names none), name and argument types, or -1.
func (s *state) findFunction(f *schema.Function) int {
	want := *f
	if want.Schema == "" {
		want.Schema = s.db.Dialect.DefaultSchema()
	}
	id := functionID(&want)
	return slices.IndexFunc(s.db.Functions, func(g *schema.Function) bool { return functionID(g) == id })
}

// functionID returns schema.name(types) with the argument types canonical.
func functionID(f *schema.Function) string {
	g := *f
	g.Args = nil
	for _, a := range f.Args {
		c := *a
		c.Type = schema.FunctionType(a.Type)
		c.Mode = functionArgMode(a.Mode)
		g.Args = append(g.Args, &c)
	}
	return g.Schema + "." + g.Signature()
}

// functionArgMode returns an argument mode as the model spells it.
func functionArgMode(m string) string {
	if m == "in" {
		return ""
	}
	return m
}

// findTrigger returns the index of the trigger of db named as t on t's table, or -1.
func findTrigger(db *schema.Database, t *schema.Trigger) int {
	return slices.IndexFunc(db.Triggers, func(x *schema.Trigger) bool { return x.TableQName() == t.TableQName() && x.Name == t.Name })
}

// commentFunction applies COMMENT ON FUNCTION|PROCEDURE|TRIGGER.
func (s *state) commentFunction(o op) {
	if o.fn != nil {
		if i := s.findFunction(o.fn); i >= 0 {
			s.db.Functions[i].Comment = o.value
		}
		return
	}
	if o.trg != nil {
		if i := findTrigger(s.db, o.trg); i >= 0 {
			s.db.Triggers[i].Comment = o.value
		}
	}
}

// dropSchemaFunctions removes what DROP SCHEMA drops with the schema.
func dropSchemaFunctions(db *schema.Database, name string) {
	db.Functions = slices.DeleteFunc(db.Functions, func(f *schema.Function) bool { return f.Schema == name })
	db.Triggers = slices.DeleteFunc(db.Triggers, func(t *schema.Trigger) bool { return t.Schema == name })
}

// moveTriggers makes the triggers of table from those of table to (a rename).
func moveTriggers(db *schema.Database, from, to schema.QName) {
	for _, t := range db.Triggers {
		if t.TableQName() == from {
			t.Schema, t.Table = to.Schema, to.Name
		}
	}
}
