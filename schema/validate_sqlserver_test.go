package schema_test

import "testing"

// TestSQLServerKeyAndFilterDiagnostics checks the SQL Server rules on index
// keys and filters: large object key columns (Msg 1919), filters on computed
// columns, and filters whose comparison converts its left side.
func TestSQLServerKeyAndFilterDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		file string
		src  string
		want []string
	}{
		{
			name: "large object key columns of an index, a primary key, a unique and a unique column; include is fine",
			file: "s.hcl",
			src: `dialect = "sqlserver"
table "t" {
  column "id" { type = "nvarchar(max)" }
  column "doc" { type = "xml" }
  column "body" { type = "NVARCHAR(MAX)" }
  column "code" { type = "nvarchar(450)" }
  column "blob" {
    type   = "varbinary(max)"
    unique = true
  }
  primary_key { columns = ["id"] }
  unique "uq_doc" { columns = ["code", "doc"] }
  index "ix_body" {
    columns = ["code", "body"]
    include = ["doc"]
  }
  index "ix_code" {
    columns = ["code"]
    include = ["body", "doc"]
  }
}
`,
			want: []string{
				"s.hcl:9:5: table dbo.t column blob: a unique column cannot be of type varbinary(max), which SQL Server cannot use as a key column (Msg 1919) (remove unique, or make the column a bounded type such as nvarchar(450))",
				"s.hcl:11:28: table dbo.t primary key: column id is of type nvarchar(max), which SQL Server cannot use as a key column (Msg 1919) (make the column a bounded type such as nvarchar(450), or move it to include)",
				"s.hcl:12:40: table dbo.t unique uq_doc: column doc is of type xml, which SQL Server cannot use as a key column (Msg 1919) (make the column a bounded type such as nvarchar(450), or move it to include)",
				"s.hcl:14:24: table dbo.t index ix_body: column body is of type nvarchar(max), which SQL Server cannot use as a key column (Msg 1919) (make the column a bounded type such as nvarchar(450), or move it to include)",
			},
		},
		{
			name: "text, ntext and image keys in yaml",
			file: "s.yaml",
			src: `dialect: sqlserver
tables:
  - name: t
    columns:
      - {name: id, type: int}
      - {name: a, type: text}
      - {name: b, type: ntext}
      - {name: c, type: image}
    indexes:
      - {name: ix, columns: [id, a, b, c]}
`,
			want: []string{
				"s.yaml:10:34: table dbo.t index ix: column a is of type text, which SQL Server cannot use as a key column (Msg 1919) (make the column a bounded type such as nvarchar(450), or move it to include)",
				"s.yaml:10:37: table dbo.t index ix: column b is of type ntext, which SQL Server cannot use as a key column (Msg 1919) (make the column a bounded type such as nvarchar(450), or move it to include)",
				"s.yaml:10:40: table dbo.t index ix: column c is of type image, which SQL Server cannot use as a key column (Msg 1919) (make the column a bounded type such as nvarchar(450), or move it to include)",
			},
		},
		{
			name: "filters: computed column, string column with a number, string literal with a numeric or bit column",
			file: "s.hcl",
			src: `dialect = "sqlserver"
table "t" {
  column "id" { type = "int" }
  column "code" { type = "varchar(10)" }
  column "qty" { type = "decimal(10,2)" }
  column "flag" { type = "bit" }
  column "total" {
    computed { expr = "qty * 2" }
  }
  index "ix_total" {
    columns = ["id"]
    where   = "total > 0 AND [total] < 100"
  }
  index "ix_code" {
    columns = ["id"]
    where   = "code = 1"
  }
  index "ix_lit_left" {
    columns = ["id"]
    where   = "'5' < qty AND '1' = flag"
  }
}
`,
			want: []string{
				"s.hcl:12:5: table dbo.t index ix_total: the filter uses computed column total: SQL Server cannot filter an index on a computed column (filter on the columns the computed expression uses instead)",
				"s.hcl:16:5: table dbo.t index ix_code: the filter compares string column code with the number 1: SQL Server converts the column, the left side of the comparison, and refuses the filter (compare with a string literal: code = '1')",
				"s.hcl:20:5: table dbo.t index ix_lit_left: the filter compares the string '5' with numeric column qty: SQL Server converts the string, the left side of the comparison, and refuses the filter (put the column on the left: qty > '5', or compare with a number)",
				"s.hcl:20:5: table dbo.t index ix_lit_left: the filter compares the string '1' with bit column flag: SQL Server converts the string, the left side of the comparison, and refuses the filter (put the column on the left: flag = '1', or compare with a number)",
			},
		},
		{
			name: "filters SQL Server accepts: matching literals, a converted right side, IS NULL, IN",
			file: "s.hcl",
			src: `dialect = "sqlserver"
table "t" {
  column "id" { type = "int" }
  column "code" {
    type = "varchar(10)"
    null = true
  }
  column "qty" { type = "decimal(10,2)" }
  column "flag" { type = "bit" }
  index "ix_a" {
    columns = ["id"]
    where   = "code = 'x' AND qty > 0 AND flag = 1 AND qty >= '2' AND 3 < code"
  }
  index "ix_b" {
    columns = ["id"]
    where   = "code IS NOT NULL AND code IN ('a', 'b')"
  }
}
`,
			want: []string{"<nil>"},
		},
		{
			name: "postgres: no SQL Server key rules",
			file: "s.hcl",
			src: `dialect = "postgres"
table "t" {
  column "id" { type = "text" }
  column "code" { type = "varchar(10)" }
  primary_key { columns = ["id"] }
  index "ix" {
    columns = ["id"]
    where   = "code = 1"
  }
}
`,
			want: []string{"<nil>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertDiagnostics(t, tt.file, tt.src, tt.want) })
	}
}
