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

// TestLoadInPieces checks that a file loaded in pieces gives what it gives
// loaded whole: the same model with the same positions, or the same
// diagnostics, in the same order.
func TestLoadInPieces(t *testing.T) {
	rich, err := os.ReadFile("testdata/rich/postgres.hcl")
	if err != nil {
		t.Fatal(err)
	}
	richSQLServer, err := os.ReadFile("testdata/rich/sqlserver.hcl")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		src     string
		wantErr bool
	}{
		{"rich postgres", string(rich), false},
		{"rich sqlserver", string(richSQLServer), false},
		{"errors in several pieces", string(rich) + "\ntable \"x\" {\n  colum \"a\" { type = \"int\" }\n}\n" +
			"table \"y\" {\n  column \"a\" { type = \"nosuchtype\" }\n  primary_key { columns = [\"b\"] }\n}\n", true},
		{"syntax error late", string(rich) + "\ntable \"x\" {\n  column \"a\" { type = }\n}\n", true},
		{"attribute set twice", string(rich) + "\ndialect = \"postgres\"\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "schema.hcl")
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			if cuts := hclChunks([]byte(tt.src), 64); len(cuts) < 2 {
				t.Fatalf("the file is cut into %d pieces, want several", len(cuts))
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
		})
	}
}
