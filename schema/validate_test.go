package schema_test

import (
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// Each case loads one file (s.hcl or s.yaml) and expects exactly these
// diagnostics, one per line, as file:line:col: object: message (hint).
func TestLoadDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		file string
		src  string
		want []string
	}{
		{
			name: "hcl syntax error",
			file: "s.hcl",
			src:  "dialect = \"postgres\"\ntable \"t\" {\n  column \"id\" {\n    type = \n  }\n}\n",
			want: []string{"s.hcl:4:12: Invalid expression (Expected the start of an expression, but found an invalid expression token)"},
		},
		{
			name: "yaml syntax error",
			file: "s.yaml",
			src:  "dialect: postgres\ntables:\n  - name: t\n    columns: [\n",
			want: []string{
				"s.yaml:4:14: sequence end token ']' not found (fix the YAML syntax)",
			},
		},
		{
			name: "unknown attribute and block, with suggestions",
			file: "s.hcl",
			src: `dialect = "postgres"
table "t" {
  colum "x" {}
  column "id" {
    type = "int"
    nul  = true
    frobnicate = 1
  }
}
`,
			want: []string{
				`s.hcl:3:3: table t: unknown attribute or block "colum" (did you mean column?)`,
				`s.hcl:6:5: table t column id: unknown attribute or block "nul" (did you mean null?)`,
				`s.hcl:7:5: table t column id: unknown attribute or block "frobnicate" (expected one of collation, comment, compression, computed, default, default_name, identity, null, renamed_from, storage, type, unique, using, using_down)`,
			},
		},
		{
			name: "block written as attribute and the reverse",
			file: "s.hcl",
			src: `dialect = "postgres"
table "t" {
  column "id" {
    type     = "int"
    identity = {}
    null {}
  }
}
`,
			want: []string{
				"s.hcl:5:5: table t column id: identity is a block, not an attribute (write identity { ... })",
				"s.hcl:6:5: table t column id: null is an attribute, not a block (write null = ...)",
			},
		},
		{
			name: "wrong value types",
			file: "s.hcl",
			src: `dialect = "postgres"
table "t" {
  column "id" {
    type = 5
    null = "yes"
  }
  primary_key {
    columns = "id"
  }
  index "i" {
    columns = ["id", 2]
  }
  column "n" {
    type    = "int"
    default = ["x"]
    identity {
      seed = 1.5
    }
  }
}
`,
			want: []string{
				`s.hcl:4:12: table t column id: type must be a string, not number (write a quoted string, "...")`,
				"s.hcl:5:12: table t column id: null must be a bool, not string (write true or false)",
				`s.hcl:8:15: table t primary key: columns must be a list of strings, not string (write ["a", "b"])`,
				`s.hcl:11:22: table t index i: columns must be a list of strings (write ["a", "b"])`,
				`s.hcl:15:15: table t column n: default must be a string, number or bool, not tuple (write a literal ("text", 0, false) or sql("..."))`,
				"s.hcl:17:14: table t column n identity: seed must be a whole number, not 1.5 (write a number such as 1)",
			},
		},
		{
			name: "missing required attributes",
			file: "s.hcl",
			src: `dialect = "postgres"
enum "e" {}
table "t" {
  column "id" {}
  primary_key {}
  unique "u" {}
  index "i" {}
  foreign_key "f" {}
  check "c" {}
  column "g" {
    type = "int"
    computed {}
  }
}
`,
			want: []string{
				`s.hcl:2:1: enum e: missing required attribute values (add values = ["a", "b"])`,
				`s.hcl:5:3: table t primary key: missing required attribute columns (add columns = ["..."])`,
				`s.hcl:6:3: table t unique u: missing required attribute columns (add columns = ["..."])`,
				`s.hcl:7:3: table t index i: missing required attribute columns (add columns = ["..."] or on { column = "..." } blocks)`,
				`s.hcl:8:3: table t foreign key f: missing required attribute columns (add columns = ["..."])`,
				`s.hcl:8:3: table t foreign key f: missing required attribute ref_table (add ref_table = "table" or "schema.table")`,
				`s.hcl:8:3: table t foreign key f: missing required attribute ref_columns (add ref_columns = ["..."])`,
				`s.hcl:9:3: table t check c: missing required attribute expr (add expr = "...")`,
				`s.hcl:12:5: table t column g computed: missing required attribute expr (add expr = "...")`,
			},
		},
		{
			name: "labels",
			file: "s.hcl",
			src: `dialect = "postgres"
table {
}
table "t" {
  column "id" { type = "int" }
  primary_key "pk" {
    columns = ["id"]
  }
  index "a" "b" {
    columns = ["id"]
  }
}
`,
			want: []string{
				`s.hcl:2:1: table: table needs a name (write table "name" { ... })`,
				`s.hcl:6:15: table t primary key: primary_key takes no label (write name = "..." inside the block)`,
				"s.hcl:9:13: table t index: index takes one label (its name), not 2 (remove the extra labels)",
			},
		},
		{
			name: "functions and templates",
			file: "s.hcl",
			src: `dialect = "postgres"
table "t" {
  column "a" {
    type    = "int"
    default = now()
  }
  column "b" {
    type    = "int"
    default = sql(1)
  }
  column "c" {
    type    = "text"
    comment = "${var.x}"
  }
}
`,
			want: []string{
				`s.hcl:5:15: table t column a: unknown function now (write sql("...") for an SQL expression)`,
				`s.hcl:9:19: table t column b: sql() takes one string (write sql("now()"))`,
				"s.hcl:13:18: table t column c: Variables not allowed (Variables may not be used here)",
			},
		},
		{
			name: "yaml keys and types",
			file: "s.yaml",
			src: `dialect: postgres
tables:
  - name: t
    colums: []
    columns:
      - {name: id, type: int, nul: true}
      - {name: b, type: [int]}
      - {type: int}
      - {name: c, type: int, default: {sql: "now()", cast: x}}
    primary_key: {columns: id}
`,
			want: []string{
				`s.yaml:4:5: table t: unknown key "colums" (did you mean columns?)`,
				`s.yaml:6:31: table t column id: unknown key "nul" (did you mean null?)`,
				"s.yaml:7:25: table t column b: type must be a string, not a list",
				"s.yaml:8:10: table t column: missing required key name (add name: ...)",
				`s.yaml:9:54: table t column c default: unknown key "cast" (expected one of sql)`,
				"s.yaml:10:28: table t primary key: columns must be a list of strings, not a string",
			},
		},
		{
			name: "yaml duplicate key",
			file: "s.yaml",
			src:  "dialect: postgres\ntables:\n  - name: t\n    name: u\n",
			want: []string{
				`s.yaml:4:5: mapping key "name" already defined at [3:5] (fix the YAML syntax)`,
			},
		},
		{
			name: "duplicates",
			file: "s.hcl",
			src: `dialect = "postgres"
schema "audit" {}
schema "audit" {}
enum "e" {
  values = ["a", "b", "a"]
}
enum "e" {
  values = ["x"]
}
table "t" {
  column "id" { type = "int" }
  column "id" { type = "int" }
  primary_key {
    name    = "k"
    columns = ["id"]
  }
  unique "k" {
    columns = ["id"]
  }
  index "ix" {
    columns = ["id"]
  }
}
table "t" {
  column "id" { type = "int" }
}
table "u" {
  column "id" { type = "int" }
  index "ix" {
    columns = ["id"]
  }
}
`,
			want: []string{
				"s.hcl:3:1: schema audit: schema audit is declared twice (first declared at s.hcl:2:1; rename or remove one of them)",
				`s.hcl:5:23: enum public.e: duplicate value "a" (first declared at s.hcl:5:13; rename or remove one of them)`,
				"s.hcl:7:1: enum public.e: enum public.e is declared twice (first declared at s.hcl:4:1; rename or remove one of them)",
				"s.hcl:12:3: table public.t column id: duplicate column id (first declared at s.hcl:11:3; rename or remove one of them)",
				"s.hcl:17:3: table public.t unique k: duplicate constraint name k (first declared at s.hcl:13:3; rename or remove one of them)",
				"s.hcl:24:1: table public.t: table public.t is declared twice (first declared at s.hcl:10:1; rename or remove one of them)",
				"s.hcl:29:3: table public.u index ix: duplicate index name ix (first declared at s.hcl:20:3; rename or remove one of them)",
			},
		},
		{
			name: "index names are per table on sql server",
			file: "s.hcl",
			src: `dialect = "sqlserver"
table "t" {
  column "id" { type = "int" }
  index "ix" {
    columns = ["id"]
  }
}
table "u" {
  column "id" { type = "int" }
  index "ix" {
    columns = ["id"]
  }
  index "ix" {
    columns = ["id"]
  }
}
`,
			want: []string{
				"s.hcl:13:3: table dbo.u index ix: duplicate index name ix (first declared at s.hcl:10:3; rename or remove one of them)",
			},
		},
		{
			name: "unknown columns",
			file: "s.hcl",
			src: `dialect = "postgres"
table "t" {
  column "id" { type = "int" }
  column "email" { type = "text" }
  primary_key {
    columns = ["idd"]
  }
  unique {
    columns = ["id", "emial"]
  }
  index "i" {
    columns = ["zzz"]
  }
  index "j" {
    on { column = "emali" }
    include = ["nope"]
  }
  foreign_key {
    columns     = ["tenant"]
    ref_table   = "t"
    ref_columns = ["id"]
  }
}
`,
			want: []string{
				`s.hcl:6:16: table public.t primary key: unknown column "idd" in public.t (did you mean id?)`,
				`s.hcl:9:22: table public.t unique: unknown column "emial" in public.t (did you mean email?)`,
				`s.hcl:12:16: table public.t index i: unknown column "zzz" in public.t (declare the column in public.t, or fix the name)`,
				`s.hcl:15:10: table public.t index j: unknown column "emali" in public.t (did you mean email?)`,
				`s.hcl:16:16: table public.t index j: unknown column "nope" in public.t (declare the column in public.t, or fix the name)`,
				`s.hcl:19:20: table public.t foreign key: unknown column "tenant" in public.t (declare the column in public.t, or fix the name)`,
				"s.hcl:21:20: table public.t foreign key: referenced columns are not a primary key or unique key of public.t (add a primary key or unique constraint on (id) to public.t)",
			},
		},
		{
			name: "foreign keys",
			file: "s.hcl",
			src: `dialect = "postgres"
table "tenants" {
  column "id" { type = "int" }
  column "name" { type = "text" }
  primary_key {
    columns = ["id"]
  }
}
table "t" {
  column "id" { type = "int" }
  column "tenant_id" { type = "int" }
  foreign_key "a" {
    columns     = ["tenant_id"]
    ref_table   = "tenant"
    ref_columns = ["id"]
  }
  foreign_key "b" {
    columns     = ["tenant_id"]
    ref_table   = "public.tenants"
    ref_columns = ["idx"]
  }
  foreign_key "c" {
    columns     = ["tenant_id", "id"]
    ref_table   = "tenants"
    ref_columns = ["id"]
  }
  foreign_key "d" {
    columns     = ["tenant_id"]
    ref_table   = "tenants"
    ref_columns = ["name"]
    on_delete   = "CASCADES"
    on_update   = "set  null"
  }
}
`,
			want: []string{
				"s.hcl:14:5: table public.t foreign key a: references missing table public.tenant (did you mean public.tenants?)",
				`s.hcl:20:20: table public.t foreign key b: unknown column "idx" in public.tenants (did you mean id?)`,
				"s.hcl:25:20: table public.t foreign key c: foreign key has 2 columns but references 1 (list one referenced column for each column)",
				"s.hcl:30:20: table public.t foreign key d: referenced columns are not a primary key or unique key of public.tenants (add a primary key or unique constraint on (name) to public.tenants)",
				`s.hcl:31:5: table public.t foreign key d: invalid on_delete "CASCADES" (use one of NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT)`,
				"s.hcl:32:5: table public.t foreign key d: ON UPDATE SET NULL needs a value for column tenant_id, which is NOT NULL: PostgreSQL would fail every update of a referenced row with a not-null violation (make tenant_id null = true, or use another action)",
			},
		},
		{
			name: "types and enums",
			file: "s.hcl",
			src: `dialect = "postgres"
enum "user_role" {
  values = ["a"]
}
enum "status" {
  schema = "audit"
  values = ["a"]
}
table "t" {
  column "a" { type = "user_role" }
  column "b" { type = "public.user_role[]" }
  column "c" { type = "audit.status" }
  column "d" { type = "status" }
  column "e" { type = "integr" }
  column "f" { type = "user_rol" }
}
`,
			want: []string{
				`s.hcl:13:16: table public.t column d: unknown PostgreSQL type "status" (the enum lives in schema audit: write audit.status)`,
				`s.hcl:14:16: table public.t column e: unknown PostgreSQL type "integr" (did you mean "integer"?)`,
				`s.hcl:15:16: table public.t column f: unknown PostgreSQL type "user_rol" (did you mean user_role?)`,
			},
		},
		{
			name: "sql server options on postgres",
			file: "s.hcl",
			src: `dialect = "postgres"
table "t" {
  column "id" {
    type         = "int"
    default      = 0
    default_name = "df_t_id"
  }
  primary_key {
    columns   = ["id"]
    clustered = true
  }
  unique "u" {
    columns   = ["id"]
    clustered = false
  }
  index "i" {
    columns   = ["id"]
    clustered = false
  }
}
`,
			want: []string{
				"s.hcl:6:5: table public.t column id: default_name is a SQL Server option (remove it: PostgreSQL has no such option)",
				"s.hcl:10:5: table public.t primary key: clustered is a SQL Server option (remove it: PostgreSQL has no such option)",
				"s.hcl:14:5: table public.t unique u: clustered is a SQL Server option (remove it: PostgreSQL has no such option)",
				"s.hcl:18:5: table public.t index i: clustered is a SQL Server option (remove it: PostgreSQL has no such option)",
			},
		},
		{
			name: "postgres options on sql server",
			file: "s.yaml",
			src: `dialect: sqlserver
enums:
  - {name: e, values: [a]}
tables:
  - name: t
    columns:
      - {name: id, type: int, identity: {always: true}}
      - {name: p, type: int}
    primary_key: {columns: [id]}
    indexes:
      - {name: i, on: [{expr: "lower(p)"}, {column: p, nulls: first}], using: gin}
    foreign_keys:
      - {columns: [p], ref_table: t, ref_columns: [id], on_delete: restrict, deferrable: true, initially_deferred: true}
`,
			want: []string{
				"s.yaml:3:6: enum dbo.e: enums are a PostgreSQL feature (use a string column with a check constraint)",
				"s.yaml:7:42: table dbo.t column id: identity always is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.yaml:11:25: table dbo.t index i: expression index parts are a PostgreSQL feature (index a computed column instead)",
				"s.yaml:11:56: table dbo.t index i: nulls is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.yaml:11:72: table dbo.t index i: using is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.yaml:13:57: table dbo.t foreign key: RESTRICT is a PostgreSQL option (use NO ACTION, which SQL Server checks the same way)",
				"s.yaml:13:78: table dbo.t foreign key: deferrable is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.yaml:13:96: table dbo.t foreign key: initially_deferred is a PostgreSQL option (remove it: SQL Server has no such option)",
			},
		},
		{
			name: "contradictions",
			file: "s.hcl",
			src: `dialect = "postgres"
table "t" {
  column "a" {
    type = "int"
    identity {}
    computed {
      expr = "1"
    }
  }
  column "b" {
    type    = "int"
    default = 1
    identity {}
  }
  column "c" {
    type    = "int"
    default = 1
    computed {
      expr = "2"
    }
  }
}
`,
			want: []string{
				"s.hcl:5:5: table public.t column a: a column cannot be both identity and computed (keep one of identity and computed)",
				"s.hcl:13:5: table public.t column b: an identity column cannot have a default (remove the default: identity generates the values)",
				"s.hcl:18:5: table public.t column c: a computed column cannot have a default (remove the default: the expression computes the value)",
			},
		},
		{
			name: "missing type, except for sql server computed columns",
			file: "s.yaml",
			src: `dialect: sqlserver
tables:
  - name: t
    columns:
      - {name: a}
      - {name: b, computed: {expr: "a + 1"}}
`,
			want: []string{
				`s.yaml:5:10: table dbo.t column a: missing required attribute type (add type = "...")`,
			},
		},
		{
			name: "index parts",
			file: "s.hcl",
			src: `dialect = "postgres"
table "t" {
  column "a" { type = "int" }
  column "b" { type = "int" }
  index "i" {
    columns = ["a"]
    on { column = "b" }
  }
  index "j" {
    on {
      column = "a"
      expr   = "a + 1"
      nulls  = "middle"
    }
    on {}
  }
}
`,
			want: []string{
				"s.hcl:7:5: table t index i: an index takes columns or on, not both (use columns for plain columns, or on blocks only)",
				`s.hcl:10:5: table t index j key part: an index part takes exactly one of column and expr (write column = "..." or expr = "...")`,
				`s.hcl:13:7: table t index j key part: invalid nulls "middle" (use "first" or "last")`,
				`s.hcl:15:5: table t index j key part: an index part takes exactly one of column and expr (write column = "..." or expr = "...")`,
			},
		},
		{
			name: "sql server: one clustered index per table",
			file: "s.hcl",
			src: `dialect = "sqlserver"
table "t" {
  column "id" { type = "int" }
  column "a" { type = "int" }
  primary_key {
    columns   = ["id"]
    clustered = true
  }
  index "ix_a" {
    columns   = ["a"]
    clustered = true
  }
  index "ix_b" {
    columns   = ["a", "id"]
    clustered = true
  }
}
table "u" {
  column "id" { type = "int" }
  primary_key { columns = ["id"] }
  index "ix_id" {
    columns   = ["id"]
    clustered = true
  }
}
`,
			want: []string{
				"s.hcl:11:5: table dbo.t index ix_a: index ix_a is clustered, but primary key is clustered already: a table has one clustered index (make one of them clustered = false)",
				"s.hcl:15:5: table dbo.t index ix_b: index ix_b is clustered, but primary key is clustered already: a table has one clustered index (make one of them clustered = false)",
			},
		},
		{
			name: "sql server: clustered index without include or filter",
			file: "s.yaml",
			src: `dialect: sqlserver
tables:
  - name: t
    columns:
      - {name: id, type: int}
      - {name: a, type: int}
    indexes:
      - {name: ix_a, columns: [a], clustered: true, include: [id], where: "a > 0"}
      - {name: ix_b, columns: [a], include: [id], where: "a > 0"}
`,
			want: []string{
				"s.yaml:8:10: table dbo.t index ix_a: a clustered index cannot have INCLUDE columns (remove include: a clustered index holds every column already)",
				"s.yaml:8:68: table dbo.t index ix_a: a clustered index cannot have a filter (where) (remove where, or make the index clustered = false)",
			},
		},
		{
			name: "sql server: postgres index options",
			file: "s.hcl",
			src: `dialect = "sqlserver"
table "t" {
  column "a" { type = "int" }
  index "ix" {
    using = "gin"
    on {
      expr  = "a + 1"
      nulls = "first"
    }
  }
}
`,
			want: []string{
				"s.hcl:5:5: table dbo.t index ix: using is a PostgreSQL option (remove it: SQL Server has no such option)",
				"s.hcl:7:7: table dbo.t index ix: expression index parts are a PostgreSQL feature (index a computed column instead)",
				"s.hcl:8:7: table dbo.t index ix: nulls is a PostgreSQL option (remove it: SQL Server has no such option)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertDiagnostics(t, tt.file, tt.src, tt.want) })
	}
}

func TestValidateWithoutSource(t *testing.T) {
	db := &schema.Database{
		Dialect: schema.Postgres,
		Tables: []*schema.Table{{
			Schema:     "public",
			Name:       "t",
			Pos:        schema.Pos{File: "x.hcl", Line: 3, Column: 1},
			Columns:    []*schema.Column{{Name: "id", Type: "integer"}},
			PrimaryKey: &schema.PrimaryKey{Columns: []string{"idd"}, Pos: schema.Pos{File: "x.hcl", Line: 5, Column: 3}},
		}},
	}
	got := schema.Validate(db).Error()
	want := `x.hcl:5:3: table public.t primary key: unknown column "idd" in public.t (did you mean id?)`
	if got != want {
		t.Errorf("Validate:\n got %s\nwant %s", got, want)
	}
}

// assertDiagnostics loads src as the one file of a schema folder and expects
// exactly the diagnostics want (file:line:col relative to the folder), or
// "<nil>" for none.
func assertDiagnostics(t *testing.T, file, src string, want []string) {
	t.Helper()
	dir := writeFiles(t, map[string]string{file: src})
	_, err := schema.Load(schema.LoadOptions{}, dir)
	got := relDiags(dir, err)
	if w := strings.Join(want, "\n"); got != w {
		t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.ReplaceAll(got, "\n", "\n      "), strings.ReplaceAll(w, "\n", "\n      "))
	}
}
