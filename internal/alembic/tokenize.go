package alembic

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a Python token, as far as this package cares.
type tokKind int

// The token kinds.
const (
	tokName   tokKind = iota // identifier or keyword
	tokString                // string literal; text is its decoded value
	tokOp                    // operator or punctuation
	tokOther                 // number or anything else
)

// token is one Python token.
type token struct {
	kind tokKind
	text string
	line int
	// lineStart is set on the first token of a logical line.
	lineStart bool
	// indented is set when that logical line starts after whitespace (it is
	// inside a block, not at module level).
	indented bool
}

// is reports whether t is of kind k with text s.
func (t token) is(k tokKind, s string) bool { return t.kind == k && t.text == s }

// tokenize splits Python source into tokens, leaving out comments and line
// structure (but marking the start of each logical line). Adjacent string
// literals on one logical line are joined, as Python joins them.
func tokenize(src string) ([]token, error) {
	var toks []token
	line, depth := 1, 0
	atLineStart, indented := true, false
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			line++
			i++
			if depth == 0 {
				atLineStart, indented = true, false
			}
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			if atLineStart {
				indented = true
			}
			i++
			continue
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '\\' && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
			i++ // explicit line continuation: the newline that follows does not end the line
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i++
			line++
			continue
		}
		t := token{line: line, lineStart: atLineStart, indented: indented}
		atLineStart = false
		if q, n := stringStart(src[i:]); q != "" {
			text, size, lines, err := readString(src[i:], n, q)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			line += lines
			i += size
			if last := len(toks) - 1; last >= 0 && toks[last].kind == tokString && !t.lineStart {
				toks[last].text += text
				continue
			}
			t.kind, t.text = tokString, text
			toks = append(toks, t)
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == '_' || unicode.IsLetter(r):
			j := i
			for j < len(src) {
				r, n := utf8.DecodeRuneInString(src[j:])
				if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				j += n
			}
			t.kind, t.text = tokName, src[i:j]
			i = j
		case strings.ContainsRune("([{", r):
			depth++
			t.kind, t.text = tokOp, string(r)
			i += size
		case strings.ContainsRune(")]}", r):
			if depth > 0 {
				depth--
			}
			t.kind, t.text = tokOp, string(r)
			i += size
		case r == '=' && !strings.HasPrefix(src[i:], "=="):
			t.kind, t.text = tokOp, "="
			i++
		case r == '=':
			t.kind, t.text = tokOp, "=="
			i += 2
		case strings.ContainsRune(":,;", r):
			t.kind, t.text = tokOp, string(r)
			i += size
		default:
			t.kind, t.text = tokOther, string(r)
			i += size
		}
		toks = append(toks, t)
	}
	return toks, nil
}

// stringStart reports whether s starts a string literal: it returns the
// quote ("'", "\"", "”'" or "\"\"\"") and the length of the prefix (r, b, u,
// f and their combinations), or "" when s does not start a string.
func stringStart(s string) (quote string, prefix int) {
	for prefix < len(s) && prefix < 2 && strings.ContainsRune("rRbBuUfF", rune(s[prefix])) {
		prefix++
	}
	rest := s[prefix:]
	for _, q := range []string{`"""`, `'''`, `"`, `'`} {
		if strings.HasPrefix(rest, q) {
			return q, prefix
		}
	}
	return "", 0
}

// readString reads a string literal whose prefix is prefix bytes long and
// whose quote is quote. It returns the decoded value, the literal's length
// in bytes and the number of newlines inside it.
func readString(s string, prefix int, quote string) (string, int, int, error) {
	raw := strings.ContainsAny(s[:prefix], "rR")
	triple := len(quote) == 3
	var b strings.Builder
	lines := 0
	for i := prefix + len(quote); i < len(s); {
		switch c := s[i]; {
		case strings.HasPrefix(s[i:], quote):
			return b.String(), i + len(quote), lines, nil
		case c == '\n' && !triple:
			return "", 0, 0, fmt.Errorf("unterminated string literal")
		case c == '\\' && i+1 < len(s):
			if s[i+1] == '\n' {
				lines++
			}
			if raw {
				b.WriteString(s[i : i+2])
				i += 2
				continue
			}
			text, n := escape(s[i:])
			b.WriteString(text)
			i += n
		default:
			if c == '\n' {
				lines++
			}
			b.WriteByte(c)
			i++
		}
	}
	return "", 0, 0, fmt.Errorf("unterminated string literal")
}

// escape decodes the escape sequence at the start of s (which starts with a
// backslash); it returns the text and the bytes it took. An unknown escape
// stays as it is, as in Python.
func escape(s string) (string, int) {
	simple := map[byte]string{'\\': `\`, '\'': `'`, '"': `"`, 'n': "\n", 't': "\t", 'r': "\r",
		'a': "\a", 'b': "\b", 'f': "\f", 'v': "\v", '0': "\x00", '\n': ""}
	if t, ok := simple[s[1]]; ok {
		return t, 2
	}
	for _, hex := range []struct {
		letter byte
		digits int
	}{{'x', 2}, {'u', 4}, {'U', 8}} {
		if s[1] == hex.letter && len(s) >= 2+hex.digits {
			if n, err := strconv.ParseUint(s[2:2+hex.digits], 16, 32); err == nil {
				return string(rune(n)), 2 + hex.digits
			}
		}
	}
	return s[:2], 2
}
