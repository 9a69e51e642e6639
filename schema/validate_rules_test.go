package schema_test

import "testing"

// TestSQLServerFilterGrammar: a filtered index's WHERE must follow SQL
// Server's filtered-index grammar (Msg 10735): each fault named once, at the
// where attribute, with the fix.
func TestSQLServerFilterGrammar(t *testing.T) {
	head := `dialect = "sqlserver"
table "t" {
  column "id" { type = "int" }
  column "a" { type = "int" }
  column "b" { type = "int" }
  column "s" { type = "nvarchar(10)" }
  column "d" { type = "datetime2" }
  index "ix" {
    columns = ["id"]
    where   = `
	tests := []struct {
		where string
		want  string // "" when SQL Server accepts the filter
	}{
		{`"a = 1 AND b IS NULL AND s IN ('x', 'y') AND d > '2020-01-01' AND s <> N'z'"`, ""},
		{`"d > CAST('2020-01-01' AS datetime2) AND a = CONVERT(int, '5') AND d < CONVERT(datetime2, '2030-01-01', 121)"`, ""},
		{`"a = 1 OR b = 2"`, "the filter uses OR, which SQL Server's filtered-index grammar does not allow (Msg 10735) (write column IN (…) for several values of one column, or create one index per branch)"},
		{`"a = 1 AND (a = 2 OR a = 3)"`, "the filter uses OR, which SQL Server's filtered-index grammar does not allow (Msg 10735) (write column IN (…) for several values of one column, or create one index per branch)"},
		{`"a = b"`, "the filter compares column a with column b, which SQL Server's filtered-index grammar does not allow (Msg 10735) (compare each column with a constant; a comparison of two columns belongs in a check constraint or a computed column)"},
		{`"d > GETDATE()"`, "the filter calls getdate(), which SQL Server's filtered-index grammar does not allow (Msg 10735) (compare the column with a constant; for a computed condition, index a computed column instead)"},
		{`"LEN(s) > 2"`, "the filter calls len(), which SQL Server's filtered-index grammar does not allow (Msg 10735) (compare the column with a constant; for a computed condition, index a computed column instead)"},
		{`"s LIKE 'a%'"`, "the filter uses LIKE, which SQL Server's filtered-index grammar does not allow (Msg 10735) (compare with =, <> or IN (…))"},
		{`"s NOT IN ('a', 'b')"`, "the filter uses NOT IN, which SQL Server's filtered-index grammar does not allow (Msg 10735) (write column <> a AND column <> b)"},
		{`"NOT (a = 1)"`, "the filter uses NOT, which SQL Server's filtered-index grammar does not allow (Msg 10735) (write the comparison the other way round (<> for =, IS NOT NULL for IS NULL))"},
		{`"a + 1 > 2"`, "the filter holds a + 1 > 2, which SQL Server's filtered-index grammar does not allow (Msg 10735) (compare columns with constants (=, <>, <, >, IN (…), IS [NOT] NULL), joined by AND)"},
		{`"CAST(s AS int) > 0"`, "the filter holds convert(int, s) > 0, which SQL Server's filtered-index grammar does not allow (Msg 10735) (compare columns with constants (=, <>, <, >, IN (…), IS [NOT] NULL), joined by AND)"},
		{`"a IN (1, b)"`, "the filter holds a in (1, b), which SQL Server's filtered-index grammar does not allow (Msg 10735) (compare columns with constants (=, <>, <, >, IN (…), IS [NOT] NULL), joined by AND)"},
		{`"EXISTS (SELECT 1 FROM t2)"`, `the filter "EXISTS (SELECT 1 FROM t2)" is not one SQL Server's filtered-index grammar accepts (Msg 10735) (compare columns with constants (=, <>, <, >, IN (…), IS [NOT] NULL), joined by AND)`},
	}
	for _, tt := range tests {
		t.Run(tt.where, func(t *testing.T) {
			want := []string{"<nil>"}
			if tt.want != "" {
				want = []string{"s.hcl:10:5: table dbo.t index ix: " + tt.want}
			}
			assertDiagnostics(t, "s.hcl", head+tt.where+"\n  }\n}\n", want)
		})
	}
}

// TestReferentialActionColumns: SET NULL on a NOT NULL column, SET DEFAULT
// on a NOT NULL column without a default, in both dialects, at the action's
// attribute; nullable columns and columns with a default are fine.
func TestReferentialActionColumns(t *testing.T) {
	src := func(dialect, onDelete, onUpdate, column string) string {
		return `dialect = "` + dialect + `"
table "p" {
  column "id" { type = "int" }
  primary_key { columns = ["id"] }
}
table "c" {
  column "id" { type = "int" }
  ` + column + `
  foreign_key "fk_c_p" {
    columns     = ["p_id"]
    ref_table   = "p"
    ref_columns = ["id"]
    on_delete   = "` + onDelete + `"
    on_update   = "` + onUpdate + `"
  }
}
`
	}
	const (
		notNull  = `column "p_id" { type = "int" }`
		nullable = "column \"p_id\" {\n    type = \"int\"\n    null = true\n  }"
		withDef  = "column \"p_id\" {\n    type    = \"int\"\n    default = 1\n  }"
	)
	tests := []struct {
		name, dialect, onDelete, onUpdate, column string
		want                                      []string
	}{
		{"sql server SET NULL, NOT NULL", "sqlserver", "SET NULL", "NO ACTION", notNull, []string{
			"s.hcl:13:5: table dbo.c foreign key fk_c_p: ON DELETE SET NULL needs a value for column p_id, which is NOT NULL: SQL Server refuses the foreign key (Msg 1761) (make p_id null = true, or use another action)"}},
		{"sql server SET DEFAULT, NOT NULL, no default", "sqlserver", "NO ACTION", "SET DEFAULT", notNull, []string{
			"s.hcl:14:5: table dbo.c foreign key fk_c_p: ON UPDATE SET DEFAULT needs a value for column p_id, which is NOT NULL and has no default: SQL Server would fail every update of a referenced row, setting it to NULL (Msg 515) (give p_id a default, make it null = true, or use another action)"}},
		{"postgres SET NULL, NOT NULL", "postgres", "SET NULL", "NO ACTION", notNull, []string{
			"s.hcl:13:5: table public.c foreign key fk_c_p: ON DELETE SET NULL needs a value for column p_id, which is NOT NULL: PostgreSQL would fail every delete of a referenced row with a not-null violation (make p_id null = true, or use another action)"}},
		{"postgres SET DEFAULT, NOT NULL, no default", "postgres", "SET DEFAULT", "NO ACTION", notNull, []string{
			"s.hcl:13:5: table public.c foreign key fk_c_p: ON DELETE SET DEFAULT needs a value for column p_id, which is NOT NULL and has no default: PostgreSQL would fail every delete of a referenced row with a not-null violation (give p_id a default, make it null = true, or use another action)"}},
		{"SET NULL on a nullable column", "sqlserver", "SET NULL", "SET NULL", nullable, []string{"<nil>"}},
		{"SET DEFAULT on a column with a default", "sqlserver", "SET DEFAULT", "NO ACTION", withDef, []string{"<nil>"}},
		{"SET DEFAULT on a nullable column", "postgres", "SET DEFAULT", "SET DEFAULT", nullable, []string{"<nil>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertDiagnostics(t, "s.hcl", src(tt.dialect, tt.onDelete, tt.onUpdate, tt.column), tt.want)
		})
	}
}

// TestSQLServerCascadePaths: a cascading foreign key that closes a cycle or
// opens a second cascade path between two tables is SQL Server's Msg 1785,
// reported at the later foreign key's action; one path, NO ACTION on the
// second path, and PostgreSQL are fine.
func TestSQLServerCascadePaths(t *testing.T) {
	fk := func(name, col, ref, onDelete string) string {
		return `  column "` + col + `" {
    type = "int"
    null = true
  }
  foreign_key "` + name + `" {
    columns     = ["` + col + `"]
    ref_table   = "` + ref + `"
    ref_columns = ["id"]
    on_delete   = "` + onDelete + `"
  }
`
	}
	table := func(name string, fks ...string) string {
		s := "table \"" + name + "\" {\n  column \"id\" { type = \"int\" }\n  primary_key { columns = [\"id\"] }\n"
		for _, f := range fks {
			s += f
		}
		return s + "}\n"
	}
	tests := []struct {
		name, dialect string
		tables        []string
		want          []string
	}{
		{"two paths from tenants to orders", "sqlserver", []string{
			table("tenants"),
			table("users", fk("fk_users_tenant", "tenant_id", "tenants", "CASCADE")),
			table("orders", fk("fk_orders_user", "user_id", "users", "CASCADE"), fk("fk_orders_tenant", "tenant_id", "tenants", "CASCADE")),
		}, []string{
			"s.hcl:41:5: table dbo.orders foreign key fk_orders_tenant: ON DELETE CASCADE may cause cycles or multiple cascade paths: dbo.tenants already cascades to dbo.orders (dbo.tenants → dbo.users by fk_users_tenant, dbo.users → dbo.orders by fk_orders_user) (SQL Server Msg 1785) (use ON DELETE NO ACTION here or on the other path, and change the rows in the application or a trigger)",
		}},
		{"SET NULL counts as a cascading action", "sqlserver", []string{
			table("tenants"),
			table("users", fk("fk_users_tenant", "tenant_id", "tenants", "SET NULL")),
			table("orders", fk("fk_orders_user", "user_id", "users", "CASCADE"), fk("fk_orders_tenant", "tenant_id", "tenants", "SET NULL")),
		}, []string{
			"s.hcl:41:5: table dbo.orders foreign key fk_orders_tenant: ON DELETE SET NULL may cause cycles or multiple cascade paths: dbo.tenants already cascades to dbo.orders (dbo.tenants → dbo.users by fk_users_tenant, dbo.users → dbo.orders by fk_orders_user) (SQL Server Msg 1785) (use ON DELETE NO ACTION here or on the other path, and change the rows in the application or a trigger)",
		}},
		{"two keys from one table to another", "sqlserver", []string{
			table("users"),
			table("messages", fk("fk_from", "from_id", "users", "CASCADE"), fk("fk_to", "to_id", "users", "CASCADE")),
		}, []string{
			"s.hcl:27:5: table dbo.messages foreign key fk_to: ON DELETE CASCADE may cause cycles or multiple cascade paths: dbo.users already cascades to dbo.messages (dbo.users → dbo.messages by fk_from) (SQL Server Msg 1785) (use ON DELETE NO ACTION here or on the other path, and change the rows in the application or a trigger)",
		}},
		{"self reference", "sqlserver", []string{
			table("nodes", fk("fk_parent", "parent_id", "nodes", "CASCADE")),
		}, []string{
			"s.hcl:13:5: table dbo.nodes foreign key fk_parent: ON DELETE CASCADE may cause cycles or multiple cascade paths: it cascades from table dbo.nodes to itself (SQL Server Msg 1785) (use ON DELETE NO ACTION here or on the other path, and change the rows in the application or a trigger)",
		}},
		{"cycle of two tables", "sqlserver", []string{
			table("a", fk("fk_a_b", "b_id", "b", "CASCADE")),
			table("b", fk("fk_b_a", "a_id", "a", "CASCADE")),
		}, []string{
			"s.hcl:27:5: table dbo.b foreign key fk_b_a: ON DELETE CASCADE may cause cycles or multiple cascade paths: dbo.b already cascades to dbo.a (dbo.b → dbo.a by fk_a_b), so this closes a cycle (SQL Server Msg 1785) (use ON DELETE NO ACTION here or on the other path, and change the rows in the application or a trigger)",
		}},
		{"NO ACTION on the second path", "sqlserver", []string{
			table("tenants"),
			table("users", fk("fk_users_tenant", "tenant_id", "tenants", "CASCADE")),
			table("orders", fk("fk_orders_user", "user_id", "users", "CASCADE"), fk("fk_orders_tenant", "tenant_id", "tenants", "NO ACTION")),
		}, []string{"<nil>"}},
		{"a chain and a tree", "sqlserver", []string{
			table("a"),
			table("b", fk("fk_b_a", "a_id", "a", "CASCADE")),
			table("c", fk("fk_c_b", "b_id", "b", "CASCADE")),
			table("d", fk("fk_d_a", "a_id", "a", "CASCADE")),
		}, []string{"<nil>"}},
		{"postgres allows several paths", "postgres", []string{
			table("tenants"),
			table("users", fk("fk_users_tenant", "tenant_id", "tenants", "CASCADE")),
			table("orders", fk("fk_orders_user", "user_id", "users", "CASCADE"), fk("fk_orders_tenant", "tenant_id", "tenants", "CASCADE")),
		}, []string{"<nil>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `dialect = "` + tt.dialect + "\"\n"
			for _, tb := range tt.tables {
				src += tb
			}
			assertDiagnostics(t, "s.hcl", src, tt.want)
		})
	}
}

// TestSQLServerPersistedNondeterministic: a PERSISTED computed column calling
// a nondeterministic function is SQL Server's Msg 4936, at persisted; the
// same column not persisted, or persisted and deterministic, is fine.
func TestSQLServerPersistedNondeterministic(t *testing.T) {
	src := func(expr, persisted string) string {
		return `dialect = "sqlserver"
table "t" {
  column "id" { type = "int" }
  column "d" { type = "datetime2" }
  column "x" {
    computed {
      expr      = "` + expr + `"
      persisted = ` + persisted + `
    }
  }
}
`
	}
	msg := func(call string) []string {
		return []string{"s.hcl:8:7: table dbo.t column x: a persisted computed column must be deterministic, but the expression calls " + call +
			": SQL Server refuses to persist it (Msg 4936) (remove persisted = true (the value is then computed when read), or store the value in a plain column with a default)"}
	}
	tests := []struct {
		expr, persisted string
		want            []string
	}{
		{"DATEDIFF(day, d, GETDATE())", "true", msg("GETDATE()")},
		{"SYSUTCDATETIME()", "true", msg("SYSUTCDATETIME()")},
		{"CURRENT_TIMESTAMP", "true", msg("CURRENT_TIMESTAMP")},
		{"CAST(NEWID() AS nvarchar(36))", "true", msg("NEWID()")},
		{"id * RAND()", "true", msg("RAND()")},
		{"SYSDATETIME()", "false", []string{"<nil>"}},
		{"DATEADD(day, 1, d)", "true", []string{"<nil>"}},
	}
	for _, tt := range tests {
		t.Run(tt.expr+" persisted "+tt.persisted, func(t *testing.T) {
			assertDiagnostics(t, "s.hcl", src(tt.expr, tt.persisted), tt.want)
		})
	}
}
