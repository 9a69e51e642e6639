package diff

import (
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// ident is an identifier in an SQL expression that may name a column.
type ident struct {
	start, end int    // byte span in the expression, quotes included
	name       string // the name, without quotes
	quoted     bool
}

// columnIdents returns the identifiers of expr that may name a column of the
// table: bare words that are neither function names (followed by "("), nor
// qualifiers (followed by "."), nor type names (after "::"), and quoted
// identifiers ("name", [name]). String literals are skipped.
func columnIdents(expr string) []ident {
	var ids []ident
	for i := 0; i < len(expr); {
		c := expr[i]
		switch {
		case c == '\'':
			i = quotedEnd(expr, i, '\'')
		case c == '"' || c == '[':
			closing := byte('"')
			if c == '[' {
				closing = ']'
			}
			end := quotedEnd(expr, i, closing)
			name := expr[i+1 : max(i+1, end-1)]
			if closing == '"' {
				name = strings.ReplaceAll(name, `""`, `"`)
			}
			ids = append(ids, ident{start: i, end: end, name: name, quoted: true})
			i = end
		case isIdentStart(c):
			end := i + 1
			for end < len(expr) && isIdentPart(expr[end]) {
				end++
			}
			rest := strings.TrimLeft(expr[end:], " \t\n")
			if !strings.HasSuffix(strings.TrimRight(expr[:i], " \t\n"), "::") &&
				!strings.HasPrefix(rest, "(") && !strings.HasPrefix(rest, ".") {
				ids = append(ids, ident{start: i, end: end, name: expr[i:end]})
			}
			i = end
		case c >= '0' && c <= '9': // a number, possibly 1.5e10: never an identifier
			for i < len(expr) && (isIdentPart(expr[i]) || expr[i] == '.') {
				i++
			}
		default:
			i++
		}
	}
	return ids
}

// quotedEnd returns the index just past the quoted token that starts at
// expr[start], where a doubled closing quote is an escaped one.
func quotedEnd(expr string, start int, closing byte) int {
	for i := start + 1; i < len(expr); i++ {
		if expr[i] != closing {
			continue
		}
		if i+1 < len(expr) && expr[i+1] == closing && closing != ']' {
			i++
			continue
		}
		return i + 1
	}
	return len(expr)
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentPart(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '$'
}

// names reports whether id refers to the column called column: quoted
// identifiers match exactly, bare ones without regard to case.
func (id ident) names(column string) bool {
	if id.quoted {
		return id.name == column
	}
	return strings.EqualFold(id.name, column)
}

// mentionsColumn reports whether expr refers to the column.
func mentionsColumn(expr, column string) bool {
	for _, id := range columnIdents(expr) {
		if id.names(column) {
			return true
		}
	}
	return false
}

// renameInExpr returns expr with every reference to column old changed to new,
// as the database does inside constraints and indexes when a column is renamed;
// new is quoted as dialect d needs.
func renameInExpr(d schema.Dialect, expr, old, new string) string {
	var b strings.Builder
	last := 0
	for _, id := range columnIdents(expr) {
		if !id.names(old) {
			continue
		}
		b.WriteString(expr[last:id.start])
		b.WriteString(schema.QuoteIdent(d, new))
		last = id.end
	}
	if last == 0 {
		return expr
	}
	b.WriteString(expr[last:])
	return b.String()
}
