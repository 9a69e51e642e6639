package review

import (
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// tsqlModuleStatement reads the T-SQL statements of views, functions,
// procedures and triggers into the state, as schemadiff writes them:
// CREATE [OR ALTER] | ALTER VIEW|FUNCTION|PROCEDURE|TRIGGER (the whole batch,
// Msg 111), DROP VIEW|FUNCTION|PROCEDURE|TRIGGER [IF EXISTS] name, …,
// DISABLE|ENABLE TRIGGER name ON table, and SET ANSI_NULLS|QUOTED_IDENTIFIER
// ON|OFF, which the modules created after it keep
// (https://learn.microsoft.com/sql/t-sql/statements/create-view-transact-sql).
// It reports whether it read the statement.
func (p *sqlParser) tsqlModuleStatement() bool {
	if p.d != schema.SQLServer {
		return false
	}
	if p.session == nil { // a parser of one Alembic op.execute
		p.session = &schema.ModuleSettings{}
	}
	j := p.i
	switch {
	case p.at("SET", "ANSI_NULLS") || p.at("SET", "QUOTED_IDENTIFIER"):
		p.i += 2
		off := p.accept("OFF")
		if p.toks[j+1].is("ANSI_NULLS") {
			p.session.ANSINullsOff = off
		} else {
			p.session.QuotedIdentifierOff = off
		}
		p.skipStatement()
		return true
	case p.at("DISABLE", "TRIGGER") || p.at("ENABLE", "TRIGGER"):
		state := ""
		if p.at("DISABLE") {
			state = "disabled"
		}
		p.i += 2
		name := p.qname()
		if !p.accept("ON") {
			p.i = j
			return false
		}
		table := p.qname()
		p.emit(op{kind: opTriggerState, table: table, trg: &schema.Trigger{Name: name.Name}, value: state})
		p.skipStatement()
		return true
	case p.at("DROP", "VIEW") || p.at("DROP", "FUNCTION") || p.at("DROP", "PROCEDURE") || p.at("DROP", "PROC") || p.at("DROP", "TRIGGER"):
		kind := strings.ToUpper(p.toks[j+1].text)
		p.i += 2
		ie := p.accept("IF", "EXISTS")
		for {
			q := p.qname()
			switch kind {
			case "VIEW":
				p.emit(op{kind: opDropView, table: q, ifExist: ie, view: &schema.View{}})
			case "TRIGGER": // the table is the one of the trigger of that name (applyFunction)
				p.emit(op{kind: opDropTrigger, trg: &schema.Trigger{Schema: q.Schema, Name: q.Name}, ifExist: ie})
			default:
				p.emit(op{kind: opDropFunction, fn: &schema.Function{Schema: q.Schema, Name: q.Name, Procedure: kind != "FUNCTION"}, ifExist: ie})
			}
			if !p.accept(",") {
				break
			}
		}
		p.skipStatement()
		return true
	}
	if !p.at("CREATE") && !p.at("ALTER") {
		return false
	}
	text := p.src[p.toks[j].start:p.toks[len(p.toks)-1].end]
	h, err := schema.ParseModule(text)
	if err != nil {
		return false
	}
	replace := !p.at("CREATE") || p.at("CREATE", "OR", "ALTER")
	switch h.Kind {
	case schema.ModuleView:
		p.emit(op{kind: opCreateView, view: &schema.View{Schema: h.Name.Schema, Name: h.Name.Name, Query: text, Textual: true, Settings: *p.session}, replace: replace})
	case schema.ModuleFunction, schema.ModuleProcedure:
		p.emit(op{kind: opCreateFunction, fn: &schema.Function{Schema: h.Name.Schema, Name: h.Name.Name, Body: text,
			Procedure: h.Kind == schema.ModuleProcedure, Settings: *p.session}, replace: replace})
	case schema.ModuleTrigger:
		p.emit(op{kind: opCreateTrigger, table: h.Table, trg: &schema.Trigger{Name: h.Name.Name, Body: text, Settings: *p.session}, replace: replace})
	default:
		return false
	}
	p.i = len(p.toks)
	return true
}

// splitTSQL groups T-SQL tokens into statements at ';' and GO separators
// as splitStatements does, but a module (CREATE [OR ALTER] | ALTER
// VIEW|FUNCTION|PROC|PROCEDURE|TRIGGER) runs to the next GO: it is the whole
// batch, its ';' included (Msg 111).
func splitTSQL(toks []sqlTok) [][]sqlTok {
	var out [][]sqlTok
	start := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && (toks[i].kind != tkSep || toks[i].text != "GO" && startsModule(toks[start:i])) {
			continue
		}
		stmt := toks[start:i]
		for len(stmt) > 0 && stmt[len(stmt)-1].kind == tkSep {
			stmt = stmt[:len(stmt)-1]
		}
		if len(stmt) > 0 {
			out = append(out, stmt)
		}
		start = i + 1
	}
	return out
}

// startsModule reports whether stmt starts with CREATE [OR ALTER] or ALTER
// of a view, function, procedure or trigger.
func startsModule(stmt []sqlTok) bool {
	k := 0
	switch {
	case len(stmt) > 3 && stmt[0].is("CREATE") && stmt[1].is("OR") && stmt[2].is("ALTER"):
		k = 3
	case len(stmt) > 1 && (stmt[0].is("CREATE") || stmt[0].is("ALTER")):
		k = 1
	default:
		return false
	}
	return stmt[k].is("VIEW") || stmt[k].is("FUNCTION") || stmt[k].is("PROC") || stmt[k].is("PROCEDURE") || stmt[k].is("TRIGGER")
}
