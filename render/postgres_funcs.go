package render

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// functionChange renders the changes of functions, procedures and triggers
// (https://www.postgresql.org/docs/15/sql-createfunction.html,
// sql-createprocedure.html, sql-createtrigger.html).
func (postgresDialect) functionChange(c *diff.Change) ([]string, error) {
	switch c.Kind {
	case diff.CreateFunction, diff.ReplaceFunction, diff.DropFunction, diff.CommentFunction:
		f := c.Function
		if f == nil || f.Name == "" {
			return nil, errMissing("function")
		}
		switch c.Kind {
		case diff.DropFunction:
			id, err := pgFunctionIdentity(f)
			return []string{"DROP " + strings.ToUpper(f.Kind()) + " " + id}, err
		case diff.CommentFunction:
			id, err := pgFunctionIdentity(f)
			return []string{"COMMENT ON " + strings.ToUpper(f.Kind()) + " " + id + " IS " + pgComment(c.Comment)}, err
		}
		s, err := pgCreateFunction(f, c.Kind == diff.ReplaceFunction)
		if err != nil {
			return nil, fmt.Errorf("%s %s.%s: %w", f.Kind(), f.Schema, f.Name, err)
		}
		// As pg_dump does: a body may use tables created later in the migration.
		return []string{pgCheckBodiesOff, s}, nil
	}
	t := c.Trigger
	if t == nil || t.Name == "" || t.Table == "" {
		return nil, errMissing("trigger")
	}
	on := pgQName(t.Schema, t.Table)
	switch c.Kind {
	case diff.DropTrigger:
		return []string{"DROP TRIGGER " + pgIdent(t.Name) + " ON " + on}, nil
	case diff.CommentTrigger:
		return []string{"COMMENT ON TRIGGER " + pgIdent(t.Name) + " ON " + on + " IS " + pgComment(c.Comment)}, nil
	}
	// CREATE [OR REPLACE] TRIGGER leaves the trigger enabled (origin); a
	// trigger not created again keeps its state.
	var out []string
	enabled := ""
	if c.Kind == diff.CreateTrigger || c.OldTrigger == nil || !c.OldTrigger.SameDefinition(t) {
		s, err := pgCreateTrigger(t, c.Kind == diff.ReplaceTrigger)
		if err != nil {
			return nil, fmt.Errorf("trigger %s on %s: %w", t.Name, t.TableQName(), err)
		}
		out = append(out, s)
	} else {
		enabled = c.OldTrigger.Enabled
	}
	if t.Enabled != enabled {
		out = append(out, pgAlterTable(t.TableQName())+" "+pgTriggerStates[t.Enabled]+" TRIGGER "+pgIdent(t.Name))
	}
	return out, nil
}

// pgCheckBodiesOff turns off the validation of function bodies at CREATE
// FUNCTION for the session (https://www.postgresql.org/docs/15/runtime-config-client.html,
// check_function_bodies), as pg_dump does.
const pgCheckBodiesOff = "SET check_function_bodies = false"

// pgTriggerStates maps Trigger.Enabled to ALTER TABLE's action.
var pgTriggerStates = map[string]string{"": "ENABLE", "disabled": "DISABLE", "replica": "ENABLE REPLICA", "always": "ENABLE ALWAYS"}

// pgFunctionIdentity renders schema.name(argument types) of f, as DROP
// FUNCTION and COMMENT ON FUNCTION name it.
func pgFunctionIdentity(f *schema.Function) (string, error) {
	var types []string
	for _, a := range f.Args {
		if a.Mode == "out" {
			continue
		}
		typ, err := pgType(a.Type)
		if err != nil {
			return "", err
		}
		types = append(types, typ)
	}
	return pgQName(f.Schema, f.Name) + "(" + strings.Join(types, ", ") + ")", nil
}

// pgCreateFunction renders CREATE [OR REPLACE] FUNCTION|PROCEDURE f, with
// every attribute that is not PostgreSQL's default (OR REPLACE resets the
// others), the body dollar-quoted.
func pgCreateFunction(f *schema.Function, replace bool) (string, error) {
	var b strings.Builder
	b.WriteString("CREATE ")
	if replace {
		b.WriteString("OR REPLACE ")
	}
	b.WriteString(strings.ToUpper(f.Kind()) + " " + pgQName(f.Schema, f.Name) + "(")
	for i, a := range f.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		typ, err := pgType(a.Type)
		if err != nil {
			return "", fmt.Errorf("argument %d: %w", i+1, err)
		}
		if a.Mode != "" {
			b.WriteString(strings.ToUpper(a.Mode) + " ")
		}
		if a.Name != "" {
			b.WriteString(pgIdent(a.Name) + " ")
		}
		b.WriteString(typ)
		if a.Default != "" {
			b.WriteString(" DEFAULT " + a.Default)
		}
	}
	b.WriteString(")")
	if !f.Procedure {
		r, err := pgReturns(f.Returns)
		if err != nil {
			return "", err
		}
		b.WriteString("\n RETURNS " + r)
	}
	if f.Language == "" {
		return "", errors.New("no language")
	}
	b.WriteString("\n LANGUAGE " + pgLanguage(f.Language))
	var attrs []string
	if f.Volatility != "" && f.Volatility != "volatile" {
		attrs = append(attrs, strings.ToUpper(f.Volatility))
	}
	if f.Strict {
		attrs = append(attrs, "STRICT")
	}
	if f.SecurityDefiner {
		attrs = append(attrs, "SECURITY DEFINER")
	}
	if f.Leakproof {
		attrs = append(attrs, "LEAKPROOF")
	}
	if f.Parallel != "" && f.Parallel != "unsafe" {
		attrs = append(attrs, "PARALLEL "+strings.ToUpper(f.Parallel))
	}
	if f.Cost > 0 {
		attrs = append(attrs, "COST "+schema.FormatCost(f.Cost))
	}
	if f.Rows > 0 {
		attrs = append(attrs, "ROWS "+schema.FormatCost(f.Rows))
	}
	if len(attrs) > 0 {
		b.WriteString("\n " + strings.Join(attrs, " "))
	}
	for _, s := range f.Set {
		set, err := pgSetOption(s)
		if err != nil {
			return "", err
		}
		b.WriteString("\n " + set)
	}
	tag := dollarTag(f.Kind(), f.Body)
	b.WriteString("\nAS " + tag + f.Body + tag)
	return b.String(), nil
}

// pgReturns renders a canonical return type (schema.ParseReturns).
func pgReturns(returns string) (string, error) {
	r, err := schema.ParseReturns(returns)
	if err != nil {
		return "", err
	}
	if r.Table != nil {
		cols := make([]string, len(r.Table))
		for i, c := range r.Table {
			typ, err := pgType(c.Type)
			if err != nil {
				return "", err
			}
			cols[i] = pgIdent(c.Name) + " " + typ
		}
		return "TABLE(" + strings.Join(cols, ", ") + ")", nil
	}
	typ, err := pgType(r.Type)
	if r.SetOf {
		typ = "SETOF " + typ
	}
	return typ, err
}

// plainName matches the names written without quotes.
var plainName = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// pgLanguage renders a language name.
func pgLanguage(lang string) string {
	if plainName.MatchString(lang) {
		return lang
	}
	return pgIdent(lang)
}

// pgSetOption renders a canonical "name=value" SET option as SET name TO
// value: a list's elements (search_path…) as one literal each, any other
// value as one literal.
func pgSetOption(s string) (string, error) {
	name, value, ok := strings.Cut(s, "=")
	if !ok || !plainName.MatchString(strings.ReplaceAll(name, ".", "_")) {
		return "", fmt.Errorf("invalid SET option %q", s)
	}
	if !schema.IsListSetting(name) {
		return "SET " + name + " TO " + pgLiteral(value), nil
	}
	elems := schema.SplitTopLevel(value, ',')
	for i, e := range elems {
		elems[i] = pgLiteral(schema.SettingElement(e))
	}
	return "SET " + name + " TO " + strings.Join(elems, ", "), nil
}

// dollarTag returns a dollar-quote tag ($function$, or $function1$, …) that
// does not occur in body.
func dollarTag(kind, body string) string {
	tag := "$" + kind + "$"
	for i := 1; strings.Contains(body, tag); i++ {
		tag = fmt.Sprintf("$%s%d$", kind, i)
	}
	return tag
}

// pgCreateTrigger renders CREATE [OR REPLACE] TRIGGER t.
func pgCreateTrigger(t *schema.Trigger, replace bool) (string, error) {
	if t.Timing == "" || len(t.Events) == 0 || t.Function == "" {
		return "", errMissing("timing, events or function")
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	if replace {
		b.WriteString("OR REPLACE ")
	}
	events := make([]string, len(t.Events))
	for i, e := range t.Events {
		events[i] = strings.ToUpper(e)
		if e == "update" && len(t.UpdateOf) > 0 {
			cols, err := columnList(postgresDialect{}, t.UpdateOf)
			if err != nil {
				return "", err
			}
			events[i] += " OF " + cols
		}
	}
	b.WriteString("TRIGGER " + pgIdent(t.Name) + " " + strings.ToUpper(t.Timing) + " " + strings.Join(events, " OR ") +
		" ON " + pgQName(t.Schema, t.Table))
	if t.OldTable != "" || t.NewTable != "" {
		b.WriteString(" REFERENCING")
		if t.OldTable != "" {
			b.WriteString(" OLD TABLE AS " + pgIdent(t.OldTable))
		}
		if t.NewTable != "" {
			b.WriteString(" NEW TABLE AS " + pgIdent(t.NewTable))
		}
	}
	if t.ForEachRow {
		b.WriteString(" FOR EACH ROW")
	} else {
		b.WriteString(" FOR EACH STATEMENT")
	}
	if t.When != "" {
		b.WriteString(" WHEN (" + t.WhenSource.Or(t.When) + ")")
	}
	fn := schema.ParseQName(t.Function, "")
	args := make([]string, len(t.Args))
	for i, a := range t.Args {
		args[i] = pgLiteral(a)
	}
	b.WriteString(" EXECUTE FUNCTION " + pgQName(fn.Schema, fn.Name) + "(" + strings.Join(args, ", ") + ")")
	return b.String(), nil
}
