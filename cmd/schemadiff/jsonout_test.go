package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestWriteJSONSameAsEncoder compares writeJSON with json.Encoder's
// indented output on values that exercise its rules (empty and nested
// objects and arrays, strings holding quotes, escapes and punctuation, HTML
// characters) and on a real schema.
func TestWriteJSONSameAsEncoder(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "convergence", "*", "to.hcl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no convergence pairs: %v", err)
	}
	tests := []struct {
		name string
		v    any
	}{
		{"empty object", map[string]any{}},
		{"empty array", []int{}},
		{"nested empties", map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{[]any{}, map[string]any{"d": nil}}}},
		{"punctuation in strings", []string{`{"a":[1,2]}`, `quote \" and \\ backslash`, "tab\t newline\n", "<html>&amp;", `:,[]{}`, ""}},
		{"numbers and literals", []any{1, -2.5, 1e21, true, false, nil}},
		{"a schema", &schema.Database{Dialect: schema.Postgres, Tables: []*schema.Table{{Schema: "public", Name: "t", Comment: `a "quoted", {odd} comment`,
			Columns: []*schema.Column{{Name: "id", Type: "bigint"}, {Name: "v", Type: "text", Null: true, Default: &schema.Default{Kind: schema.DefaultString, Value: `it's "x"`}}}}}}},
	}
	for _, f := range files {
		db, err := schema.Load(schema.LoadOptions{}, f)
		if err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct {
			name string
			v    any
		}{f, db})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want, got bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			if err := enc.Encode(tt.v); err != nil {
				t.Fatal(err)
			}
			if err := writeJSON(&got, tt.v); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("writeJSON differs from json.Encoder:\ngot:\n%s\nwant:\n%s", got.String(), want.String())
			}
		})
	}
}
