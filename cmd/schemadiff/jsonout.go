package main

import (
	"bufio"
	"encoding/json"
	"io"
)

// writeJSON writes v as json.Encoder with SetIndent("", "  ") does, byte
// for byte, but indents the compact encoding while it writes it instead of
// building an indented copy first, and hands it over without the copy
// json.Marshal returns: for `inspect --format json` of thousands of tables
// each copy was tens of MB and set the peak memory.
func writeJSON(w io.Writer, v any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := json.NewEncoder(&jsonIndenter{w: bw}).Encode(v); err != nil {
		return err
	}
	return bw.Flush()
}

// jsonIndenter indents the compact JSON written to it, as encoding/json's
// Indent does with prefix "" and indent "  ": an empty object or array stays
// {} or [], every other opens a level. Its state carries over between
// writes.
type jsonIndenter struct {
	w                       *bufio.Writer
	depth                   int
	inString, escaped, open bool
}

func (j *jsonIndenter) newline() {
	j.w.WriteByte('\n')
	for range j.depth {
		j.w.WriteString("  ")
	}
}

// Write indents p; its errors are the bufio.Writer's, reported by Flush.
func (j *jsonIndenter) Write(p []byte) (int, error) {
	bw := j.w
	for _, c := range p {
		if j.inString {
			bw.WriteByte(c)
			switch {
			case j.escaped:
				j.escaped = false
			case c == '\\':
				j.escaped = true
			case c == '"':
				j.inString = false
			}
			continue
		}
		if j.open && c != '}' && c != ']' {
			j.open = false
			j.depth++
			j.newline()
		}
		switch c {
		case '"':
			j.inString = true
			bw.WriteByte(c)
		case '{', '[':
			j.open = true
			bw.WriteByte(c)
		case ',':
			bw.WriteByte(c)
			j.newline()
		case ':':
			bw.WriteString(": ")
		case '}', ']':
			if j.open {
				j.open = false
			} else {
				j.depth--
				j.newline()
			}
			bw.WriteByte(c)
		default: // digits, letters, and the Encoder's final newline
			bw.WriteByte(c)
		}
	}
	return len(p), nil
}
