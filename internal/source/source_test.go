package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestDialect: URL schemes name the dialect in any case (RFC 3986 §3.1),
// and drivers get the scheme in lower case.
func TestDialect(t *testing.T) {
	tests := []struct {
		src   string
		want  schema.Dialect
		canon string
	}{
		{"postgres://app@h/db", schema.Postgres, "postgres://app@h/db"},
		{"Postgres://app@h/db", schema.Postgres, "postgres://app@h/db"},
		{"POSTGRESQL://app@h/DB", schema.Postgres, "postgresql://app@h/DB"},
		{"SqlServer://sa@h?database=x", schema.SQLServer, "sqlserver://sa@h?database=x"},
		{"mysql://root@h/x", "", "mysql://root@h/x"},
		{"schema/users.hcl", "", "schema/users.hcl"},
	}
	for _, tt := range tests {
		if got := Dialect(tt.src); got != tt.want {
			t.Errorf("Dialect(%q) = %q, want %q", tt.src, got, tt.want)
		}
		if got := canonicalScheme(tt.src); got != tt.canon {
			t.Errorf("canonicalScheme(%q) = %q, want %q", tt.src, got, tt.canon)
		}
	}
}

// TestLoadFiles: a missing path says what to give instead; a folder
// without schema files is an error, never an empty schema.
func TestLoadFiles(t *testing.T) {
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "notes.txt"), []byte("moved"), 0o644)
	tests := []struct {
		path, want string
	}{
		{filepath.Join(empty, "nope"), "no such schema file or folder (give --to PATH)"},
		{empty, "no schema files in " + empty},
	}
	for _, tt := range tests {
		_, err := LoadFiles([]string{tt.path}, schema.LoadOptions{Dialect: schema.Postgres}, "give --to PATH")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("LoadFiles(%s) = %v, want %q", tt.path, err, tt.want)
		}
	}
	db, err := LoadFiles([]string{"../../testdata/examples/postgres/users.hcl"}, schema.LoadOptions{}, "")
	if err != nil || len(db.Tables) != 1 {
		t.Errorf("LoadFiles(users.hcl) = %v, %v", db, err)
	}
}
