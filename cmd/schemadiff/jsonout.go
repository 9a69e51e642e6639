package main

import (
	"bufio"
	"encoding/json"
	"io"
)

// writeJSON writes v as json.Encoder with SetIndent("", "  ") does, byte
// for byte, but indents the compact encoding while it writes it instead of
// building an indented copy first: for `inspect --format json` of thousands
// of tables that copy was the largest allocation (tens of MB) and set the
// peak memory.
func writeJSON(w io.Writer, v any) error {
	src, err := json.Marshal(v)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	depth := 0
	newline := func() {
		bw.WriteByte('\n')
		for range depth {
			bw.WriteString("  ")
		}
	}
	// The rules of encoding/json's Indent on compact input: an empty object
	// or array stays {} or [], every other opens a level.
	inString, escaped, open := false, false, false
	for _, c := range src {
		if inString {
			bw.WriteByte(c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		if open && c != '}' && c != ']' {
			open = false
			depth++
			newline()
		}
		switch c {
		case '"':
			inString = true
			bw.WriteByte(c)
		case '{', '[':
			open = true
			bw.WriteByte(c)
		case ',':
			bw.WriteByte(c)
			newline()
		case ':':
			bw.WriteString(": ")
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				newline()
			}
			bw.WriteByte(c)
		default:
			bw.WriteByte(c)
		}
	}
	bw.WriteByte('\n')
	return bw.Flush()
}
