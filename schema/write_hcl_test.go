package schema

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

// TestWriteHCLByItems: WriteHCL, which lays out the file's top-level items
// apart and in parallel, writes exactly what laying out the whole file at
// once writes.
func TestWriteHCLByItems(t *testing.T) {
	wide := &Database{Dialect: Postgres, Schemas: []*Schema{{Name: "app", Comment: "x"}}}
	for i := range 50 {
		wide.Enums = append(wide.Enums, &Enum{Schema: "app", Name: fmt.Sprintf("e%d", i), Values: []string{"a", "b"}})
		wide.Tables = append(wide.Tables, &Table{Schema: "app", Name: fmt.Sprintf("t%d", i), Comment: "c",
			Columns: []*Column{
				{Name: "id", Type: "bigint", Identity: &Identity{}},
				{Name: "long_column_name", Type: "text", Null: true, Default: &Default{Kind: DefaultExpr, Value: "'${x}'"}},
			},
			PrimaryKey: &PrimaryKey{Columns: []string{"id"}},
			Indexes:    []*Index{{Name: fmt.Sprintf("i%d", i), Parts: []IndexPart{{Column: "id", Desc: true}}, Where: "id > 0"}},
		})
	}
	tests := []struct {
		name string
		db   *Database
	}{
		{"empty", &Database{Dialect: Postgres}},
		{"rich postgres", mustLoadFile(t, "testdata/rich/postgres.hcl")},
		{"rich sqlserver", mustLoadFile(t, "testdata/rich/sqlserver.hcl")},
		{"wide", wide},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := fileTree(tt.db)
			if err != nil {
				t.Fatal(err)
			}
			f := hclwrite.NewEmptyFile()
			writeHCLBody(f.Body(), root)
			want := hclwrite.Format(f.Bytes())
			var got bytes.Buffer
			if err := WriteHCL(&got, tt.db); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("WriteHCL wrote\n%s\nwant (the whole file laid out at once)\n%s", got.Bytes(), want)
			}
		})
	}
}

func mustLoadFile(t *testing.T, path string) *Database {
	t.Helper()
	db, err := Load(LoadOptions{}, path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}
