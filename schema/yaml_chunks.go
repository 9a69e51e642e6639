package schema

import (
	"bytes"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	yamlparser "github.com/goccy/go-yaml/parser"
)

// yamlCut is where a piece of a big YAML file starts: at an item of the
// top-level tables list.
type yamlCut struct {
	byte, line int
}

// yamlChunks returns where to cut src into pieces of about size bytes (as
// hclChunks does for HCL): the first piece starts at the file's start, the
// others at items of the top-level "tables:" list, whose line it returns
// too. The go-yaml parser keeps the syntax tree of the whole file: 836 MiB
// for 5,000 tables in one file (docs/performance.md).
//
// It returns nil — parse the file whole — when src is smaller than 2×size,
// or is not laid out as this scanner needs with certainty: one "tables:"
// line at column 1 with nothing after it, its items in block style ("- ")
// at one indentation of spaces, no document markers (--- or ...). A cut is
// made only before a line holding "- " at the items' indentation, which no
// block scalar or nested node of an item can start with.
func yamlChunks(src []byte, size int) (cuts []yamlCut, tablesLine int) {
	if len(src) < 2*size {
		return nil, 0
	}
	const (
		before = iota // before the tables: line
		first         // after it, before its first item
		items         // among its items
		after         // after them
	)
	state, indent, last := before, 0, 0
	cuts = []yamlCut{{0, 1}}
	for line, start := 1, 0; start < len(src); line++ {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		text := src[start:end]
		trimmed := bytes.TrimLeft(text, " ")
		ind := len(text) - len(trimmed)
		content := len(bytes.TrimSpace(trimmed)) > 0 && trimmed[0] != '#'
		switch {
		case bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("...")) || bytes.HasPrefix(trimmed, []byte("\t")):
			return nil, 0
		case bytes.HasPrefix(text, []byte("tables:")):
			rest := bytes.TrimSpace(text[len("tables:"):])
			if state != before || len(rest) > 0 && rest[0] != '#' {
				return nil, 0
			}
			state, tablesLine = first, line
		case !content:
		case state == first:
			if !isYAMLItem(trimmed) {
				return nil, 0
			}
			state, indent = items, ind
		case state == items && (ind < indent || ind == indent && !isYAMLItem(trimmed)):
			state = after
		case state == items && ind == indent && start-last >= size && len(src)-start >= size/2:
			last = start
			cuts = append(cuts, yamlCut{start, line})
		}
		start = end + 1
	}
	if len(cuts) < 2 {
		return nil, 0
	}
	return cuts, tablesLine
}

// isYAMLItem reports whether a line, its indentation removed, starts a
// block sequence item.
func isYAMLItem(trimmed []byte) bool {
	return bytes.HasPrefix(trimmed, []byte("- ")) || bytes.Equal(bytes.TrimRight(trimmed, " \r"), []byte("-"))
}

// parseYAMLPiece parses a piece of a YAML file that starts at an item of the
// top-level tables list on line startLine, tablesLine being the line of the
// "tables:" key: it parses "tables:" followed by the piece, with every
// token's line set to its line in the whole file.
func parseYAMLPiece(src []byte, tablesLine, startLine int) (*ast.File, error) {
	tokens := lexer.Tokenize("tables:\n" + string(src))
	for _, tk := range tokens {
		if tk.Position == nil {
			continue
		}
		if tk.Position.Line == 1 {
			tk.Position.Line = tablesLine
		} else {
			tk.Position.Line += startLine - 2
		}
	}
	return yamlparser.Parse(tokens, 0)
}
