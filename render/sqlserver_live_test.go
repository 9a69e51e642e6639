package render

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/schemadiff/schemadiff/internal/mssqltest"
)

// TestSQLServerRunsGoldenPlans runs the scripts of the live golden cases, in
// order and batch by batch as sqlcmd would, on a scratch database of a real
// SQL Server, and checks what they did, including that hostile names and
// strings injected nothing. It runs only when SCHEMADIFF_TEST_MSSQL_URL is set.
func TestSQLServerRunsGoldenPlans(t *testing.T) {
	_, db := mssqltest.Scratch(t, "schemadiff_render_")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := db.ExecContext(ctx, "CREATE TABLE [dbo].[y] ([id] int)"); err != nil {
		t.Fatal(err)
	}
	checks := map[string][]struct{ query, want string }{
		"01_create": {
			{`INSERT INTO [x'; DROP TABLE y;--].[a]]b] ([id]) OUTPUT inserted.[x'; DROP TABLE y;--] VALUES (1)`, `it's'); DROP TABLE y;--`},
			{`SELECT i.name FROM sys.indexes i WHERE i.object_id = OBJECT_ID('dbo.users') AND i.type_desc = 'CLUSTERED'`, "ix_users_index_id"},
			{`SELECT filter_definition FROM sys.indexes WHERE name = 'ix_users_tenant_email'`, "([is_deleted]=(0))"},
			{`SELECT CAST(value AS nvarchar(4000)) FROM fn_listextendedproperty(N'MS_Description', N'SCHEMA', N'dbo', N'TABLE', N'users', N'COLUMN', N'email')`,
				"Login, unique per tenant ('case-insensitive')"},
			{`SELECT CAST(IDENT_SEED('sales.orders') AS nvarchar(20)) + ',' + CAST(IDENT_INCR('sales.orders') AS nvarchar(20))`, "100,5"},
		},
		"02_alter": {
			{`SELECT definition FROM sys.default_constraints WHERE name = 'df_users_status'`, "(N'invited')"},
			{`SELECT CAST(max_length AS nvarchar(10)) FROM sys.columns WHERE object_id = OBJECT_ID('dbo.users') AND name = 'nickname'`, "-1"},
			{`SELECT OBJECT_SCHEMA_NAME(OBJECT_ID('sales.[odd]]name]'))`, "sales"},
			{`SELECT collation_name FROM sys.columns WHERE object_id = OBJECT_ID('dbo.orders') AND name = 'remark'`, "Latin1_General_CS_AS"},
		},
		"07_modules_create": {
			{`SELECT CAST(uses_quoted_identifier AS nvarchar(1)) FROM sys.sql_modules WHERE object_id = OBJECT_ID('dbo.close_order')`, "0"},
			{`SELECT CAST(is_disabled AS nvarchar(1)) FROM sys.triggers WHERE name = 'trg_mod_orders_touch'`, "1"},
			{`SELECT CAST(is_schema_bound AS nvarchar(1)) FROM sys.sql_modules WHERE object_id = OBJECT_ID('dbo.open_orders')`, "1"},
			{`SELECT CONVERT(nvarchar(40), start_value) + ',' + CAST(is_cached AS nvarchar(1)) FROM sys.sequences WHERE name = 'order_numbers'`, "1000,0"},
		},
		"08_modules_change": {
			{`SELECT RTRIM(type) FROM sys.objects WHERE object_id = OBJECT_ID('dbo.order_total')`, "P"},
			{`SELECT CAST(is_disabled AS nvarchar(1)) FROM sys.triggers WHERE name = 'trg_mod_orders_touch'`, "0"},
			{`SELECT CONVERT(nvarchar(40), increment) + ',' + CAST(cache_size AS nvarchar(10)) FROM sys.sequences WHERE name = 'order_numbers'`, "5,50"},
		},
		"09_modules_drop": {
			{`SELECT CAST(COUNT(*) AS nvarchar(10)) FROM sys.objects WHERE name IN ('mod_orders', 'open_orders', 'odd]view', 'order_total', 'close_order', 'order_numbers', 'ticket_ids')`, "0"},
		},
		"03_drops": {
			{`SELECT CAST(COUNT(*) AS nvarchar(10)) FROM sys.schemas WHERE name IN ('sales', 'x''; DROP TABLE y;--')`, "0"},
			{`SELECT OBJECT_NAME(OBJECT_ID('dbo.y'))`, "y"},
		},
	}
	for _, tc := range msGoldenCases() {
		if !tc.live {
			continue
		}
		stmts, err := SQL(tc.plan)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, batch := range msGoLine.Split(Script(stmts), -1) {
			if strings.TrimSpace(batch) == "" {
				continue
			}
			if _, err := db.ExecContext(ctx, batch); err != nil {
				t.Fatalf("%s: SQL Server refused\n%s\n%v", tc.name, batch, err)
			}
		}
		for _, c := range checks[tc.name] {
			var got sql.NullString
			if err := db.QueryRowContext(ctx, c.query).Scan(&got); err != nil {
				t.Fatalf("after %s: %s: %v", tc.name, c.query, err)
			}
			if got.String != c.want {
				t.Errorf("after %s: %s\n= %q, want %q", tc.name, c.query, got.String, c.want)
			}
		}
	}
}
