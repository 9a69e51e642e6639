package schema

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteYAML writes db as a YAML desired-schema file that Load reads back to
// the same model (positions aside). db should be canonical (Normalize); the
// output is deterministic. Tables are written in block style, the objects
// inside them one per line in flow style.
func WriteYAML(w io.Writer, db *Database) error {
	root, err := fileTree(db)
	if err != nil {
		return err
	}
	var b strings.Builder
	writeYAMLBlock(&b, root, "", "")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write yaml: %w", err)
	}
	return nil
}

// writeYAMLBlock writes n as a block mapping; the first line starts with
// first (e.g. "  - "), the others with indent.
func writeYAMLBlock(b *strings.Builder, n *wnode, first, indent string) {
	lead := first
	line := func(key, value string) {
		b.WriteString(lead + key + ":" + value + "\n")
		lead = indent
	}
	if n.named {
		line("name", " "+yamlScalar(n.name))
	}
	for _, f := range n.fields {
		list, isList := f.value.([]*wnode)
		switch {
		case isList && (f.key == "table" || f.key == "view" || f.key == "materialized_view"):
			line(yamlKey(f), "")
			for _, c := range list {
				writeYAMLBlock(b, c, indent+"  - ", indent+"    ")
			}
		case isList:
			line(yamlKey(f), "")
			for _, c := range list {
				b.WriteString(indent + "  - " + yamlFlow(c) + "\n")
			}
		default:
			line(yamlKey(f), " "+yamlValue(f.value))
		}
	}
}

// yamlKey is the YAML key of a field: lists of objects take the plural.
func yamlKey(f wfield) string {
	if _, isList := f.value.([]*wnode); isList {
		return yamlListKey(f.key)
	}
	return f.key
}

// yamlFlow writes n as a flow mapping on one line.
func yamlFlow(n *wnode) string {
	var parts []string
	if n.named {
		parts = append(parts, "name: "+yamlScalar(n.name))
	}
	for _, f := range n.fields {
		parts = append(parts, yamlKey(f)+": "+yamlValue(f.value))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func yamlValue(v any) string {
	switch v := v.(type) {
	case string:
		return yamlScalar(v)
	case bool:
		return strconv.FormatBool(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case []string:
		items := make([]string, len(v))
		for i, s := range v {
			items[i] = yamlScalar(s)
		}
		return "[" + strings.Join(items, ", ") + "]"
	case *Default:
		switch v.Kind {
		case DefaultExpr:
			return "{sql: " + yamlScalar(v.Source.Or(v.Value)) + "}"
		case DefaultNumber, DefaultBool:
			return v.Value
		}
		return yamlScalar(v.Source.Or(v.Value))
	case *wnode:
		return yamlFlow(v)
	case []*wnode:
		items := make([]string, len(v))
		for i, c := range v {
			items[i] = yamlFlow(c)
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	panic(fmt.Sprintf("schema: no YAML spelling for %T", v))
}

// yamlScalar spells s as a YAML string: plain where that reads back as the
// same string in any context (flow or block), double-quoted otherwise.
func yamlScalar(s string) string {
	if yamlPlainSafe(s) {
		return s
	}
	return strconv.Quote(s)
}

func yamlPlainSafe(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_'
		if i == 0 && !letter {
			return false
		}
		if !letter && !(r >= '0' && r <= '9') && !strings.ContainsRune(" .()-", r) {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return false
	}
	return true
}
