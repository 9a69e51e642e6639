package review

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestReadSQLServerModules: review reads schemadiff's own T-SQL for views,
// functions, procedures, triggers and sequences (the render golden files:
// CREATE OR ALTER batches, SET QUOTED_IDENTIFIER around a module, DISABLE
// TRIGGER, CREATE/ALTER/DROP SEQUENCE) without an unparsed statement, and
// still follows the table statements around them.
func TestReadSQLServerModules(t *testing.T) {
	tests := []struct {
		file   string
		tables int // CREATE TABLE and DROP TABLE statements read
	}{
		{"07_modules_create", 1},
		{"08_modules_change", 0},
		{"09_modules_drop", 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "render", "testdata", "sqlserver", tt.file+".sql"))
			if err != nil {
				t.Fatal(err)
			}
			p := readSQL(tt.file+".sql", string(src), 1, schema.SQLServer)
			for _, f := range p.findings {
				t.Errorf("finding %s at %s: %s", f.Code, f.Pos, f.Message)
			}
			tables := 0
			for _, o := range p.ops {
				if o.kind == opCreateTable || o.kind == opDropTable {
					tables++
				}
			}
			if tables != tt.tables {
				t.Errorf("%d table statements read, want %d", tables, tt.tables)
			}
		})
	}
}
