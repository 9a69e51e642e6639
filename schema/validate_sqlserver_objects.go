package schema

import (
	"fmt"
	"slices"
	"strings"
)

// validateSQLServerObjects checks the views, functions, procedures,
// triggers and sequences of a SQL Server schema for what SQL Server would
// refuse and can be told cheaply: module text that is not a CREATE of its
// kind and name, PostgreSQL options, an AFTER trigger on a view, one-part
// names under WITH SCHEMABINDING, sequence types and bounds, and two
// objects of a schema with one name (tables, views, functions, procedures,
// triggers and sequences share the namespace of their schema: sys.objects).
func (l *loader) validateSQLServerObjects(db *Database) {
	names := map[string]string{} // lower-case schema.name → what holds it
	claim := func(schemaName, name, what string, pos Pos) {
		key := strings.ToLower(schemaName + "." + name)
		if first, dup := names[key]; dup {
			l.errorf(pos, what, "rename one of them: the tables, views, functions, procedures, triggers and sequences of a schema share one namespace (sys.objects)",
				"%s has the name of %s", what, first)
			return
		}
		names[key] = what
	}
	for _, t := range db.Tables {
		claim(t.Schema, t.Name, "table "+t.QName().String(), t.Pos)
	}
	views := map[string]bool{}
	for _, v := range db.Views {
		obj := "view " + v.QName().String()
		claim(v.Schema, v.Name, obj, v.Pos)
		views[strings.ToLower(v.QName().String())] = true
		l.validateSQLServerView(v, obj)
	}
	for _, f := range db.Functions {
		kind := ModuleFunction
		if f.Procedure {
			kind = ModuleProcedure
		}
		q := QName{f.Schema, f.Name}
		obj := kind + " " + q.String()
		claim(f.Schema, f.Name, obj, f.Pos)
		l.moduleText(f, "body", f.Pos, obj, f.Source.Or(f.Body), kind, q)
		for _, pg := range []struct {
			set  bool
			attr string
		}{{len(f.Args) > 0, "args"}, {f.Returns != "", "returns"}, {len(f.Set) > 0, "set"}} {
			if pg.set {
				l.errorf(l.at(f, pg.attr, f.Pos), obj, "remove it: on SQL Server the body is the whole CREATE "+strings.ToUpper(kind)+" statement, parameters and RETURNS included",
					"%s is a PostgreSQL attribute", pg.attr)
			}
		}
	}
	for _, t := range db.Triggers {
		q := QName{t.Schema, t.Name}
		obj := "trigger " + q.String() + " on " + t.TableQName().String()
		claim(t.Schema, t.Name, obj, t.Pos)
		l.validateSQLServerTrigger(t, obj, views[strings.ToLower(t.TableQName().String())])
	}
	for _, s := range db.Sequences {
		obj := "sequence " + s.QName().String()
		claim(s.Schema, s.Name, obj, s.Pos)
		l.validateSQLServerSequence(s, obj)
	}
}

// moduleText checks that text is a module statement of kind (a CREATE [OR
// ALTER] or ALTER header) naming q, and returns its header (nil when it is
// not one, which is reported).
func (l *loader) moduleText(owner any, attr string, pos Pos, obj, text, kind string, q QName) *ModuleHeader {
	pos = l.at(owner, attr, pos)
	h, err := ParseModule(text)
	if err != nil {
		l.errorf(pos, obj, fmt.Sprintf("on SQL Server %s is the whole statement, as sys.sql_modules keeps it: CREATE %s %s …", attr, strings.ToUpper(kind), q),
			"%s: %v", attr, err)
		return nil
	}
	if h.Kind != kind {
		l.errorf(pos, obj, "declare it as a "+h.Kind+", or give the text of a "+kind, "%s creates a %s, not a %s", attr, h.Kind, kind)
		return nil
	}
	if !strings.EqualFold(h.Name.Name, q.Name) || h.Name.Schema != "" && !strings.EqualFold(h.Name.Schema, q.Schema) {
		l.errorf(pos, obj, "name the same object in the statement and in the schema file", "%s creates %s, not %s", attr, QName{h.Name.Schema, h.Name.Name}, q)
		return nil
	}
	return h
}

// validateSQLServerView checks a view: its text (a module, or a SELECT),
// its options, and the two-part names WITH SCHEMABINDING needs.
func (l *loader) validateSQLServerView(v *View, obj string) {
	text := v.Source.Or(v.Query)
	query := text
	schemaBound := v.SchemaBinding
	if _, err := ParseModule(text); !IsNotModule(err) {
		h := l.moduleText(v, "query", v.Pos, obj, text, ModuleView, v.QName())
		if h == nil {
			return
		}
		query = text[h.QueryStart:h.QueryEnd]
		schemaBound = schemaBound || slices.Contains(h.Options, "schemabinding")
	}
	for _, pg := range []struct {
		set  bool
		attr string
	}{{v.Materialized, "materialized"}, {v.SecurityBarrier, "security_barrier"}, {v.SecurityInvoker, "security_invoker"},
		{v.WithNoData, "with_no_data"}, {len(v.Indexes) > 0, "indexes"}} {
		if pg.set {
			l.otherDialect(l.at(v, pg.attr, v.Pos), obj, pg.attr, Postgres)
		}
	}
	if v.CheckOption != "" && v.CheckOption != "cascaded" {
		l.errorf(l.at(v, "check_option", v.Pos), obj, `use "cascaded": T-SQL's WITH CHECK OPTION checks through the views below too`,
			"check_option %q: SQL Server has only WITH CHECK OPTION", v.CheckOption)
	}
	if schemaBound {
		if name := onePartName(query); name != "" {
			l.errorf(l.at(v, "query", v.Pos), obj, "write the schema too, e.g. dbo."+name+" (Msg 4512: names must be in two-part format)",
				"WITH SCHEMABINDING: %s is a one-part name", name)
		}
	}
}

// onePartName returns the first name after FROM, JOIN or APPLY in query
// that is not schema-qualified and not a common table expression of the
// query, or "".
func onePartName(query string) string {
	toks, err := tokenize(SQLServer, query)
	if err != nil {
		return ""
	}
	ctes := map[string]bool{}
	for i := 0; i+2 < len(toks); i++ {
		if (toks[i].kind == tIdent || toks[i].kind == tQIdent) && isWord(toks[i+1], "as") && toks[i+2].kind == tPunct && toks[i+2].text == "(" {
			ctes[strings.ToLower(toks[i].text)] = true
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		if !isWord(toks[i], "from") && !isWord(toks[i], "join") && !isWord(toks[i], "apply") {
			continue
		}
		t := toks[i+1]
		if t.kind != tIdent && t.kind != tQIdent || strings.HasPrefix(t.text, "@") {
			continue
		}
		qualified := i+2 < len(toks) && toks[i+2].kind == tPunct && toks[i+2].text == "."
		if !qualified && !ctes[strings.ToLower(t.text)] {
			return t.text
		}
	}
	return ""
}

// validateSQLServerTrigger checks a trigger: its text names it and its
// table, says what the attributes say, and an AFTER trigger is not on a
// view ("CREATE TRIGGER (Transact-SQL)": AFTER triggers can't be defined on
// views); and it sets no PostgreSQL attribute.
func (l *loader) validateSQLServerTrigger(t *Trigger, obj string, onView bool) {
	for _, pg := range []struct {
		set  bool
		attr string
	}{{t.ForEachRow, "for_each_row"}, {t.When != "", "when"}, {t.OldTable != "" || t.NewTable != "", "referencing"},
		{t.Function != "", "function"}, {len(t.Args) > 0, "args"}, {len(t.UpdateOf) > 0, "update_of"},
		{t.Enabled != "" && t.Enabled != "disabled", "enabled"}} {
		if pg.set {
			l.errorf(l.at(t, pg.attr, t.Pos), obj, "remove it: on SQL Server the body is the whole CREATE TRIGGER statement", "%s is a PostgreSQL attribute", pg.attr)
		}
	}
	h := l.moduleText(t, "body", t.Pos, obj, t.Source.Or(t.Body), ModuleTrigger, QName{t.Schema, t.Name})
	if h == nil {
		return
	}
	pos := l.at(t, "body", t.Pos)
	if !strings.EqualFold(h.Table.Name, t.Table) || h.Table.Schema != "" && !strings.EqualFold(h.Table.Schema, t.Schema) {
		l.errorf(pos, obj, "a trigger is in the schema of its table: name the same table in the statement and in the schema file",
			"the body's trigger is on %s, not %s", QName{h.Table.Schema, h.Table.Name}, t.TableQName())
	}
	timing := strings.ToLower(t.Timing)
	if timing == "for" {
		timing = "after"
	}
	if timing != "" && timing != h.Timing {
		l.errorf(l.at(t, "timing", t.Pos), obj, "leave timing out (the body says it) or make them agree", "timing %q, but the body says %s", t.Timing, strings.ToUpper(h.Timing))
	}
	if len(t.Events) > 0 && strings.Join(canonicalEvents(t.Events), ",") != strings.Join(h.Events, ",") {
		l.errorf(l.at(t, "events", t.Pos), obj, "leave events out (the body says them) or make them agree", "events %v, but the body says %v", t.Events, h.Events)
	}
	if onView && h.Timing != "instead of" {
		l.errorf(pos, obj, "use INSTEAD OF, or put the trigger on a table", "an AFTER trigger cannot be on a view (CREATE TRIGGER: AFTER triggers can't be defined on views)")
	}
}

// canonicalEvents returns events lower case, in the order insert, update,
// delete.
func canonicalEvents(events []string) []string {
	var out []string
	for _, e := range []string{"insert", "update", "delete"} {
		for _, x := range events {
			if strings.EqualFold(x, e) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// validateSQLServerSequence checks a sequence's type, bounds and start
// ("CREATE SEQUENCE (Transact-SQL)").
func (l *loader) validateSQLServerSequence(s *Sequence, obj string) {
	if s.OwnedBy != "" {
		l.otherDialect(l.at(s, "owned_by", s.Pos), obj, "owned_by", Postgres)
	}
	c := *s
	if err := msNormalizeSequence(&c); err != nil {
		l.errorf(l.at(s, "type", s.Pos), obj, "use tinyint, smallint, int, bigint, or decimal/numeric with scale 0", "%v", err)
		return
	}
	lo, hi, _ := SQLServerSequenceBounds(c.Type)
	minV, maxV := clampInt64(lo), clampInt64(hi)
	if c.MinValue != nil {
		minV = *c.MinValue
	}
	if c.MaxValue != nil {
		maxV = *c.MaxValue
	}
	switch {
	case minV > maxV:
		l.errorf(l.at(s, "min_value", s.Pos), obj, "make min_value at most max_value", "min_value %d is above max_value %d", minV, maxV)
	case c.Start < minV || c.Start > maxV:
		l.errorf(l.at(s, "start", s.Pos), obj, fmt.Sprintf("start between %d and %d", minV, maxV), "start %d is outside the sequence's range", c.Start)
	}
}
