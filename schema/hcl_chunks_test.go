package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestHCLChunks checks where hclChunks cuts: only at line starts outside
// strings, comments and brackets, with the line numbers of the whole file,
// and not at all in what it does not follow.
func TestHCLChunks(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []int // lines the pieces start at; nil: no cut
	}{
		{"blocks", "a {\n}\nb {\n}\nc {\n}\n", []int{1, 3, 5}},
		{"brace in string", "a {\n x = \"}\n\"\n}\n", nil},
		{"brace in string closed", "a {\n x = \"}{\"\n}\nb {\n}\n", []int{1, 4}},
		{"escaped quote", "a {\n x = \"\\\"}\"\n}\nb {\n}\n", []int{1, 4}},
		{"hash comment", "a {\n # }\n}\nb {\n}\n", []int{1, 4}},
		{"slash comment", "a {\n // }\n}\nb {\n}\n", []int{1, 4}},
		{"block comment", "/* {\n{\n*/\na {\n}\nb {\n}\n", []int{1, 4, 6}},
		{"unclosed block comment", "a {\n}\n/* {\nb {\n}\n", nil},
		{"heredoc", "a {\n x = <<EOT\n}\nEOT\n}\nb {\n}\n", nil},
		{"template", "a {\n x = \"${\"}\"}\"\n}\nb {\n}\n", nil},
		{"escaped template", "a {\n x = \"$${\"\n}\nb {\n}\n", []int{1, 4}},
		{"unbalanced", "a {\n}\n}\nb {\n}\n", nil},
		{"unclosed", "a {\n}\nb {\n", nil},
		{"list", "x = [\n1,\n]\nb {\n}\n", []int{1, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			cuts := hclChunks(src, 2)
			var got []int
			for _, c := range cuts {
				got = append(got, c.Line)
				if c.Column != 1 || c.Line != 1+bytes.Count(src[:c.Byte], []byte("\n")) || (c.Byte > 0 && src[c.Byte-1] != '\n') {
					t.Errorf("cut %+v is not at the start of line %d", c, c.Line)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("cuts at lines %v, want %v", got, tt.want)
			}
		})
	}
}

// TestYAMLChunks checks where yamlChunks cuts: only before items of the
// top-level tables list, and not at all in what it does not follow.
func TestYAMLChunks(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		want       []int // lines the pieces start at; nil: no cut
		tablesLine int
	}{
		{"items", "dialect: postgres\ntables:\n  - name: a\n  - name: b\n  - name: c\n", []int{1, 4, 5}, 2},
		{"nested items", "tables:\n  - name: a\n    columns:\n      - {name: x}\n  - name: b\n", []int{1, 5}, 1},
		{"unindented items", "tables:\n- name: a\n- name: b\nenums:\n- name: e\n", []int{1, 3}, 1},
		{"keys after", "tables:\n  - name: a\n  - name: b\nenums:\n  - name: e\n  - name: f\n", []int{1, 3}, 1},
		{"comments", "tables:\n# c\n  - name: a\n# - name: x\n  - name: b\n", []int{1, 5}, 1},
		{"flow list", "tables: [{name: a}, {name: b}]\nenums:\n  - name: e\n  - name: f\n", nil, 0},
		{"two documents", "tables:\n  - name: a\n---\ntables:\n  - name: b\n", nil, 0},
		{"tables twice", "tables:\n  - name: a\n  - name: b\ntables:\n  - name: c\n", nil, 0},
		{"tab indentation", "tables:\n\t- name: a\n\t- name: b\n", nil, 0},
		{"no tables", "dialect: postgres\nenums:\n  - name: a\n  - name: b\n", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			cuts, tablesLine := yamlChunks(src, 4)
			var got []int
			for _, c := range cuts {
				got = append(got, c.line)
				if c.line != 1+bytes.Count(src[:c.byte], []byte("\n")) || (c.byte > 0 && src[c.byte-1] != '\n') {
					t.Errorf("cut %+v is not at the start of line %d", c, c.line)
				}
			}
			if !reflect.DeepEqual(got, tt.want) || tablesLine != tt.tablesLine {
				t.Errorf("cuts at lines %v, tables at %d; want %v, %d", got, tablesLine, tt.want, tt.tablesLine)
			}
		})
	}
}

// TestLoadInPieces checks that a file loaded in pieces gives what it gives
// loaded whole: the same model with the same positions, or the same
// diagnostics, in the same order.
func TestLoadInPieces(t *testing.T) {
	read := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	rich, richSQLServer := read("testdata/rich/postgres.hcl"), read("testdata/rich/sqlserver.hcl")
	richYAML, richSQLServerYAML := read("testdata/rich/postgres.yaml"), read("testdata/rich/sqlserver.yaml")
	tests := []struct {
		name    string
		ext     string
		src     string
		wantErr bool
	}{
		{"rich postgres", "hcl", rich, false},
		{"rich sqlserver", "hcl", richSQLServer, false},
		{"errors in several pieces", "hcl", rich + "\ntable \"x\" {\n  colum \"a\" { type = \"int\" }\n}\n" +
			"table \"y\" {\n  column \"a\" { type = \"nosuchtype\" }\n  primary_key { columns = [\"b\"] }\n}\n", true},
		{"syntax error late", "hcl", rich + "\ntable \"x\" {\n  column \"a\" { type = }\n}\n", true},
		{"attribute set twice", "hcl", rich + "\ndialect = \"postgres\"\n", true},
		{"rich postgres yaml", "yaml", richYAML, false},
		{"rich sqlserver yaml", "yaml", richSQLServerYAML, false},
		{"yaml errors in several pieces", "yaml", richYAML + "  - name: x\n    columns:\n      - {name: a, typ: int}\n" +
			"  - name: y\n    columns:\n      - {name: a, type: nosuchtype}\n    primary_key: {columns: [b]}\n", true},
		{"yaml syntax error late", "yaml", richYAML + "  - name: x\n    columns: [\n", true},
		{"yaml key set twice", "yaml", richYAML + "dialect: postgres\n", true},
		{"yaml key after tables", "yaml", richYAML + "schemas:\n  - {name: more}\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "schema."+tt.ext)
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			cuts := len(hclChunks([]byte(tt.src), 64))
			if tt.ext == "yaml" {
				yc, _ := yamlChunks([]byte(tt.src), 64)
				cuts = len(yc)
			}
			if cuts < 2 {
				t.Fatalf("the file is cut into %d pieces, want several", cuts)
			}
			whole, wholeErr := load(LoadOptions{}, 1<<30, path)
			pieces, piecesErr := load(LoadOptions{}, 64, path)
			if (wholeErr != nil) != tt.wantErr {
				t.Fatalf("whole file: error %v, want error: %v", wholeErr, tt.wantErr)
			}
			if wholeErr != nil || piecesErr != nil {
				if wholeErr == nil || piecesErr == nil || wholeErr.Error() != piecesErr.Error() {
					t.Fatalf("in pieces:\n%v\nwhole:\n%v", piecesErr, wholeErr)
				}
				return
			}
			if !reflect.DeepEqual(whole, pieces) {
				t.Errorf("in pieces the model differs from the whole file's")
			}
			if parts, err := loadPieces([]string{path}, 64, nil); err != nil || len(parts) < 2 {
				t.Errorf("loaded as %d pieces (%v), want several: a part failed and the file was parsed whole", len(parts), err)
			}
		})
	}
}
