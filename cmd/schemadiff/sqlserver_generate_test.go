package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenerateSQLServerUnnamedObjects: a new SQL Server table whose foreign
// key, unique, checks, default and index have no name gets them named by
// schemadiff's convention (fk_users_tenant_id…) in the up and the down
// migration, and a second generate finds nothing left to do.
func TestGenerateSQLServerUnnamedObjects(t *testing.T) {
	// The schema of the SQL Server golden case of unnamed objects on a new table.
	schemaFile, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sqlserver", "changes", "021_unnamed_objects_new_table", "to.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if r := runCLI(t, "init", "--dialect", "sqlserver"); r.code != 0 {
		t.Fatalf("init: exit %d: %s", r.code, r.stderr)
	}
	if err := os.WriteFile("schema/schema.hcl", schemaFile, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "generate", "-m", "create users", "--now", "2024-05-01T12:00:00Z")
	if r.code != 0 {
		t.Fatalf("generate: exit %d: %s", r.code, r.stderr)
	}
	tests := []struct {
		file string
		want []string
	}{
		{"migrations/20240501120000_create_users.up.sql", []string{
			"CONSTRAINT [df_users_status] DEFAULT (N'active')",
			"CONSTRAINT [uq_users_tenant_id_email] UNIQUE NONCLUSTERED ([tenant_id], [email])",
			"CONSTRAINT [ck_users_status] CHECK (status <> '')",
			"CONSTRAINT [ck_users_status1] CHECK (status IN ('active', 'invited'))",
			"CREATE NONCLUSTERED INDEX [ix_users_email] ON [dbo].[users] ([email]);",
			"ALTER TABLE [dbo].[users] ADD CONSTRAINT [fk_users_tenant_id] FOREIGN KEY ([tenant_id]) REFERENCES [dbo].[tenants] ([id]) ON DELETE CASCADE;",
		}},
		{"migrations/20240501120000_create_users.down.sql", []string{
			"ALTER TABLE [dbo].[users] DROP CONSTRAINT [fk_users_tenant_id];",
			"DROP TABLE [dbo].[users];",
		}},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range tt.want {
			if !strings.Contains(string(data), s) {
				t.Errorf("%s lacks %q:\n%s", tt.file, s, data)
			}
		}
	}
	r = runCLI(t, "generate", "-m", "again")
	if r.code != 0 || !strings.Contains(r.stderr, "No changes") {
		t.Errorf("second generate: exit %d, stdout %q, stderr %q; want 0 and 'No changes'", r.code, r.stdout, r.stderr)
	}
}

// TestSQLServerRulesExit2: each SQL Server rule caught before any SQL is
// written makes validate and diff exit 2 with one line naming
// file:line:col, and writes no SQL.
func TestSQLServerRulesExit2(t *testing.T) {
	t.Chdir(t.TempDir())
	const head = "dialect = \"sqlserver\"\ntable \"p\" {\n  column \"id\" { type = \"int\" }\n  primary_key { columns = [\"id\"] }\n}\n"
	tests := []struct {
		name, table, want string
	}{
		{"set null on a not null column", `table "c" {
  column "id" { type = "int" }
  column "p_id" { type = "int" }
  foreign_key "fk_c_p" {
    columns     = ["p_id"]
    ref_table   = "p"
    ref_columns = ["id"]
    on_delete   = "SET NULL"
  }
}
`, "s.hcl:13:5: table dbo.c foreign key fk_c_p: ON DELETE SET NULL needs a value for column p_id, which is NOT NULL: SQL Server refuses the foreign key (Msg 1761)"},
		{"cascade cycle", `table "c" {
  column "id" { type = "int" }
  primary_key { columns = ["id"] }
  column "c_id" {
    type = "int"
    null = true
  }
  foreign_key "fk_c_c" {
    columns     = ["c_id"]
    ref_table   = "c"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
}
`, "s.hcl:17:5: table dbo.c foreign key fk_c_c: ON DELETE CASCADE may cause cycles or multiple cascade paths"},
		{"filter calling a function", `table "c" {
  column "id" { type = "int" }
  column "d" { type = "datetime2" }
  index "ix_c_d" {
    columns = ["d"]
    where   = "d > GETDATE()"
  }
}
`, "s.hcl:11:5: table dbo.c index ix_c_d: the filter calls getdate()"},
		{"persisted nondeterministic", `table "c" {
  column "id" { type = "int" }
  column "at" {
    computed {
      expr      = "SYSDATETIME()"
      persisted = true
    }
  }
}
`, "s.hcl:11:7: table dbo.c column at: a persisted computed column must be deterministic"},
	}
	if err := os.WriteFile("empty.hcl", []byte("dialect = \"sqlserver\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile("s.hcl", []byte(head+tt.table), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"validate", "s.hcl"}, {"diff", "--from", "empty.hcl", "--to", "s.hcl"}} {
				r := runCLI(t, args...)
				if r.code != 2 || !strings.Contains(r.stderr, tt.want) || r.stdout != "" || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
					t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and one line holding %q", args[0], r.code, r.stdout, r.stderr, tt.want)
				}
			}
		})
	}
}
