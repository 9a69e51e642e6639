package schema

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// fastReadsYAML reports whether the fast reader reads src to the end,
// without handing it to go-yaml.
func fastReadsYAML(src []byte) bool {
	fy := parseFastYAML("f.yaml", src, 0, 0)
	if fy == nil {
		return false
	}
	l := newLoader()
	l.file(&Database{}, fy)
	return !fy.st.bail && len(l.diags) == 0
}

// yamlCorpus returns the YAML files of the repository's test data, and the
// HCL ones that load written as YAML by WriteYAML (as inspect writes
// them).
func yamlCorpus(t *testing.T) map[string][]byte {
	files := map[string][]byte{}
	for _, root := range []string{"testdata", "../testdata"} {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch filepath.Ext(path) {
			case ".yaml", ".yml":
				b, err := os.ReadFile(path)
				files[path] = b
				return err
			case ".hcl":
				db, err := Load(LoadOptions{}, path)
				if err != nil {
					return nil // a file of errors, or a part of a folder
				}
				if db, err = Normalize(db); err != nil {
					return nil
				}
				var b bytes.Buffer
				if err := WriteYAML(&b, db); err != nil {
					return err
				}
				files[path+".yaml"] = b.Bytes()
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 100 {
		t.Fatalf("found %d YAML files (some written from HCL) in the test data, want the repository's", len(files))
	}
	return files
}

var (
	yamlFlowListLine = regexp.MustCompile(`(?m)^( *)((?:- )?)([a-z_]+): \[([^\[\]{}"']*)\] *$`)
	yamlFlowItemLine = regexp.MustCompile(`(?m)^( *)- \{(.*)\} *$`)
	yamlCommentLine  = regexp.MustCompile(`(?m)^( *)comment: .*$`)
	yamlPlainValue   = regexp.MustCompile(`(: |- |\[|, )([a-z][a-z0-9_ .()]*[a-z0-9)])([,\]}]|$)`)
)

// splitFlow splits the inside of a flow collection at its top-level commas.
func splitFlow(s string) []string {
	var out []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// blockItems writes items of flow mappings as block mappings.
func blockItems(src string) string {
	return yamlFlowItemLine.ReplaceAllStringFunc(src, func(line string) string {
		m := yamlFlowItemLine.FindStringSubmatch(line)
		if strings.TrimSpace(m[2]) == "" {
			return line
		}
		entries := splitFlow(m[2])
		for i := range entries {
			entries[i] = m[1] + "  " + entries[i]
		}
		return m[1] + "- " + strings.TrimPrefix(strings.Join(entries, "\n"), m[1]+"  ")
	})
}

// blockLists writes flow lists of scalars as block sequences.
func blockLists(src string) string {
	return yamlFlowListLine.ReplaceAllStringFunc(src, func(line string) string {
		m := yamlFlowListLine.FindStringSubmatch(line)
		if strings.TrimSpace(m[4]) == "" {
			return line
		}
		ind := m[1] + strings.Repeat(" ", len(m[2]))
		out := m[1] + m[2] + m[3] + ":"
		for _, v := range splitFlow(m[4]) {
			out += "\n" + ind + "  - " + v
		}
		return out
	})
}

// compact indents block sequences as the key they are the value of.
func compact(src string) string {
	lines := strings.Split(src, "\n")
	indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
	for i := 0; i+1 < len(lines); i++ {
		l := strings.TrimRight(lines[i], " ")
		if !strings.HasSuffix(l, ":") || strings.Contains(l, "#") {
			continue
		}
		ind := indent(l)
		if strings.HasPrefix(strings.TrimLeft(l, " "), "- ") {
			ind += 2
		}
		next := lines[i+1]
		if indent(next) != ind+2 || !strings.HasPrefix(strings.TrimLeft(next, " "), "- ") {
			continue
		}
		for j := i + 1; j < len(lines) && (strings.TrimSpace(lines[j]) == "" || indent(lines[j]) >= ind+2); j++ {
			if strings.TrimSpace(lines[j]) != "" {
				lines[j] = lines[j][2:]
			}
		}
	}
	return strings.Join(lines, "\n")
}

// quotePlain quotes plain scalars other than bools and null as format
// does.
func quotePlain(src, format string) string {
	return yamlPlainValue.ReplaceAllStringFunc(src, func(s string) string {
		m := yamlPlainValue.FindStringSubmatch(s)
		if m[2] == "true" || m[2] == "false" || m[2] == "null" {
			return s
		}
		return m[1] + fmt.Sprintf(format, m[2]) + m[3]
	})
}

// yamlVariants rewrites src in ways the fast reader must follow exactly
// (or give up on): line ends, comments, quoting, escapes, non-ASCII text,
// block and flow styles, compact sequences, trailing spaces, empty values,
// spaces in flow collections.
func yamlVariants(src string) map[string]string {
	const wide = "e\u0301 é 日本 👍🏽 \u00a0x"
	commented := regexp.MustCompile(`(?m)$`).ReplaceAllString(src, "  # note "+wide)
	commented = regexp.MustCompile(`(?m)^( *)(- |[a-z_]+:)`).ReplaceAllString(commented, "$1# before "+wide+"\n#\n        # deep\n$1$2")
	return map[string]string{
		"crlf":           strings.ReplaceAll(src, "\n", "\r\n"),
		"comments":       commented,
		"comments crlf":  strings.ReplaceAll(commented, "\n", "\r\n"),
		"single quotes":  quotePlain(src, "'%s'"),
		"double quotes":  quotePlain(src, `"%s"`),
		"quotes inside":  quotePlain(src, `'%s''s "x"'`),
		"escapes":        yamlCommentLine.ReplaceAllString(src, `${1}comment: "a\"b\\c\td\n\x41\u00e9\/\0\e\_\N\L\P\ e `+wide+`"`),
		"unicode":        yamlCommentLine.ReplaceAllString(src, "${1}comment: "+wide+" 'quoted' \"q\" a-b [x] {y} a,b"),
		"empty values":   yamlCommentLine.ReplaceAllString(src, "${1}comment:"),
		"null values":    yamlCommentLine.ReplaceAllString(src, "${1}comment: ~"),
		"block items":    blockItems(src),
		"block lists":    blockLists(src),
		"block all":      compact(blockLists(blockItems(src))),
		"compact":        compact(src),
		"trailing":       strings.ReplaceAll(src, "\n", "   \n"),
		"block trailing": strings.ReplaceAll(compact(blockLists(blockItems(src))), "\n", "  \n"),
		"flow spaces":    strings.NewReplacer("{", "{  ", "}", "  }", ", ", "  ,  ", "[", "[ ", "]", " ]").Replace(src),
		"dash spaces":    strings.ReplaceAll(src, "- {", "-   {"),
		"numbers":        strings.NewReplacer("default: 0}", "default: -0}", "seed: 1,", "seed: 1.50,", "cache: ", "cache: -").Replace(src),
		"no final line":  strings.TrimRight(src, "\n"),
	}
}

// TestFastYAMLMatchesYAML checks that the fast reader gives what go-yaml
// gives — the same model, the same positions (columns in runes, go-yaml's
// quirks included), the same diagnostics — on every YAML file of the test
// data and every HCL one written as YAML, on variants of them, on their
// pieces as Load cuts big files, and on thousands of random mutations
// (where it mostly gives up, and Load falls back to go-yaml).
func TestFastYAMLMatchesYAML(t *testing.T) {
	check := func(t *testing.T, name string, src []byte) bool {
		t.Helper()
		slow := readPiece(t, "f.yaml", src, false)
		fast := readPiece(t, "f.yaml", src, true)
		if reflect.DeepEqual(slow, fast) {
			return fastReadsYAML(src)
		}
		if diff := cmp.Diff(slow, fast); diff != "" {
			t.Fatalf("%s: the fast reader differs from go-yaml (-go-yaml +fast):\n%s\nsource:\n%s", name, diff, src)
		}
		return fastReadsYAML(src)
	}
	corpus := yamlCorpus(t)
	paths := make([]string, 0, len(corpus))
	for path := range corpus {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	read, clean := 0, 0
	for _, path := range paths {
		if check(t, path, corpus[path]) {
			read++
		}
		if len(readPiece(t, "f.yaml", corpus[path], false).Diags) == 0 {
			clean++
		}
	}
	// Files with errors are left to go-yaml; all others must be read fast,
	// or the fast reader is of no use.
	t.Logf("read fast: %d of %d (%d without diagnostics)", read, len(corpus), clean)
	if read < clean {
		t.Errorf("the fast reader read %d of the %d test data files without diagnostics", read, clean)
	}
	notFast := map[string]bool{"dash spaces": true, "escapes": true, "quotes inside": true}
	for _, path := range []string{"testdata/rich/postgres.yaml", "testdata/rich/sqlserver.yaml", "../testdata/examples/postgres/shop.yaml"} {
		for name, v := range yamlVariants(string(corpus[path])) {
			if !check(t, path+" "+name, []byte(v)) && !notFast[name] {
				t.Errorf("%s %s: not read fast", path, name)
			}
		}
	}
	// every file in pieces; variants of some, whole and in pieces
	rng := rand.New(rand.NewSource(1))
	for _, path := range paths {
		checkPieces(t, path, corpus[path])
		if rng.Intn(8) != 0 {
			continue
		}
		for name, v := range yamlVariants(string(corpus[path])) {
			check(t, path+" "+name, []byte(v))
			checkPieces(t, path+" "+name, []byte(v))
		}
	}
	for _, src := range []string{
		"", "# only a comment", "\n\n", "# a\r\n# b\r\n", "dialect: postgres", "dialect: postgres # no newline at the end",
		"dialect: postgres\ndialect: postgres\n", "dialect: \"postgres\"\n", "dialect: 'postgres'\n",
		"dialect:\n", "dialect: ~\n", "dialect: null\n", "dialect: 1\n", "dialect: true\n", "dialect: [postgres]\n",
		"\uFEFFdialect: postgres\n", "---\ndialect: postgres\n", "dialect: postgres\n...\n", "dialect: postgres\n---\n",
		"dialect:\tpostgres\n", "  dialect: postgres\n", "dialect: postgres\n  tables:\n",
		"tables:\n- name: t\n  columns:\n  - {name: a, type: int}\n",
		"tables:\n  - name: t\n    columns:\n    - {name: a, type: int, default: 1_000}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, default: 0x1F}\n      - {name: b, type: int, default: 012}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: numeric, default: 1.50}\n      - {name: b, type: numeric, default: -.5}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: numeric, default: 1e3}\n      - {name: b, type: float8, default: .inf}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: text, default: yes}\n      - {name: b, type: text, default: on}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: text, default: 99999999999999999999}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, identity: {seed: 9223372036854775808}}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: text, default: 2024-01-01}\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: text\n        default:\n          sql: now()\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: text\n        default: {sql: ~}\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: text\n        default: {}\n",
		"tables:\n  - name: t\n    columns:\n      - {}\n",
		"tables:\n  - name: t\n    columns:\n      -\n        name: a\n        type: int\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: |\n          int\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: >-\n          int\n",
		"tables:\n  - name: t\n    columns:\n      - name: &a a\n        type: int\n      - {name: b, type: *a}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: !!str int}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int,}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int\n         }\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n          more\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n       x: 1\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: \"in\n          t\"\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, comment: a#b}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, comment: http://x}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: \"int\"x}\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int #c\n        comment: x#y\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        comment: a: b\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        comment: - a\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        comment: -a\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        comment: <<\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, comment: \"\\U0001F44D\"}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, comment: \"\\uD83D\\uDC4D\"}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, comment: \"\\uDC4D\"}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, comment: \"\\x4\"}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, comment: \"\\x4g\\u00e\"}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, comment: \"\\xe9\\u00E9\\u2028\"}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, identity: {seed: 012, increment: 010}}\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        comment: \"\\q\"\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        comment: 'it''s'\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        comment: \"tab\there\"\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        comment: x\ty\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        comment: 'x' # c\r\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        comment: x\r        \n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        Comment: x\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n        null: True\n      - {name: b, type: int, null: FALSE}\n",
		"tables:\n  - name: t\n    columns:\n      - name: a\n        type: int\n    primary_key:\n      columns: [a]\n    indexes:\n      - on:\n        - column: a\n          desc: true\n        - {expr: lower(a)}\n",
		"tables:\n  - name: t\n    columns: [{name: a, type: int}, {name: b, type: text}]\n    primary_key: {columns: []}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int}\n    primary_key: {columns: [a, a]}\n    checks: [{expr: \"a > 0\"}]\n",
		"tables:\n  - name: t\n    columns:\n      - {name: é日本, type: int, comment: 👍🏽 x}  # ✓\n      - {name: \"é\", type: 'int', comment: \"👍🏽\"}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int}\n  - name: t\n    columns:\n      - {name: a, type: int}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int}\n    columns:\n      - {name: b, type: int}\n",
		"tables:\n  - name: t\n    columns:\n      - {name: a, type: int, type: text}\n",
		"tables:\n  - {name: t, columns: [{name: a, type: int}]}\n",
		"tables:\n  -   name: t\n      columns:\n        - {name: a, type: int}\n",
		"tables: []\nviews: []\nenums:\n",
		"tables:\n\n  - name: t\n\n    columns:\n\n      - {name: a, type: int}\n\n",
	} {
		check(t, fmt.Sprintf("%q", src), []byte(src))
	}
	for _, path := range paths {
		if rng.Intn(8) != 0 {
			continue
		}
		for range 40 {
			check(t, path+" mutated", mutate(rng, corpus[path], "{}[]:,#-'\"\\ \n\r\t&*!|>%@`?~.0123456789_aé日👍\u00a0"))
		}
	}
}

// checkPieces cuts src as Load cuts big files (into small pieces here) and
// compares what the two readers give for each piece.
func checkPieces(t *testing.T, name string, src []byte) {
	t.Helper()
	cuts, tablesLine := yamlChunks(src, 64)
	for i, c := range cuts {
		end := len(src)
		if i+1 < len(cuts) {
			end = cuts[i+1].byte
		}
		part := func() *piece {
			p := &piece{path: "f.yaml", src: append([]byte{}, src[c.byte:end]...), start: hcl.Pos{Line: c.line, Column: 1, Byte: c.byte}}
			if i > 0 {
				p.tablesLine = tablesLine
			}
			return p
		}
		slow, fast := readPart(t, part(), false), readPart(t, part(), true)
		if reflect.DeepEqual(slow, fast) {
			continue
		}
		if diff := cmp.Diff(slow, fast); diff != "" {
			t.Fatalf("%s piece %d: the fast reader differs from go-yaml (-go-yaml +fast):\n%s\nsource:\n%s", name, i, diff, src[c.byte:end])
		}
	}
}
