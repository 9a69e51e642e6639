package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// compareFunctions creates, drops and replaces functions and procedures
// (identity: schema and signature; read from d.orig, as d.src holds the
// tables only), and returns the functions dropped and created again (by
// "schema.name"), whose triggers must be created again too.
//
// Phases: a function is created in phaseFunctions, before the tables whose
// defaults, checks, generated columns and indexes call it (bodies are not
// checked then: the renderer turns check_function_bodies off), unless its
// arguments or result use a table's row type: then it waits for phaseViews,
// after the tables, and is dropped in phaseDropDependents, before them.
// Others are dropped in phaseDropFunctions, after the tables and columns
// that call them.
func (d *differ) compareFunctions() map[string]bool {
	recreated := map[string]bool{}
	key := func(f *schema.Function) string { return qnameKey(f.QName()) }
	pairByName(d.orig.Functions, d.dst.Functions, key, func(s, t *schema.Function) {
		why := ""
		if s != nil && t != nil {
			why = mustRecreate(s, t)
		}
		switch {
		case s == nil:
			d.add(d.createPhase(t), &Change{Kind: CreateFunction, Function: t})
			d.commentFunction(nil, t)
		case t == nil:
			d.dropFunction(s)
		case why != "":
			recreated[functionName(s)] = true
			h := hazard(HazardFunctionRecreated, Warning,
				"%s %s.%s is dropped and created again (%s: CREATE OR REPLACE cannot change that); its triggers are created again, other objects that call it make DROP FUNCTION fail (2BP01).",
				s.Kind(), s.Schema, s.Signature(), why)
			if d.dst.Dialect == schema.SQLServer {
				h = hazard(HazardFunctionRecreated, Warning,
					"%s %s is dropped and created again (%s: CREATE OR ALTER cannot change that), which loses the permissions granted on it; an object that references it WITH SCHEMABINDING makes the DROP fail (Msg 3729).",
					s.Kind(), schema.QName{Schema: s.Schema, Name: s.Name}, why)
			}
			d.add(d.createPhase(t), &Change{Kind: DropFunction, Function: s, Hazards: []Hazard{h}})
			d.add(d.createPhase(t), &Change{Kind: CreateFunction, Function: t})
			d.commentFunction(nil, t)
		default:
			if !sameFunction(s, t) {
				d.add(d.createPhase(t), &Change{Kind: ReplaceFunction, Function: t, OldFunction: s})
			}
			d.commentFunction(s, t)
		}
	})
	return recreated
}

// functionName returns "schema.name" of f, as a trigger names the function it calls.
func functionName(f *schema.Function) string { return f.Schema + "." + f.Name }

// createPhase returns the phase that creates or replaces f (see compareFunctions).
func (d *differ) createPhase(f *schema.Function) phase {
	if usesRowType(f, d.dstTables, d.dst.Dialect) {
		return phaseViews
	}
	return phaseFunctions
}

// dropFunction drops s, after (or, for one using a table's row type,
// before) the tables. A default of a column that stays and calls s is bound
// to it (DROP FUNCTION would fail, 2BP01): when a function of that name
// stays (its signature changes), the default is dropped, s dropped, and the
// default set again, bound to the new function; else, and for the checks,
// indexes and generated columns that call s, a hazard names them.
func (d *differ) dropFunction(s *schema.Function) {
	c := &Change{Kind: DropFunction, Function: s}
	if usesRowType(s, d.srcTables, d.src.Dialect) {
		d.add(phaseDropDependents, c)
		return
	}
	// sameName: a function of that name stays (its signature changed), which
	// a default that is set again calls.
	sameName := slices.ContainsFunc(d.dst.Functions, func(f *schema.Function) bool { return functionName(f) == functionName(s) })
	var users []string
	dropPhase := phaseDropFunctions
	for _, t := range d.src.Tables {
		dt := d.dstTables.Table(t.QName())
		if dt == nil {
			continue
		}
		for _, col := range t.Columns {
			dc := dt.Column(col.Name)
			switch {
			case dc == nil:
			case col.Default == nil || col.Default.Kind != schema.DefaultExpr || !callsFunction(col.Default.Value, s) ||
				!equalDefault(col.Default, dc.Default):
			case sameName:
				none := *dc
				none.Default = nil
				d.add(phaseDropKeys, &Change{Kind: AlterColumn, Table: t.QName(), OldColumn: col, Column: &none, Alter: ColumnAlter{Default: true}})
				d.add(phaseColumns, &Change{Kind: AlterColumn, Table: t.QName(), OldColumn: &none, Column: dc, Alter: ColumnAlter{Default: true}})
				dropPhase = phaseDropReplacedFunctions
			default:
				users = append(users, fmt.Sprintf("the default of %s.%s", t.QName(), col.Name))
			}
			if dc != nil && col.Computed != nil && callsFunction(col.Computed.Expr, s) {
				users = append(users, fmt.Sprintf("generated column %s.%s", t.QName(), col.Name))
			}
		}
		for _, ck := range t.Checks {
			if callsFunction(ck.Expr, s) && slices.ContainsFunc(dt.Checks, func(o *schema.Check) bool { return o.Name == ck.Name && o.Expr == ck.Expr }) {
				users = append(users, fmt.Sprintf("check %s on %s", ck.Name, t.QName()))
			}
		}
		for _, ix := range t.Indexes {
			if indexCalls(ix, s) && slices.ContainsFunc(dt.Indexes, func(o *schema.Index) bool { return o.Name == ix.Name }) {
				users = append(users, fmt.Sprintf("index %s on %s", ix.Name, t.QName()))
			}
		}
	}
	if len(users) > 0 {
		c.Hazards = append(c.Hazards, hazard(HazardFunctionInUse, Error,
			"%s %s.%s is dropped while %s calls it: DROP FUNCTION fails (2BP01); drop and create them again in the migration, or keep the function.",
			s.Kind(), s.Schema, s.Signature(), strings.Join(users, ", ")))
	}
	d.add(dropPhase, c)
}

// indexCalls reports whether an expression key or the predicate of ix calls f.
func indexCalls(ix *schema.Index, f *schema.Function) bool {
	for _, p := range ix.Parts {
		if p.Expr != "" && callsFunction(p.Expr, f) {
			return true
		}
	}
	return ix.Where != "" && callsFunction(ix.Where, f)
}

// callsFunction reports whether expr calls a function named as f is (name
// followed by "(", qualified or not), outside string literals.
func callsFunction(expr string, f *schema.Function) bool {
	for i := 0; i < len(expr); {
		c := expr[i]
		switch {
		case c == '\'' || c == '"':
			end := quotedEnd(expr, i, c)
			if c == '"' && strings.HasPrefix(strings.TrimLeft(expr[end:], " \t\n"), "(") && expr[i+1:max(i+1, end-1)] == f.Name {
				return true
			}
			i = end
		case isIdentStart(c):
			end := i + 1
			for end < len(expr) && isIdentPart(expr[end]) {
				end++
			}
			if strings.EqualFold(expr[i:end], f.Name) && strings.HasPrefix(strings.TrimLeft(expr[end:], " \t\n"), "(") {
				return true
			}
			i = end
		default:
			i++
		}
	}
	return false
}

// usesRowType reports whether an argument or the result of f is (an array
// or set of) the row type of one of tables (of dialect).
func usesRowType(f *schema.Function, tables *schema.Lookup, dialect schema.Dialect) bool {
	types := []string{}
	for _, a := range f.Args {
		types = append(types, a.Type)
	}
	if r, err := schema.ParseReturns(f.Returns); err == nil {
		types = append(types, r.Type)
		for _, c := range r.Table {
			types = append(types, c.Type)
		}
	}
	for _, typ := range types {
		typ = strings.TrimSuffix(strings.TrimSpace(typ), "[]")
		if typ != "" && tables.Table(schema.ParseQName(typ, dialect.DefaultSchema())) != nil {
			return true
		}
	}
	return false
}

// mustRecreate says why CREATE OR REPLACE cannot take s to t, or returns ""
// when it can: a function becomes a procedure or back, the result type
// changes (OUT arguments included), an argument is renamed, or an argument
// loses its default (PostgreSQL: "cannot change return type of existing
// function" 42P13, "cannot change name of input parameter" 42P13, "cannot
// remove parameter defaults from existing function" 42P13;
// https://www.postgresql.org/docs/15/sql-createfunction.html).
func mustRecreate(s, t *schema.Function) string {
	switch {
	case s.Procedure != t.Procedure:
		return "it becomes a " + t.Kind()
	case s.Returns != t.Returns:
		return fmt.Sprintf("its result changes from %s to %s", s.Returns, t.Returns)
	case len(s.Args) != len(t.Args):
		return "its OUT arguments change"
	}
	for i, a := range s.Args {
		b := t.Args[i]
		switch {
		case a.Name != b.Name:
			return fmt.Sprintf("argument %d is renamed from %q to %q", i+1, a.Name, b.Name)
		case a.Mode != b.Mode || a.Type != b.Type:
			return fmt.Sprintf("argument %d changes", i+1)
		case a.Default != "" && b.Default == "":
			return fmt.Sprintf("argument %d loses its default", i+1)
		}
	}
	return ""
}

// sameFunction reports whether s and t are equal but for their comments (and
// white space around the body, which PostgreSQL keeps as written).
func sameFunction(s, t *schema.Function) bool {
	return s.Schema == t.Schema && s.Name == t.Name && s.Procedure == t.Procedure && s.Returns == t.Returns &&
		s.Language == t.Language && strings.TrimSpace(s.Body) == strings.TrimSpace(t.Body) &&
		s.Volatility == t.Volatility && s.Strict == t.Strict && s.SecurityDefiner == t.SecurityDefiner &&
		s.Leakproof == t.Leakproof && s.Parallel == t.Parallel && s.Cost == t.Cost && s.Rows == t.Rows &&
		slices.Equal(s.Set, t.Set) &&
		slices.EqualFunc(s.Args, t.Args, func(a, b *schema.FunctionArg) bool { return *a == *b })
}

// commentFunction sets t's comment when it differs from s's (s nil: t is new).
func (d *differ) commentFunction(s, t *schema.Function) {
	old := ""
	if s != nil {
		old = s.Comment
	}
	if t.Comment != old {
		d.add(phaseComments, &Change{Kind: CommentFunction, Function: t, Comment: t.Comment, OldComment: old})
	}
}

// compareTriggers creates, drops and replaces triggers. A trigger whose
// function is dropped and created again (recreated, by "schema.name"), or
// that names a column dropped or retyped, is dropped and created again.
// Triggers are dropped in phaseDropDependents, before what they use
// changes, and created in phaseTriggers, after the tables and functions.
func (d *differ) compareTriggers(recreated map[string]bool) {
	key := func(t *schema.Trigger) string { return qnameKey(t.QName()) }
	pairByName(d.orig.Triggers, d.dst.Triggers, key, func(s, t *schema.Trigger) {
		switch {
		case s == nil:
			d.createTrigger(t)
		case t == nil:
			d.add(phaseDropDependents, &Change{Kind: DropTrigger, Table: s.TableQName(), Trigger: s})
		case recreated[t.Function] || recreated[s.Function] || d.triggerColumnChanges(s):
			d.add(phaseDropDependents, &Change{Kind: DropTrigger, Table: s.TableQName(), Trigger: s})
			d.createTrigger(t)
		default:
			if !s.SameDefinition(t) || s.Enabled != t.Enabled {
				d.add(phaseTriggers, &Change{Kind: ReplaceTrigger, Table: t.TableQName(), Trigger: t, OldTrigger: s})
			}
			if s.Comment != t.Comment {
				d.add(phaseComments, &Change{Kind: CommentTrigger, Table: t.TableQName(), Trigger: t, Comment: t.Comment, OldComment: s.Comment})
			}
		}
	})
}

// triggerColumnChanges reports whether a column that trigger s names (UPDATE
// OF, WHEN) is dropped or retyped: PostgreSQL refuses both while the trigger
// exists ("cannot alter type of a column used in a trigger definition").
func (d *differ) triggerColumnChanges(s *schema.Trigger) bool {
	src, dst := d.srcTables.Table(s.TableQName()), d.dstTables.Table(s.TableQName())
	if src == nil || dst == nil {
		return false
	}
	for _, col := range src.Columns {
		if dst.Column(col.Name) != nil && !d.retyped[dst.QName()][col.Name] {
			continue
		}
		if slices.Contains(s.UpdateOf, col.Name) || s.When != "" && mentionsColumn(s.When, col.Name) {
			return true
		}
	}
	return false
}

// createTrigger creates t and comments it.
func (d *differ) createTrigger(t *schema.Trigger) {
	d.add(phaseTriggers, &Change{Kind: CreateTrigger, Table: t.TableQName(), Trigger: t})
	if t.Comment != "" {
		d.add(phaseComments, &Change{Kind: CommentTrigger, Table: t.TableQName(), Trigger: t, Comment: t.Comment})
	}
}
