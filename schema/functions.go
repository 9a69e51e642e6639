package schema

import (
	"fmt"
	"slices"
	"strings"
)

// This file holds what functions, procedures and triggers share between
// loading, normalization, introspection and review: their identity and the
// parsing of argument lists as PostgreSQL prints them
// (pg_get_function_arguments, pg_get_function_result).

// Signature returns the function's identity within its schema: its name and
// the types of its input arguments (IN, INOUT, VARIADIC; OUT arguments are
// not part of it), e.g. "add(integer, integer)", as
// pg_get_function_identity_arguments prints them once canonical
// (https://www.postgresql.org/docs/15/sql-createfunction.html: "the name and
// argument types … determine the function's identity").
func (f *Function) Signature() string {
	var types []string
	for _, a := range f.Args {
		if a.Mode != "out" {
			types = append(types, a.Type)
		}
	}
	return f.Name + "(" + strings.Join(types, ", ") + ")"
}

// QName returns the function's schema and Signature.
func (f *Function) QName() QName { return QName{f.Schema, f.Signature()} }

// Kind returns "procedure" or "function", for messages and SQL.
func (f *Function) Kind() string {
	if f.Procedure {
		return "procedure"
	}
	return "function"
}

// QName returns the trigger's schema and "table.name", which sort and name it.
func (t *Trigger) QName() QName { return QName{t.Schema, t.Table + "." + t.Name} }

// SplitTopLevel splits s at every sep that is outside parentheses, brackets,
// single-quoted strings and double-quoted identifiers, trimming each part;
// an empty s gives no parts.
func SplitTopLevel(s string, sep byte) []string {
	var parts []string
	start := 0
	topLevel(s, func(i int) bool {
		if s[i] == sep {
			parts = append(parts, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
		return false
	})
	if rest := strings.TrimSpace(s[start:]); rest != "" || len(parts) > 0 {
		parts = append(parts, rest)
	}
	return parts
}

// topLevel calls visit with the offset of every byte of s outside
// parentheses, brackets, quotes and double quotes (the brackets and quotes
// themselves excluded), until visit returns true.
func topLevel(s string, visit func(i int) bool) {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case depth == 0 && visit(i):
			return
		}
	}
}

// ParseFunctionArgs parses an argument list as CREATE FUNCTION takes it and
// pg_get_function_arguments prints it: "a integer, OUT b text, c text
// DEFAULT 'x'::text" (names and types as written; Normalize makes them
// canonical). An error names the argument it cannot read.
func ParseFunctionArgs(s string) ([]*FunctionArg, error) {
	var args []*FunctionArg
	for _, part := range SplitTopLevel(s, ',') {
		a, err := ParseFunctionArg(part)
		if err != nil {
			return nil, err
		}
		args = append(args, a)
	}
	return args, nil
}

// argModes maps the mode keywords of an argument to FunctionArg.Mode.
var argModes = map[string]string{"in": "", "out": "out", "inout": "inout", "variadic": "variadic"}

// ParseFunctionArg parses one argument: [mode] [name] type [DEFAULT expr | =
// expr]. A first word that is not the start of a type is the name: "a
// integer" is named a, "double precision" and "mood" are unnamed.
func ParseFunctionArg(s string) (*FunctionArg, error) {
	a := &FunctionArg{}
	head := strings.TrimSpace(s)
	if i := topLevelDefault(head); i.start >= 0 {
		head, a.Default = strings.TrimSpace(head[:i.start]), strings.TrimSpace(head[i.end:])
		if a.Default == "" {
			return nil, fmt.Errorf("argument %q: DEFAULT without a value", s)
		}
	}
	words := splitWords(head)
	if len(words) > 1 {
		if m, ok := argModes[strings.ToLower(words[0])]; ok {
			a.Mode, words = m, words[1:]
		}
	}
	if len(words) == 0 {
		return nil, fmt.Errorf("argument %q: no type", s)
	}
	whole := strings.Join(words, " ")
	if _, err := CanonicalType(Postgres, whole); err != nil && len(words) > 1 {
		a.Name, words = unquoteIdent(words[0]), words[1:]
	}
	a.Type = strings.Join(words, " ")
	return a, nil
}

// topLevelDefault finds " DEFAULT " or "=" outside quotes and parentheses;
// its start is -1 when there is none.
func topLevelDefault(s string) span {
	found := span{-1, -1}
	topLevel(s, func(i int) bool {
		switch c := s[i]; {
		case c == '=':
			found = span{i, i + 1}
		case (c == 'd' || c == 'D') && i > 0 && strings.ContainsRune(" \t\n", rune(s[i-1])) &&
			len(s) >= i+8 && strings.EqualFold(s[i:i+7], "default") && strings.ContainsRune(" \t\n", rune(s[i+7])):
			found = span{i, i + 7}
		}
		return found.start >= 0
	})
	return found
}

// splitWords splits s at white space outside double quotes and parentheses.
func splitWords(s string) []string {
	var words []string
	var cur strings.Builder
	depth, quoted := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			if cur.Len() > 0 {
				words = append(words, cur.String())
				cur.Reset()
			}
			continue
		}
		cur.WriteByte(c)
	}
	if cur.Len() > 0 {
		words = append(words, cur.String())
	}
	return words
}

// unquoteIdent removes the double quotes of a quoted identifier ("a""b" is
// a"b); an unquoted one is folded to lower case, as PostgreSQL does.
func unquoteIdent(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return strings.ToLower(s)
}

// FunctionReturns is a return type split into its parts.
type FunctionReturns struct {
	SetOf bool           // RETURNS SETOF type
	Table []*FunctionArg // RETURNS TABLE (…): its columns (Name and Type)
	Type  string         // the type, when Table is nil
}

// ParseReturns splits a return type as pg_get_function_result prints it:
// "integer", "SETOF public.users", "TABLE(id integer, name text)".
func ParseReturns(s string) (FunctionReturns, error) {
	s = strings.TrimSpace(s)
	var r FunctionReturns
	if len(s) > 5 && strings.EqualFold(s[:5], "table") && strings.HasSuffix(s, ")") {
		if open := strings.IndexByte(s, '('); open >= 5 && strings.TrimSpace(s[5:open]) == "" {
			args, err := ParseFunctionArgs(s[open+1 : len(s)-1])
			if err != nil {
				return r, fmt.Errorf("returns %q: %w", s, err)
			}
			for _, a := range args {
				if a.Name == "" || a.Mode != "" || a.Default != "" {
					return r, fmt.Errorf("returns %q: each TABLE column is a name and a type", s)
				}
			}
			if len(args) == 0 {
				return r, fmt.Errorf("returns %q: TABLE without columns", s)
			}
			r.Table = args
			return r, nil
		}
	}
	if w := splitWords(s); len(w) > 1 && strings.EqualFold(w[0], "setof") {
		r.SetOf, s = true, strings.Join(w[1:], " ")
	}
	r.Type = s
	return r, nil
}

// String prints the return type in canonical form.
func (r FunctionReturns) String() string {
	if r.Table != nil {
		cols := make([]string, len(r.Table))
		for i, a := range r.Table {
			cols[i] = pgIdentText(a.Name) + " " + a.Type
		}
		return "TABLE(" + strings.Join(cols, ", ") + ")"
	}
	if r.SetOf {
		return "SETOF " + r.Type
	}
	return r.Type
}

// pgIdentText spells a name as PostgreSQL's quote_identifier does: plain
// when it is a lower-case identifier that is not a keyword it reserves,
// quoted otherwise.
func pgIdentText(name string) string {
	plain := name != ""
	for i := 0; i < len(name) && plain; i++ {
		c := name[i]
		plain = c == '_' || c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '$')
	}
	if plain && !pgQuotedKeywords[name] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// pgQuotedKeywords are the keywords quote_identifier quotes that names of
// arguments and columns commonly hit (PostgreSQL's reserved and
// type/function-name keywords, Appendix C).
var pgQuotedKeywords = wordSet(`all analyse analyze and any array as asc asymmetric authorization between bigint binary bit
boolean both case cast char character check coalesce collate collation column concurrently constraint create cross
current_catalog current_date current_role current_schema current_time current_timestamp current_user dec decimal default
deferrable desc distinct do else end except exists extract false fetch float for foreign freeze from full grant greatest
group grouping having ilike in initially inner inout int integer intersect interval into is isnull join lateral leading
least left like limit localtime localtimestamp national natural nchar none normalize not notnull null nullif numeric
offset on only or order out outer overlaps overlay placing position precision primary real references returning right
row select session_user setof similar smallint some substring symmetric table tablesample then time timestamp to
trailing treat trim true union unique user using values varchar variadic verbose when where window with xmlattributes
xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable`)

// SameDefinition reports whether t and o are the same trigger but for their
// enabled state and comment (canonical triggers).
func (t *Trigger) SameDefinition(o *Trigger) bool {
	return t.Schema == o.Schema && t.Table == o.Table && t.Name == o.Name && t.Timing == o.Timing &&
		slices.Equal(t.Events, o.Events) && slices.Equal(t.UpdateOf, o.UpdateOf) && t.ForEachRow == o.ForEachRow &&
		t.When == o.When && t.OldTable == o.OldTable && t.NewTable == o.NewTable && t.Function == o.Function &&
		slices.Equal(t.Args, o.Args) && t.Body == o.Body
}
