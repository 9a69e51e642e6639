package review

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies an SQL token.
type tokKind int

const (
	tkIdent  tokKind = iota // unquoted word; text as written
	tkQIdent                // "quoted" or [bracketed] identifier; text unquoted
	tkString                // 'literal' (also N'', E'', $$…$$); text unquoted
	tkNumber
	tkPunct // operator or punctuation, text as written
	tkSep   // statement end: ';' or a GO line
)

// sqlTok is one SQL token with its place in the source.
type sqlTok struct {
	kind       tokKind
	text       string
	start, end int // byte offsets in the source
	line       int
}

// is reports whether t is the unquoted keyword kw (case-insensitive).
func (t sqlTok) is(kw string) bool { return t.kind == tkIdent && strings.EqualFold(t.text, kw) }

// lexSQL splits src into tokens; firstLine is the line number of src's first
// line; brackets quote identifiers when set (SQL Server). Comments are
// dropped. Unterminated literals run to the end of input.
func lexSQL(src string, firstLine int, brackets bool) []sqlTok {
	var toks []sqlTok
	line := firstLine
	lineStart := true // no token yet on this line
	i := 0
	emit := func(k tokKind, text string, start, end, ln int) {
		toks = append(toks, sqlTok{kind: k, text: text, start: start, end: end, line: ln})
		lineStart = false
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			line++
			lineStart = true
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && strings.HasPrefix(src[i:], "--"):
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '/' && strings.HasPrefix(src[i:], "/*"):
			j := strings.Index(src[i+2:], "*/")
			end := len(src)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			line += strings.Count(src[i:end], "\n")
			i = end
		case c == ';':
			emit(tkSep, ";", i, i+1, line)
			i++
		case c == '\'' || (c == 'N' || c == 'n' || c == 'E' || c == 'e') && i+1 < len(src) && src[i+1] == '\'':
			start, ln := i, line
			escapes := c == 'E' || c == 'e'
			if c != '\'' {
				i++
			}
			text, end := scanQuoted(src, i, '\'')
			if escapes {
				text, end = scanEscaped(src, i)
			}
			line += strings.Count(src[i:end], "\n")
			i = end
			emit(tkString, text, start, end, ln)
		case c == '"':
			start, ln := i, line
			text, end := scanQuoted(src, i, '"')
			line += strings.Count(src[i:end], "\n")
			i = end
			emit(tkQIdent, text, start, end, ln)
		case c == '[' && brackets:
			start, ln := i, line
			text, end := scanQuoted(src, i, ']')
			line += strings.Count(src[i:end], "\n")
			i = end
			emit(tkQIdent, text, start, end, ln)
		case c == '$' && dollarTag(src[i:]) != "":
			tag := dollarTag(src[i:])
			start, ln := i, line
			j := strings.Index(src[i+len(tag):], tag)
			end, text := len(src), src[i+len(tag):]
			if j >= 0 {
				end, text = i+len(tag)+j+len(tag), src[i+len(tag):i+len(tag)+j]
			}
			line += strings.Count(src[i:end], "\n")
			i = end
			emit(tkString, text, start, end, ln)
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			start := i
			for i < len(src) && (isDigit(src[i]) || src[i] == '.' || src[i] == 'e' || src[i] == 'E' ||
				(src[i] == '-' || src[i] == '+') && (src[i-1] == 'e' || src[i-1] == 'E')) {
				i++
			}
			emit(tkNumber, src[start:i], start, i, line)
		case isWordStart(src[i:]):
			start := i
			for i < len(src) {
				r, n := utf8.DecodeRuneInString(src[i:])
				if !(r == '_' || r == '$' || r == '#' || r == '@' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
					break
				}
				i += n
			}
			word := src[start:i]
			if lineStart && strings.EqualFold(word, "go") && restOfLineBlank(src[i:]) {
				emit(tkSep, "GO", start, i, line)
				continue
			}
			emit(tkIdent, word, start, i, line)
		default:
			start := i
			for _, op := range []string{"::", "<>", "!=", ">=", "<=", "||", "->>", "->"} {
				if strings.HasPrefix(src[i:], op) {
					i += len(op)
					break
				}
			}
			if i == start {
				_, n := utf8.DecodeRuneInString(src[i:])
				i += n
			}
			emit(tkPunct, src[start:i], start, i, line)
		}
	}
	return toks
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '_' || r == '@' || r == '#' || unicode.IsLetter(r)
}

// restOfLineBlank reports whether s holds only blanks (or a comment, or a
// repeat count) up to the end of its first line: what follows a GO separator.
func restOfLineBlank(s string) bool {
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	s = strings.TrimSpace(s)
	return s == "" || strings.HasPrefix(s, "--") || strings.Trim(s, "0123456789") == ""
}

// scanQuoted reads a literal opened by src[i] and closed by closer, where a
// doubled closer stands for itself. It returns the text and the end offset.
func scanQuoted(src string, i int, closer byte) (string, int) {
	var b strings.Builder
	j := i + 1
	for j < len(src) {
		if src[j] == closer {
			if j+1 < len(src) && src[j+1] == closer {
				b.WriteByte(closer)
				j += 2
				continue
			}
			return b.String(), j + 1
		}
		b.WriteByte(src[j])
		j++
	}
	return b.String(), len(src)
}

// scanEscaped reads PostgreSQL's escape string constant E'…' whose opening
// quote is at src[i], with its backslash escapes (\b \f \n \r \t, octal
// \ooo, hex \xhh, \uXXXX, \UXXXXXXXX; any other character stands for
// itself) and doubled quotes (PostgreSQL manual, 4.1.2.2 String Constants
// with C-Style Escapes). It returns the value and the index after the
// closing quote.
func scanEscaped(src string, i int) (string, int) {
	var b strings.Builder
	j := i + 1
	for j < len(src) {
		c := src[j]
		switch {
		case c == '\'' && j+1 < len(src) && src[j+1] == '\'':
			b.WriteByte('\'')
			j += 2
		case c == '\'':
			return b.String(), j + 1
		case c == '\\' && j+1 < len(src):
			j = escape(&b, src, j+1)
		default:
			b.WriteByte(c)
			j++
		}
	}
	return b.String(), len(src)
}

// escape writes the value of the backslash escape whose first character
// is src[j] and returns the index after it.
func escape(b *strings.Builder, src string, j int) int {
	// number reads up to n digits of base at src[from:].
	number := func(from, n, base int) (uint64, int, bool) {
		k := from
		for k < len(src) && k < from+n && strings.IndexByte("0123456789abcdefABCDEF"[:min(base, 10)+max(0, base-10)*2], src[k]) >= 0 {
			k++
		}
		v, err := strconv.ParseUint(src[from:k], base, 32)
		return v, k, err == nil
	}
	switch e := src[j]; {
	case strings.IndexByte("bfnrt", e) >= 0:
		b.WriteByte("\b\f\n\r\t"[strings.IndexByte("bfnrt", e)])
	case e >= '0' && e <= '7':
		v, k, _ := number(j, 3, 8)
		b.WriteByte(byte(v))
		return k
	case e == 'x' || e == 'u' || e == 'U':
		n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
		if v, k, ok := number(j+1, n, 16); ok {
			if e == 'x' {
				b.WriteByte(byte(v))
			} else {
				b.WriteRune(rune(v))
			}
			return k
		}
		b.WriteByte(e)
	default:
		b.WriteByte(e)
	}
	return j + 1
}

// dollarTag returns the $tag$ that opens s, or "".
func dollarTag(s string) string {
	for j := 1; j < len(s); j++ {
		c := s[j]
		if c == '$' {
			return s[:j+1]
		}
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 1 && isDigit(c)) {
			return ""
		}
	}
	return ""
}

// splitStatements groups tokens into statements at ';' and GO separators.
func splitStatements(toks []sqlTok) [][]sqlTok {
	var out [][]sqlTok
	start := 0
	for i, t := range toks {
		if t.kind == tkSep {
			if i > start {
				out = append(out, toks[start:i])
			}
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}
