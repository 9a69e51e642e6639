package schema

import (
	"fmt"
	"slices"
	"strings"
)

// function reads a `function "name" { … }` or `procedure "name" { … }`
// block (YAML: a functions: or procedures: entry). Attributes are documented
// in docs/schema-format.md (Functions and procedures).
func (l *loader) function(o object, procedure bool) *Function {
	f := &Function{Pos: o.pos(), Procedure: procedure}
	f.Name, _ = o.label(1, 1)
	f.Schema = l.text(o, f, "schema")
	args, pos, _ := o.strList("args")
	for i, s := range args {
		a, err := ParseFunctionArg(s)
		if err != nil {
			l.errorf(pos[i], o.desc(), `write an argument as [in|out|inout|variadic] [name] type [DEFAULT expr], e.g. "id integer"`, "%v", err)
			continue
		}
		f.Args = append(f.Args, a)
		l.setPos(f, fmt.Sprintf("args.%d", len(f.Args)-1), pos[i])
	}
	if !procedure {
		f.Returns = l.text(o, f, "returns")
	}
	f.Language = l.text(o, f, "language")
	f.Body, _ = l.required(o, "body", `add body = <<-SQL … SQL`)
	if !procedure {
		f.Volatility = l.text(o, f, "volatility")
		f.Strict = l.flag(o, f, "strict")
		f.Leakproof = l.flag(o, f, "leakproof")
		f.Parallel = l.text(o, f, "parallel")
		for _, k := range []struct {
			key string
			to  *float64
		}{{"cost", &f.Cost}, {"rows", &f.Rows}} {
			if v, pos, ok := o.integer(k.key); ok {
				*k.to = float64(v)
				l.setPos(f, k.key, pos)
			}
		}
	}
	f.SecurityDefiner = l.flag(o, f, "security_definer")
	f.Set = l.columnList(o, f, "set", false)
	f.Comment = l.text(o, f, "comment")
	f.Settings = l.moduleSettings(o, f)
	o.done()
	return f
}

// trigger reads a `trigger "name" { on = "table" … }` block (YAML: a
// triggers: entry).
func (l *loader) trigger(o object) *Trigger {
	t := &Trigger{Pos: o.pos()}
	t.Name, _ = o.label(1, 1)
	on, pos := l.required(o, "on", `add on = "table" or "schema.table"`)
	l.setPos(t, "on", pos)
	q := ParseQName(on, "")
	t.Schema, t.Table = q.Schema, q.Name
	// a SQL Server trigger's body (the whole CREATE TRIGGER) says its
	// timing and events; PostgreSQL's, which calls a function, needs them
	hasBody := o.has("body")
	t.Timing = l.text(o, t, "timing")
	if !o.has("timing") && !hasBody {
		l.errorf(o.pos(), o.desc(), `add timing = "before", "after" or "instead of"`, "missing required attribute timing")
	}
	t.Events = l.columnList(o, t, "events", !hasBody)
	t.UpdateOf = l.columnList(o, t, "update_of", false)
	switch fe, pos, _ := o.str("for_each"); fe {
	case "row":
		t.ForEachRow = true
	case "", "statement":
	default:
		l.errorf(pos, o.desc(), `use "row" or "statement"`, "invalid for_each %q", fe)
	}
	t.When = l.text(o, t, "when")
	t.OldTable = l.text(o, t, "old_table")
	t.NewTable = l.text(o, t, "new_table")
	t.Function = l.text(o, t, "function") // required on PostgreSQL (validateFunctions)
	t.Args = l.columnList(o, t, "args", false)
	t.Enabled = l.text(o, t, "enabled")
	t.Body = l.text(o, t, "body") // SQL Server: the whole CREATE TRIGGER statement
	t.Settings = l.moduleSettings(o, t)
	t.Comment = l.text(o, t, "comment")
	o.done()
	return t
}

// triggerEvents are the events of a trigger, in canonical order.
var triggerEvents = []string{"insert", "update", "delete", "truncate"}

// validateFunctions checks the functions, procedures and triggers of db
// (PostgreSQL's rules: https://www.postgresql.org/docs/15/sql-createfunction.html,
// https://www.postgresql.org/docs/15/sql-createtrigger.html).
func (l *loader) validateFunctions(db *Database) {
	sigs := l.dups()
	for _, f := range db.Functions {
		obj := f.Kind() + " " + QName{f.Schema, f.Name}.String()
		if db.Dialect != Postgres {
			continue // validateSQLServerObjects
		}
		l.noModuleSettings(f, f.Settings, obj, f.Pos)
		sigs.add(canonicalSignature(f), f.Pos, obj, fmt.Sprintf("%s %s is declared twice (same argument types)", f.Kind(), canonicalSignature(f)))
		if f.Language == "" {
			l.errorf(f.Pos, obj, `add language = "sql" (or "plpgsql", …)`, "missing required attribute language")
		}
		if !f.Procedure && f.Returns == "" && !slices.ContainsFunc(f.Args, func(a *FunctionArg) bool { return a.Mode == "out" || a.Mode == "inout" }) {
			l.errorf(f.Pos, obj, `add returns = "integer" (or "void", "SETOF t", "TABLE(id integer)", "trigger")`, "missing required attribute returns")
		}
		if _, err := ParseReturns(f.Returns); err != nil {
			l.errorf(l.at(f, "returns", f.Pos), obj, `write returns = "type", "SETOF type" or "TABLE(name type, …)"`, "%v", err)
		}
		l.oneOf(f, "volatility", f.Volatility, obj, f.Pos, "volatile", "stable", "immutable")
		l.oneOf(f, "parallel", f.Parallel, obj, f.Pos, "unsafe", "restricted", "safe")
		if f.Cost < 0 || f.Rows < 0 {
			l.errorf(f.Pos, obj, "use a positive number", "cost and rows must be positive")
		}
		if f.Rows > 0 && !f.ReturnsSet() {
			l.errorf(l.at(f, "rows", f.Pos), obj, "remove rows, or return SETOF or TABLE", "rows is only for a set-returning function")
		}
		for i, s := range f.Set {
			if name, _, ok := strings.Cut(s, "="); !ok || strings.TrimSpace(name) == "" {
				l.errorf(l.at(f, fmt.Sprintf("set.%d", i), f.Pos), obj, `write "name=value", e.g. "search_path=public, pg_temp"`, "invalid set %q", s)
			}
		}
		defaults := false
		for i, a := range f.Args {
			at := l.at(f, fmt.Sprintf("args.%d", i), f.Pos)
			if a.Default != "" {
				defaults = true
			} else if defaults && a.Mode != "out" {
				l.errorf(at, obj, "give it a default too, or move it before the arguments with defaults", "argument %d has no default after one that has (42P13)", i+1)
			}
			if a.Mode == "variadic" && i != len(f.Args)-1 {
				l.errorf(at, obj, "make the variadic argument the last one", "only the last argument can be variadic")
			}
		}
	}
	triggers := l.dups()
	for _, t := range db.Triggers {
		obj := fmt.Sprintf("trigger %s on %s", t.Name, t.TableQName())
		if db.Dialect != Postgres {
			continue // validateSQLServerObjects
		}
		triggers.add(t.TableQName().String()+"."+t.Name, t.Pos, obj, "trigger "+t.Name+" on "+t.TableQName().String()+" is declared twice")
		l.noModuleSettings(t, t.Settings, obj, t.Pos)
		if t.Body != "" {
			l.errorf(l.at(t, "body", t.Pos), obj, "remove it: a PostgreSQL trigger executes a function (function = …)", "body is a SQL Server attribute")
		}
		if t.Function == "" {
			l.errorf(t.Pos, obj, `add function = "name" or "schema.name" (a function returning trigger)`, "missing required attribute function")
		}
		if l.names.Table(t.TableQName()) == nil {
			l.errorf(l.at(t, "on", t.Pos), obj, "declare the table in the schema files, or fix the name", "table %s does not exist", t.TableQName())
		}
		l.oneOf(t, "timing", t.Timing, obj, t.Pos, "before", "after", "instead of")
		for i, e := range t.Events {
			if !slices.Contains(triggerEvents, strings.ToLower(e)) {
				l.errorf(l.at(t, fmt.Sprintf("events.%d", i), t.Pos), obj, `use "insert", "update", "delete" or "truncate"`, "invalid event %q", e)
			}
		}
		if len(t.UpdateOf) > 0 && !slices.ContainsFunc(t.Events, func(e string) bool { return strings.EqualFold(e, "update") }) {
			l.errorf(l.at(t, "update_of.0", t.Pos), obj, `add "update" to events`, "update_of needs the update event")
		}
		if (t.OldTable != "" || t.NewTable != "") && !strings.EqualFold(t.Timing, "after") {
			l.errorf(t.Pos, obj, `use timing = "after"`, "transition tables (old_table, new_table) need an AFTER trigger")
		}
		l.oneOf(t, "enabled", t.Enabled, obj, t.Pos, "origin", "disabled", "replica", "always")
	}
}

// canonicalSignature returns schema.name(types) of f with its argument
// types canonical (int4 and integer are one type).
func canonicalSignature(f *Function) string {
	var types []string
	for _, a := range f.Args {
		if !strings.EqualFold(a.Mode, "out") {
			types = append(types, FunctionType(a.Type))
		}
	}
	return f.Schema + "." + f.Name + "(" + strings.Join(types, ", ") + ")"
}

// oneOf reports attr of owner when v is set and not one of allowed.
func (l *loader) oneOf(owner any, attr, v, obj string, fallback Pos, allowed ...string) {
	if v != "" && !slices.Contains(allowed, strings.ToLower(v)) {
		l.errorf(l.at(owner, attr, fallback), obj, "use "+quoteList(allowed), "invalid %s %q", attr, v)
	}
}

// quoteList spells "a", "b" or "c".
func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// moduleSettings reads a SQL Server module's ansi_nulls and
// quoted_identifier: the SET options it is created under, true (ON) when
// not said. validateSQLServerObjects refuses them on PostgreSQL.
func (l *loader) moduleSettings(o object, owner any) ModuleSettings {
	off := func(key string) bool {
		v := l.optBool(o, owner, key)
		return v != nil && !*v
	}
	return ModuleSettings{ANSINullsOff: off("ansi_nulls"), QuotedIdentifierOff: off("quoted_identifier")}
}

// setModuleSettings writes the settings of a SQL Server module that are
// OFF (see moduleSettings).
func setModuleSettings(n *wnode, s ModuleSettings) {
	if s.ANSINullsOff {
		n.fields = append(n.fields, wfield{"ansi_nulls", false})
	}
	if s.QuotedIdentifierOff {
		n.fields = append(n.fields, wfield{"quoted_identifier", false})
	}
}

// noModuleSettings refuses ansi_nulls and quoted_identifier, SQL Server
// attributes, on a PostgreSQL object.
func (l *loader) noModuleSettings(owner any, s ModuleSettings, obj string, fallback Pos) {
	for _, k := range []struct {
		key string
		off bool
	}{{"ansi_nulls", s.ANSINullsOff}, {"quoted_identifier", s.QuotedIdentifierOff}} {
		if k.off {
			l.errorf(l.at(owner, k.key, fallback), obj, "remove it", "%s is a SQL Server attribute", k.key)
		}
	}
}
