package schema

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// This file reads SQL Server modules: the text of a view, function,
// procedure or trigger as CREATE … states it and sys.sql_modules.definition
// keeps it ("SQL text that defines this module", Microsoft Learn,
// sys.sql_modules), header and comments included.

// ModuleSettings are the SET options a SQL Server module was created under.
// SQL Server records them with the module (sys.sql_modules.uses_ansi_nulls,
// uses_quoted_identifier) and applies them whenever it runs, whatever the
// session's settings ("SET QUOTED_IDENTIFIER (Transact-SQL)": "the setting
// … is captured when a stored procedure, trigger or view is created").
// canonical: the zero value for ON and ON, the settings of every current
// client.
type ModuleSettings struct {
	// ANSINullsOff is SET ANSI_NULLS OFF at creation.
	ANSINullsOff bool `json:"ansi_nulls_off,omitempty"`
	// QuotedIdentifierOff is SET QUOTED_IDENTIFIER OFF at creation.
	QuotedIdentifierOff bool `json:"quoted_identifier_off,omitempty"`
}

// The kinds of SQL Server module a ModuleHeader names.
const (
	ModuleView      = "view"
	ModuleFunction  = "function"
	ModuleProcedure = "procedure"
	ModuleTrigger   = "trigger"
)

// ModuleHeader is what the header of a T-SQL module statement (CREATE [OR
// ALTER] | ALTER, then VIEW, FUNCTION, PROC[EDURE] or TRIGGER and a name)
// says, with byte offsets into the text it was read from.
type ModuleHeader struct {
	// Kind is ModuleView, ModuleFunction, ModuleProcedure or ModuleTrigger.
	Kind string
	// Name is the module's name; Name.Schema is "" when the header names
	// no schema. NameParts is the number of parts written (1 to 3).
	Name      QName
	NameParts int
	// NameEnd is the offset just after the name: the module's text from
	// there on is what follows CREATE <kind> <name>.
	NameEnd int
	// Options are the WITH options of a view or trigger header, lower case
	// (schemabinding, encryption, view_metadata, execute…).
	Options []string
	// Columns are a view's column list, as written.
	Columns []string
	// QueryStart and QueryEnd delimit a view's SELECT: after AS, before a
	// final WITH CHECK OPTION and semicolons.
	QueryStart, QueryEnd int
	// CheckOption is a view's WITH CHECK OPTION.
	CheckOption bool
	// Table is a trigger's table; Timing is "after" (FOR or AFTER) or
	// "instead of"; Events are "insert", "update", "delete" in that order.
	Table  QName
	Timing string
	Events []string

	// tableEnd, timingStart and eventsEnd are, for a trigger, the offsets
	// after the table name, of FOR/AFTER/INSTEAD and after the events.
	tableEnd, timingStart, eventsEnd int
}

// errNotModule is ParseModule's error for text that does not start with
// CREATE or ALTER.
var errNotModule = errors.New("not a CREATE or ALTER statement")

// ParseModule reads the header of the T-SQL module statement text with the
// T-SQL lexer (comments and white space anywhere, [bracketed] and "quoted"
// names). It returns errNotModule (errors.Is) when text does not start with
// CREATE or ALTER, and an error saying what was expected otherwise. DDL
// triggers (ON DATABASE, ON ALL SERVER) are refused: only DML triggers are
// modules of a schema.
func ParseModule(text string) (*ModuleHeader, error) {
	toks, spans, err := lex(SQLServer, text)
	if err != nil {
		return nil, err
	}
	p := &moduleParser{text: text, toks: toks, spans: spans}
	return p.header()
}

// IsNotModule reports whether err is ParseModule's error for text that is
// not a CREATE or ALTER statement (a bare SELECT, for a view).
func IsNotModule(err error) bool { return errors.Is(err, errNotModule) }

// moduleParser reads a module header from the tokens of its text.
type moduleParser struct {
	text  string
	toks  []token
	spans []span
	i     int
}

// peek returns the next token (tEOF at the end).
func (p *moduleParser) peek() token {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return token{kind: tEOF}
}

// kw reports whether the next token is the unquoted keyword word, and
// consumes it if so.
func (p *moduleParser) kw(word string) bool {
	if isWord(p.peek(), word) {
		p.i++
		return true
	}
	return false
}

// punct reports whether the next token is the punctuation s, and consumes
// it if so.
func (p *moduleParser) punct(s string) bool {
	if t := p.peek(); t.kind == tPunct && t.text == s {
		p.i++
		return true
	}
	return false
}

// errorf returns a header error that quotes the token where reading stopped.
func (p *moduleParser) errorf(format string, args ...any) error {
	near := "the end of the text"
	if p.i < len(p.toks) {
		near = fmt.Sprintf("%q", p.toks[p.i].text)
	}
	return fmt.Errorf("module header: "+format+", found %s", append(args, near)...)
}

// header reads CREATE [OR ALTER] | ALTER, the kind and the name, then what
// a view or a trigger header says.
func (p *moduleParser) header() (*ModuleHeader, error) {
	switch {
	case p.kw("create"):
		if p.kw("or") && !p.kw("alter") {
			return nil, p.errorf("expected ALTER after CREATE OR")
		}
	case p.kw("alter"):
	default:
		return nil, errNotModule
	}
	h := &ModuleHeader{}
	switch {
	case p.kw("view"):
		h.Kind = ModuleView
	case p.kw("function"):
		h.Kind = ModuleFunction
	case p.kw("proc"), p.kw("procedure"):
		h.Kind = ModuleProcedure
	case p.kw("trigger"):
		h.Kind = ModuleTrigger
	default:
		return nil, p.errorf("expected VIEW, FUNCTION, PROCEDURE or TRIGGER")
	}
	name, parts, err := p.name()
	if err != nil {
		return nil, err
	}
	h.Name, h.NameParts, h.NameEnd = name, parts, p.spans[p.i-1].end
	switch h.Kind {
	case ModuleView:
		return h, p.view(h)
	case ModuleTrigger:
		return h, p.trigger(h)
	}
	return h, nil
}

// name reads a one- to three-part name; the last part is the object, the
// one before it the schema.
func (p *moduleParser) name() (QName, int, error) {
	var parts []string
	for {
		t := p.peek()
		if t.kind != tIdent && t.kind != tQIdent {
			return QName{}, 0, p.errorf("expected a name")
		}
		parts = append(parts, p.identText(p.i))
		p.i++
		if len(parts) == 3 || !p.punct(".") {
			break
		}
	}
	q := QName{Name: parts[len(parts)-1]}
	if len(parts) > 1 {
		q.Schema = parts[len(parts)-2]
	}
	return q, len(parts), nil
}

// identText returns identifier token k as named: a quoted one exactly, an
// unquoted one as written (the lexer folds case).
func (p *moduleParser) identText(k int) string {
	if p.toks[k].kind == tQIdent {
		return p.toks[k].text
	}
	return p.text[p.spans[k].start:p.spans[k].end]
}

// options reads WITH option[, option…] (an option may carry arguments,
// EXECUTE AS 'name'), returning the lower-case option words.
func (p *moduleParser) options() []string {
	var out []string
	if !p.kw("with") {
		return nil
	}
	for {
		t := p.peek()
		if t.kind != tIdent {
			return out
		}
		out = append(out, t.text)
		p.i++
		if t.text == "execute" && p.kw("as") { // EXECUTE AS CALLER | SELF | OWNER | 'user'
			p.i++
		}
		for t := p.peek(); t.kind != tEOF && !(t.kind == tPunct && t.text == ",") && !p.isKw("as", "for", "after", "instead"); t = p.peek() {
			p.i++
		}
		if !p.punct(",") {
			return out
		}
	}
}

// isKw reports whether the next token is one of the unquoted keywords words.
func (p *moduleParser) isKw(words ...string) bool {
	t := p.peek()
	return t.kind == tIdent && slices.Contains(words, t.text)
}

// view reads the rest of a view header: [(columns)] [WITH options] AS, and
// where the SELECT ends (before WITH CHECK OPTION and semicolons).
func (p *moduleParser) view(h *ModuleHeader) error {
	if p.punct("(") {
		for {
			t := p.peek()
			if t.kind != tIdent && t.kind != tQIdent {
				return p.errorf("expected a column name")
			}
			h.Columns = append(h.Columns, p.identText(p.i))
			p.i++
			if p.punct(")") {
				break
			}
			if !p.punct(",") {
				return p.errorf("expected , or ) in the column list")
			}
		}
	}
	h.Options = p.options()
	if !p.kw("as") {
		return p.errorf("expected AS")
	}
	if p.i == len(p.toks) {
		return p.errorf("expected the view's SELECT after AS")
	}
	h.QueryStart = p.spans[p.i].start
	end := len(p.toks)
	for end > p.i && p.toks[end-1].kind == tPunct && p.toks[end-1].text == ";" {
		end--
	}
	if end-3 >= p.i && isWord(p.toks[end-3], "with") && isWord(p.toks[end-2], "check") && isWord(p.toks[end-1], "option") {
		h.CheckOption = true
		end -= 3
	}
	if end == p.i {
		return p.errorf("expected the view's SELECT after AS")
	}
	h.QueryEnd = p.spans[end-1].end
	return nil
}

// isWord reports whether t is the unquoted word w (lower case).
func isWord(t token, w string) bool { return t.kind == tIdent && t.text == w }

// trigger reads the rest of a DML trigger header: ON table [WITH options]
// FOR | AFTER | INSTEAD OF events.
func (p *moduleParser) trigger(h *ModuleHeader) error {
	if !p.kw("on") {
		return p.errorf("expected ON")
	}
	if p.isKw("database", "all") {
		return errors.New("module header: a DDL trigger (ON DATABASE, ON ALL SERVER) is not a trigger of a table")
	}
	table, _, err := p.name()
	if err != nil {
		return err
	}
	h.Table, h.tableEnd = table, p.spans[p.i-1].end
	h.Options = p.options()
	if p.i < len(p.spans) {
		h.timingStart = p.spans[p.i].start
	}
	switch {
	case p.kw("for"), p.kw("after"):
		h.Timing = "after"
	case p.kw("instead"):
		if !p.kw("of") {
			return p.errorf("expected OF after INSTEAD")
		}
		h.Timing = "instead of"
	default:
		return p.errorf("expected FOR, AFTER or INSTEAD OF")
	}
	seen := map[string]bool{}
	for {
		t := p.peek()
		if !isWord(t, "insert") && !isWord(t, "update") && !isWord(t, "delete") {
			return p.errorf("expected INSERT, UPDATE or DELETE")
		}
		seen[t.text] = true
		p.i++
		h.eventsEnd = p.spans[p.i-1].end
		if !p.punct(",") {
			break
		}
	}
	for _, e := range []string{"insert", "update", "delete"} {
		if seen[e] {
			h.Events = append(h.Events, e)
		}
	}
	return nil
}

// NormalizeModule returns the canonical form of T-SQL text (a whole module
// statement or a view's SELECT) for comparison: comments and white space
// dropped, tokens spaced uniformly, unquoted words and quoted names folded
// to lower case (keywords are case-insensitive, and so are names under the
// case-insensitive collations SQL Server databases use by default), quotes
// and brackets dropped where a name does not need them, numbers in
// canonical form, semicolons (statement terminators, optional in T-SQL)
// dropped. String literals are kept exactly. When kind is not ""
// the header (CREATE [OR ALTER] | ALTER <kind> <name>) becomes
// "create <kind> <schema>.<name>" of q, as SQL Server keeps the text a
// module was created with even after ALTER or sp_rename (sys.sql_modules).
// A trigger's header also names its table in the trigger's schema and
// lists its events in canonical order. Under settings.QuotedIdentifierOff
// a "double-quoted" token is a string literal, as SQL Server reads it
// ("SET QUOTED_IDENTIFIER (Transact-SQL)"). Text the lexer cannot read has
// its white space collapsed instead.
func NormalizeModule(text, kind string, q QName, settings ModuleSettings) string {
	toks, spans, err := lex(SQLServer, text)
	if err != nil {
		return strings.Join(strings.Fields(text), " ")
	}
	if settings.QuotedIdentifierOff {
		toks = slices.Clone(toks)
		for k, t := range toks {
			if t.kind == tQIdent && text[spans[k].start] == '"' {
				toks[k].kind = tStr
			}
		}
	}
	// from returns the tokens that start at or after offset.
	all := toks
	from := func(offset int) []token {
		k := 0
		for k < len(spans) && spans[k].start < offset {
			k++
		}
		return all[k:]
	}
	prefix := ""
	if kind != "" {
		if h, err := ParseModule(text); err == nil && h.Kind == kind {
			prefix = "create " + kind + " " + canonicalModuleName(q.Schema, q.Name)
			toks = from(h.NameEnd)
			if kind == ModuleTrigger {
				// ON <table> [WITH …] <timing> <events in canonical order>: a
				// trigger's table is in the trigger's schema.
				prefix += " on " + canonicalModuleName(q.Schema, h.Table.Name)
				if with := printModuleTokens(from(h.tableEnd)[:len(from(h.tableEnd))-len(from(h.timingStart))]); with != "" {
					prefix += " " + with
				}
				prefix += " " + h.Timing + " " + strings.Join(h.Events, ", ")
				toks = from(h.eventsEnd)
			}
		}
	}
	toks = slices.DeleteFunc(slices.Clone(toks), func(t token) bool { return t.kind == tPunct && t.text == ";" })
	body := printModuleTokens(toks)
	switch {
	case prefix == "":
		return body
	case body == "" || strings.HasPrefix(body, "("):
		return prefix + body
	}
	return prefix + " " + body
}

// canonicalModuleName spells schema.name as NormalizeModule does.
func canonicalModuleName(schemaName, name string) string {
	return quoteIdent(SQLServer, strings.ToLower(schemaName)) + "." + quoteIdent(SQLServer, strings.ToLower(name))
}

// printModuleTokens spells tokens canonically (see NormalizeModule):
// printTokens' spelling and spacing, quoted names folded to lower case.
func printModuleTokens(toks []token) string {
	folded := make([]token, len(toks))
	for i, t := range toks {
		if t.kind == tQIdent {
			t.text = strings.ToLower(t.text)
		}
		folded[i] = t
	}
	return printTokens(SQLServer, folded)
}
