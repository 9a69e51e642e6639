package schema

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// fillFunctionDefaults sets the schema of functions and triggers that the
// files leave to the dialect's default (a trigger's is its table's).
func fillFunctionDefaults(db *Database) {
	def := db.Dialect.DefaultSchema()
	for _, f := range db.Functions {
		if f.Schema == "" {
			f.Schema = def
		}
	}
	for _, t := range db.Triggers {
		if t.Schema == "" {
			t.Schema = def
		}
	}
}

// functions brings functions, procedures and triggers to canonical form (see
// the canonical: notes of Function and Trigger) and sorts them.
func (n *normalizer) functions() {
	fillFunctionDefaults(n.db)
	for _, f := range n.db.Functions {
		n.function(f)
	}
	sort.SliceStable(n.db.Functions, func(i, j int) bool {
		return lessQName(n.db.Functions[i].QName(), n.db.Functions[j].QName())
	})
	names := map[QName]bool{}
	for _, f := range n.db.Functions {
		names[QName{f.Schema, f.Name}] = true
	}
	for _, t := range n.db.Triggers {
		n.trigger(t, names)
	}
	sort.SliceStable(n.db.Triggers, func(i, j int) bool { return lessQName(n.db.Triggers[i].QName(), n.db.Triggers[j].QName()) })
}

// function brings f to canonical form.
func (n *normalizer) function(f *Function) {
	obj := f.Kind() + " " + QName{f.Schema, f.Name}.String()
	f.Language = strings.ToLower(strings.TrimSpace(f.Language))
	for _, a := range f.Args {
		a.Mode = strings.ToLower(a.Mode)
		if a.Mode == "in" {
			a.Mode = ""
		}
		a.Type = FunctionType(a.Type)
		if a.Default != "" {
			a.Default = argDefault(a.Default)
		}
	}
	if f.Procedure {
		f.Returns, f.Volatility, f.Parallel, f.Strict, f.Leakproof, f.Cost, f.Rows = "", "", "", false, false, 0, 0
	} else {
		f.Returns = n.returns(f, obj)
		f.Volatility = strings.ToLower(f.Volatility)
		if f.Volatility == "" {
			f.Volatility = "volatile"
		}
		f.Parallel = strings.ToLower(f.Parallel)
		if f.Parallel == "" {
			f.Parallel = "unsafe"
		}
		if f.Cost == DefaultFunctionCost(f.Language) {
			f.Cost = 0
		}
		if f.Rows == 1000 && f.ReturnsSet() {
			f.Rows = 0
		}
	}
	for i, s := range f.Set {
		f.Set[i] = CanonicalSetting(s)
	}
	sort.Strings(f.Set)
}

// argDefault returns an argument's default in canonical form: a literal
// without the cast to the argument's type PostgreSQL adds ('x'::text is 'x',
// NULL::integer is null, '-1.5'::numeric is -1.5), anything else in
// NormalizeExpr form.
func argDefault(expr string) string {
	if isNullLiteral(Postgres, expr) {
		return "null"
	}
	lit, ok := literalDefault(Postgres, expr)
	switch {
	case !ok:
		return NormalizeExpr(Postgres, expr)
	case lit.kind == DefaultString && isNumberText(lit.val) && (classOf(Postgres, lit.cast) == classInteger || classOf(Postgres, lit.cast) == classNumber):
		return canonicalNumber(lit.val) // '-1.5'::numeric, as PostgreSQL stores -1.5
	case lit.kind == DefaultString:
		return "'" + strings.ReplaceAll(lit.val, "'", "''") + "'"
	}
	return lit.val
}

// returns returns f's return type in canonical form: the type of its only
// OUT argument or "record" for several when the file gives none (as
// pg_get_function_result prints them).
func (n *normalizer) returns(f *Function, obj string) string {
	if strings.TrimSpace(f.Returns) == "" {
		var outs []*FunctionArg
		for _, a := range f.Args {
			if a.Mode == "out" || a.Mode == "inout" {
				outs = append(outs, a)
			}
		}
		switch len(outs) {
		case 0:
			return ""
		case 1:
			return outs[0].Type
		}
		return "record"
	}
	r, err := ParseReturns(f.Returns)
	if err != nil {
		n.errorf(f.Pos, obj, `write returns = "type", "SETOF type" or "TABLE(name type, …)"`, "%v", err)
		return f.Returns
	}
	r.Type = FunctionType(r.Type)
	for _, c := range r.Table {
		c.Type = FunctionType(c.Type)
	}
	return r.String()
}

// ReturnsSet reports whether the function returns SETOF or TABLE(…).
func (f *Function) ReturnsSet() bool {
	r, err := ParseReturns(f.Returns)
	return err == nil && (r.SetOf || r.Table != nil)
}

// DefaultFunctionCost is the COST PostgreSQL gives a function of language
// lang when none is given: 1 for C and internal functions, 100 otherwise
// (https://www.postgresql.org/docs/15/sql-createfunction.html, COST).
func DefaultFunctionCost(lang string) float64 {
	if lang == "c" || lang == "internal" {
		return 1
	}
	return 100
}

// FunctionType returns the canonical spelling of the type of an argument or
// a result: built-in types as CanonicalType spells them without their
// modifiers (PostgreSQL drops the modifiers of argument types), other names
// as format_type prints them with search_path = public (so public.mood is
// mood, app.mood stays qualified), unquoted names in lower case.
func FunctionType(typ string) string {
	typ = strings.Join(strings.Fields(typ), " ")
	if canon, err := CanonicalType(Postgres, typ); err == nil {
		return StripTypmods(canon)
	}
	if !strings.Contains(typ, `"`) {
		typ = strings.ToLower(typ)
	}
	return strings.TrimPrefix(typ, "public.")
}

// listSettings are the settings whose value is a list: PostgreSQL stores
// each element as quote_identifier spells it, joined by ", " (GUC_LIST_QUOTE).
var listSettings = map[string]bool{"search_path": true, "temp_tablespaces": true, "local_preload_libraries": true,
	"session_preload_libraries": true, "shared_preload_libraries": true}

// CanonicalSetting returns a SET option as pg_proc.proconfig holds it:
// "name=value", the name in lower case, a list's elements as
// quote_identifier spells them joined by ", ".
func CanonicalSetting(s string) string {
	name, value, _ := strings.Cut(s, "=")
	name = strings.ToLower(strings.TrimSpace(name))
	value = strings.TrimSpace(value)
	if listSettings[name] {
		elems := SplitTopLevel(value, ',')
		for i, e := range elems {
			elems[i] = pgIdentText(SettingElement(e))
		}
		value = strings.Join(elems, ", ")
	} else if len(value) >= 2 && value[0] == '\'' && value[len(value)-1] == '\'' {
		value = strings.ReplaceAll(value[1:len(value)-1], "''", "'")
	}
	return name + "=" + value
}

// SettingElement returns an element of a list setting without its quotes
// ("$user" is $user, 'public' is public).
func SettingElement(e string) string {
	e = strings.TrimSpace(e)
	if len(e) >= 2 && e[0] == '\'' && e[len(e)-1] == '\'' {
		return strings.ReplaceAll(e[1:len(e)-1], "''", "'")
	}
	return unquoteIdent(e)
}

// IsListSetting reports whether the setting called name takes a list.
func IsListSetting(name string) bool { return listSettings[name] }

// trigger brings t to canonical form; functions holds the (schema, name) of
// the functions of the database, which an unqualified function name is
// looked up in.
func (n *normalizer) trigger(t *Trigger, functions map[QName]bool) {
	t.Timing = strings.ToLower(strings.Join(strings.Fields(t.Timing), " "))
	have := map[string]bool{}
	for _, e := range t.Events {
		have[strings.ToLower(e)] = true
	}
	t.Events = nil
	for _, e := range triggerEvents {
		if have[e] {
			t.Events = append(t.Events, e)
		}
	}
	if t.When != "" {
		keepSource(&t.WhenSource, t.When)
		t.When = NormalizeExpr(Postgres, t.When)
	}
	if t.Function != "" && !strings.Contains(t.Function, ".") {
		fn := QName{t.Schema, t.Function}
		if !functions[fn] {
			fn.Schema = n.d.DefaultSchema()
		}
		t.Function = fn.String()
	}
	t.Enabled = strings.ToLower(t.Enabled)
	if t.Enabled == "origin" {
		t.Enabled = ""
	}
}

// FormatCost spells a cost or rows estimate as COST and ROWS take it.
func FormatCost(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%d", int64(v))
	}
	return fmt.Sprintf("%g", v)
}
