package review

import (
	"slices"
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// This file reads PostgreSQL's statements on functions, procedures and
// triggers (https://www.postgresql.org/docs/15/sql-createfunction.html,
// sql-createprocedure.html, sql-createtrigger.html, sql-dropfunction.html,
// sql-droptrigger.html, sql-altertable.html ENABLE/DISABLE TRIGGER).

// isPgFunctionStatement reports whether the statement at the current token
// is CREATE [OR REPLACE] FUNCTION|PROCEDURE|TRIGGER or DROP
// FUNCTION|PROCEDURE|TRIGGER on PostgreSQL, which the model holds (CREATE
// CONSTRAINT TRIGGER and EVENT TRIGGER stay outside it).
func (p *sqlParser) isPgFunctionStatement() bool {
	if p.d != schema.Postgres {
		return false
	}
	k := p.i + 1
	switch {
	case p.at("CREATE", "OR", "REPLACE"):
		k = p.i + 3
	case p.at("CREATE"), p.at("DROP"):
	default:
		return false
	}
	return k < len(p.toks) && (p.toks[k].is("FUNCTION") || p.toks[k].is("PROCEDURE") || p.toks[k].is("TRIGGER"))
}

// createFunctionOrTrigger reads CREATE [OR REPLACE] FUNCTION|PROCEDURE|TRIGGER
// after CREATE; it returns false, reading nothing, for another statement
// (outsideModel has skipped the other CREATE OR REPLACE statements).
func (p *sqlParser) createFunctionOrTrigger() bool {
	if p.d != schema.Postgres {
		return false
	}
	k := 0
	if p.at("OR", "REPLACE") {
		k = 2
	}
	if p.i+k >= len(p.toks) || !slices.ContainsFunc([]string{"FUNCTION", "PROCEDURE", "TRIGGER"}, p.toks[p.i+k].is) {
		return false
	}
	replace := p.accept("OR", "REPLACE")
	switch {
	case p.accept("TRIGGER"):
		p.createTrigger(replace)
	case p.accept("PROCEDURE"):
		p.createFunction(true, replace)
	default:
		p.expect("FUNCTION")
		p.createFunction(false, replace)
	}
	return true
}

// functionKeywords end a RETURNS type or a SET value list.
var functionKeywords = []string{"LANGUAGE", "AS", "IMMUTABLE", "STABLE", "VOLATILE", "STRICT", "CALLED", "RETURNS",
	"SECURITY", "EXTERNAL", "LEAKPROOF", "NOT", "PARALLEL", "COST", "ROWS", "SET", "WINDOW", "SUPPORT", "TRANSFORM",
	"RETURN", "BEGIN"}

func isFunctionKeyword(t sqlTok) bool {
	return slices.ContainsFunc(functionKeywords, t.is)
}

// createFunction reads the rest of CREATE FUNCTION|PROCEDURE. A function
// with an SQL-standard body (RETURN …, BEGIN ATOMIC) or in a language whose
// AS gives an object file is not modelled: the statement is skipped.
func (p *sqlParser) createFunction(procedure, replace bool) {
	q := p.qname()
	f := &schema.Function{Schema: q.Schema, Name: q.Name, Procedure: procedure}
	args, err := schema.ParseFunctionArgs(p.parenText())
	if err != nil {
		p.fail("%v", err)
	}
	f.Args = args
	for !p.eof() && !p.atStatementStart() {
		switch {
		case p.accept("RETURNS", "NULL", "ON", "NULL", "INPUT"), p.accept("STRICT"):
			f.Strict = true
		case p.accept("CALLED", "ON", "NULL", "INPUT"), p.accept("NOT", "LEAKPROOF"):
		case p.accept("RETURNS"):
			if p.accept("TABLE") {
				f.Returns = "TABLE(" + p.parenText() + ")"
			} else {
				f.Returns = p.exprUntil(isFunctionKeyword)
			}
		case p.accept("LANGUAGE"):
			f.Language = strings.ToLower(p.next().text)
		case p.at("IMMUTABLE"), p.at("STABLE"), p.at("VOLATILE"):
			f.Volatility = strings.ToLower(p.next().text)
		case p.accept("EXTERNAL", "SECURITY", "DEFINER"), p.accept("SECURITY", "DEFINER"):
			f.SecurityDefiner = true
		case p.accept("EXTERNAL", "SECURITY", "INVOKER"), p.accept("SECURITY", "INVOKER"):
		case p.accept("LEAKPROOF"):
			f.Leakproof = true
		case p.accept("PARALLEL"):
			f.Parallel = strings.ToLower(p.next().text)
		case p.accept("COST"):
			f.Cost = p.number()
		case p.accept("ROWS"):
			f.Rows = p.number()
		case p.accept("SET"):
			f.Set = append(f.Set, p.setOption())
		case p.accept("AS"):
			f.Body = p.str()
			if p.accept(",") { // AS 'obj_file', 'link_symbol': a C function
				p.skipStatement()
				return
			}
		case p.at("RETURN"), p.at("BEGIN"), p.at("WINDOW"), p.at("SUPPORT"), p.at("TRANSFORM"):
			p.skipStatement() // an SQL-standard body, a window or C function: not modelled
			return
		default:
			p.fail("%s in CREATE %s is not understood", strings.ToUpper(p.peek().text), strings.ToUpper(f.Kind()))
		}
	}
	p.emit(op{kind: opCreateFunction, fn: f, replace: replace})
}

// number reads a numeric literal.
func (p *sqlParser) number() float64 {
	t := p.next()
	v, err := strconv.ParseFloat(t.text, 64)
	if t.kind != tkNumber || err != nil {
		p.fail("expected a number, found %q", t.text)
	}
	return v
}

// setOption reads name {TO | =} value [, …] of a function's SET clause and
// returns it as "name=value" (string literals kept quoted for
// schema.CanonicalSetting).
func (p *sqlParser) setOption() string {
	name := strings.ToLower(p.next().text)
	if !p.accept("TO") {
		p.expect("=")
	}
	var vals []string
	for {
		t := p.next()
		switch t.kind {
		case tkString:
			vals = append(vals, "'"+strings.ReplaceAll(t.text, "'", "''")+"'")
		case tkQIdent:
			vals = append(vals, `"`+strings.ReplaceAll(t.text, `"`, `""`)+`"`)
		default:
			vals = append(vals, t.text)
		}
		if !p.accept(",") {
			break
		}
	}
	if !schema.IsListSetting(name) && len(vals) == 1 {
		return name + "=" + vals[0]
	}
	return name + "=" + strings.Join(vals, ", ")
}

// createTrigger reads the rest of CREATE [OR REPLACE] TRIGGER.
func (p *sqlParser) createTrigger(replace bool) {
	t := &schema.Trigger{Name: p.ident()}
	switch {
	case p.accept("INSTEAD", "OF"):
		t.Timing = "instead of"
	case p.accept("BEFORE"):
		t.Timing = "before"
	default:
		p.expect("AFTER")
		t.Timing = "after"
	}
	for {
		e := strings.ToLower(p.next().text)
		t.Events = append(t.Events, e)
		if e == "update" && p.accept("OF") {
			for {
				t.UpdateOf = append(t.UpdateOf, p.ident())
				if !p.accept(",") {
					break
				}
			}
		}
		if !p.accept("OR") {
			break
		}
	}
	p.expect("ON")
	q := p.qname()
	t.Schema, t.Table = q.Schema, q.Name
	if p.accept("REFERENCING") {
		for p.at("OLD") || p.at("NEW") {
			old := p.next().is("OLD")
			p.expect("TABLE")
			p.accept("AS")
			if old {
				t.OldTable = p.ident()
			} else {
				t.NewTable = p.ident()
			}
		}
	}
	if p.accept("FOR") {
		p.accept("EACH")
		t.ForEachRow = p.accept("ROW")
		if !t.ForEachRow {
			p.expect("STATEMENT")
		}
	}
	if p.accept("WHEN") {
		t.When = p.parenText()
	}
	p.expect("EXECUTE")
	if !p.accept("FUNCTION") {
		p.expect("PROCEDURE")
	}
	t.Function = strings.Join(p.nameParts(), ".")
	p.expect("(")
	for !p.accept(")") {
		t.Args = append(t.Args, p.next().text)
		p.accept(",")
	}
	p.emit(op{kind: opCreateTrigger, table: q, trg: t, replace: replace})
}

// dropFunctionOrTrigger reads DROP FUNCTION|PROCEDURE|TRIGGER after DROP;
// it returns false, reading nothing, for another statement.
func (p *sqlParser) dropFunctionOrTrigger() bool {
	if p.d != schema.Postgres || !(p.at("FUNCTION") || p.at("PROCEDURE") || p.at("TRIGGER")) {
		return false
	}
	if p.accept("TRIGGER") {
		ie := p.accept("IF", "EXISTS")
		name := p.ident()
		p.expect("ON")
		q := p.qname()
		p.emit(op{kind: opDropTrigger, table: q, trg: &schema.Trigger{Schema: q.Schema, Table: q.Name, Name: name}, ifExist: ie})
		return true
	}
	procedure := p.accept("PROCEDURE")
	if !procedure {
		p.expect("FUNCTION")
	}
	ie := p.accept("IF", "EXISTS")
	for {
		f := p.functionRef(procedure)
		p.emit(op{kind: opDropFunction, fn: f, ifExist: ie})
		if !p.accept(",") {
			return true
		}
	}
}

// functionRef reads name(argument types), as DROP FUNCTION and COMMENT ON
// FUNCTION name a function.
func (p *sqlParser) functionRef(procedure bool) *schema.Function {
	q := p.qname()
	f := &schema.Function{Schema: q.Schema, Name: q.Name, Procedure: procedure}
	if p.at("(") {
		args, err := schema.ParseFunctionArgs(p.parenText())
		if err != nil {
			p.fail("%v", err)
		}
		f.Args = args
	}
	return f
}

// commentOnFunctionOrTrigger reads COMMENT ON FUNCTION|PROCEDURE f(…) or ON
// TRIGGER t ON table into o (PostgreSQL); false when it is another object.
func (p *sqlParser) commentOnFunctionOrTrigger(o *op) bool {
	if p.d != schema.Postgres {
		return false
	}
	switch {
	case p.accept("FUNCTION"):
		o.target, o.fn = "function", p.functionRef(false)
	case p.accept("PROCEDURE"):
		o.target, o.fn = "function", p.functionRef(true)
	case p.accept("TRIGGER"):
		name := p.ident()
		p.expect("ON")
		o.target, o.table = "trigger", p.qname()
		o.trg = &schema.Trigger{Schema: o.table.Schema, Table: o.table.Name, Name: name}
	default:
		return false
	}
	return true
}

// triggerState reads ALTER TABLE … ENABLE [REPLICA | ALWAYS] | DISABLE
// TRIGGER name (PostgreSQL); false, reading nothing, for another action
// (ENABLE ROW LEVEL SECURITY, TRIGGER ALL and USER stay outside the model).
func (p *sqlParser) triggerState(base op) bool {
	if p.d != schema.Postgres {
		return false
	}
	var state string
	switch {
	case p.at("DISABLE", "TRIGGER"):
		state = "disabled"
	case p.at("ENABLE", "TRIGGER"):
		state = ""
	case p.at("ENABLE", "REPLICA", "TRIGGER"):
		state = "replica"
	case p.at("ENABLE", "ALWAYS", "TRIGGER"):
		state = "always"
	default:
		return false
	}
	k := p.i + 2
	if state == "replica" || state == "always" {
		k++
	}
	if k >= len(p.toks) || p.toks[k].is("ALL") || p.toks[k].is("USER") {
		return false
	}
	p.i = k
	o := base
	o.kind, o.value = opTriggerState, state
	o.trg = &schema.Trigger{Schema: base.table.Schema, Table: base.table.Name, Name: p.ident()}
	p.emit(o)
	return true
}
