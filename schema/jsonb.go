package schema

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// jsonbText returns the text PostgreSQL's jsonb output function prints for
// the JSON object or array s, and false when s is not one: PostgreSQL stores
// a literal cast to jsonb as that text ('{"b":1,"a":2}' as '{"a": 2, "b": 1}'),
// so both forms compare equal once brought to it. jsonb keeps the last of
// duplicate keys, orders keys by length and then bytes, and prints ": " and
// ", " between the parts ("JSON Types", https://www.postgresql.org/docs/15/datatype-json.html).
// Numbers are kept as written.
func jsonbText(s string) (string, bool) {
	t := strings.TrimSpace(s)
	if t == "" || t[0] != '{' && t[0] != '[' || !json.Valid([]byte(t)) {
		return "", false
	}
	dec := json.NewDecoder(strings.NewReader(t))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", false
	}
	var b bytes.Buffer
	writeJSONB(&b, v)
	return b.String(), true
}

// writeJSONB prints v as jsonb's output function does.
func writeJSONB(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, c string) int { return cmp.Or(cmp.Compare(len(a), len(c)), strings.Compare(a, c)) })
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			writeJSONBString(b, k)
			b.WriteString(": ")
			writeJSONB(b, x[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			writeJSONB(b, e)
		}
		b.WriteByte(']')
	case string:
		writeJSONBString(b, x)
	case json.Number:
		b.WriteString(x.String())
	case bool:
		fmt.Fprint(b, x)
	case nil:
		b.WriteString("null")
	}
}

// writeJSONBString prints a JSON string as PostgreSQL escapes it: quote,
// backslash and control characters only (\b \f \n \r \t, else \u00XX).
func writeJSONBString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}
