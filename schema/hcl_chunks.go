package schema

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
)

// chunkBytes is the size of the pieces Load cuts big HCL and YAML files into.
//
// The HCL library lexes a whole file into one token slice before parsing it,
// and keeps the syntax tree of the whole file: for an 8 MB file (5,000
// tables) that is most of the load time and over 700 MiB of memory
// (docs/performance.md). Cut between top-level blocks, the pieces parse and
// decode in parallel and each one's tokens and tree are freed once it is
// decoded. Every piece is parsed from its own start position, so positions
// are those of the whole file; Load parses a file whole again when a piece
// fails to parse or two pieces set one attribute, so that diagnostics are
// exactly the library's.
const chunkBytes = 256 << 10

// hclChunks returns where to cut src into pieces of about size bytes, each
// holding whole top-level items: the start position (line, column 1, byte)
// of every piece, the first being the file's start. It returns nil — parse
// the file whole — when src is smaller than 2×size, or holds what this
// scanner does not follow with certainty: heredocs, template interpolations
// or directives in quoted strings, or unbalanced brackets.
//
// The scanner follows HCL's native syntax only as far as cutting needs:
// quoted strings with backslash escapes, #, // and /* */ comments, and the
// nesting of {}, [] and (). A cut is made only at the start of a line
// outside all of them.
func hclChunks(src []byte, size int) []hcl.Pos {
	if len(src) < 2*size {
		return nil
	}
	cuts := []hcl.Pos{hcl.InitialPos}
	depth, line, last := 0, 1, 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			line++
			if depth == 0 && i+1-last >= size && len(src)-(i+1) >= size/2 {
				last = i + 1
				cuts = append(cuts, hcl.Pos{Line: line, Column: 1, Byte: last})
			}
		case '{', '[', '(':
			depth++
		case '}', ']', ')':
			if depth--; depth < 0 {
				return nil
			}
		case '#':
			i = skipLine(src, i) - 1 // the newline is counted above
		case '/':
			switch {
			case i+1 < len(src) && src[i+1] == '/':
				i = skipLine(src, i) - 1
			case i+1 < len(src) && src[i+1] == '*':
				end := bytes.Index(src[i+2:], []byte("*/"))
				if end < 0 {
					return nil
				}
				end += i + 2
				line += bytes.Count(src[i:end], []byte("\n"))
				i = end + 1
			}
		case '<':
			if i+1 < len(src) && src[i+1] == '<' {
				return nil // heredoc
			}
		case '"':
			end, ok := skipString(src, i+1)
			if !ok {
				return nil
			}
			i = end
		}
	}
	if depth != 0 || len(cuts) < 2 {
		return nil
	}
	return cuts
}

// skipLine returns the index of the newline that ends the line holding i
// (len(src) when none).
func skipLine(src []byte, i int) int {
	if n := bytes.IndexByte(src[i:], '\n'); n >= 0 {
		return i + n
	}
	return len(src)
}

// skipString returns the index of the quote that closes the quoted string
// whose text starts at i; ok is false at a newline, the end of src, or a
// template sequence (${ or %{, whose nested strings this scanner does not
// follow).
func skipString(src []byte, i int) (int, bool) {
	for ; i < len(src); i++ {
		switch src[i] {
		case '"':
			return i, true
		case '\\':
			i++
		case '\n':
			return 0, false
		case '$', '%':
			if i+1 < len(src) && src[i+1] == '{' {
				if i > 0 && src[i-1] == src[i] {
					continue // $${ and %%{ are escapes
				}
				return 0, false
			}
		}
	}
	return 0, false
}
