package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/schemadiff/schemadiff/schema"
)

// writeJSON writes v as json.Encoder with SetIndent("", "  ") does, byte
// for byte, but indents the compact encoding while it writes it instead of
// building an indented copy first, and hands it over without the copy
// json.Marshal returns: for `inspect --format json` of thousands of tables
// each copy was tens of MB and set the peak memory.
//
// A *schema.Database is written a table at a time (writeDatabaseJSON).
func writeJSON(w io.Writer, v any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	ind := &jsonIndenter{w: bw}
	var err error
	if db, ok := v.(*schema.Database); ok && db != nil {
		err = writeDatabaseJSON(ind, db)
	} else {
		err = json.NewEncoder(ind).Encode(v)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// writeDatabaseJSON writes db's compact encoding to w, followed by a
// newline, as json.Encoder does, but encodes its tables one at a time: the
// encoding of the whole database is tens of MB at 5,000 tables, and the
// buffer encoding/json grows for it by doubling set inspect's peak memory.
// The rest of db is encoded without the tables, and the tables go in after
// the fields that come before them (dialect, schemas, enums).
func writeDatabaseJSON(w io.Writer, db *schema.Database) error {
	rest := *db
	rest.Tables = nil
	tail, err := json.Marshal(&rest)
	if err != nil {
		return err
	}
	head, err := json.Marshal(struct {
		Dialect schema.Dialect   `json:"dialect"`
		Schemas []*schema.Schema `json:"schemas,omitempty"`
		Enums   []*schema.Enum   `json:"enums,omitempty"`
	}{db.Dialect, db.Schemas, db.Enums})
	if err != nil {
		return err
	}
	cut := len(head) - 1 // before head's closing brace
	if len(db.Tables) == 0 || !bytes.Equal(tail[:cut], head[:cut]) {
		_, err := w.Write(append(tail, '\n'))
		return err
	}
	w.Write(tail[:cut])
	w.Write([]byte(`,"tables":[`))
	for i, t := range db.Tables {
		b, err := json.Marshal(t)
		if err != nil {
			return err
		}
		if i > 0 {
			w.Write([]byte{','})
		}
		w.Write(b)
	}
	w.Write([]byte{']'})
	_, err = w.Write(append(tail[cut:], '\n'))
	return err
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
