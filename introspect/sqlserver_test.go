package introspect

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/tdstest"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// The recordings in testdata/sqlserver hold, for each <name>.sql there, the
// rows SQL Server's catalog returns to the queries of sqlserver_queries.go,
// with the SQL Server types of their columns. Every test here serves them
// from a TDS server (internal/tdstest) and reads them through go-mssqldb,
// exactly as the CLI reads a live server. The expectations below are
// written in the form the inspector builds before schema.Normalize (catalog
// text such as ((0)) and ([is_deleted]=(0)) kept as stored), then
// normalized like the inspector's result: so they test the reading of the
// catalog, whatever Normalize's progress.

// recordingPath is the path of testdata/sqlserver/<name>.json.
func recordingPath(name string) string { return filepath.Join("testdata", "sqlserver", name+".json") }

// inspectServer inspects database app of a TDS test server through Open.
func inspectServer(t *testing.T, s *tdstest.Server, opts Options) (*schema.Database, error) {
	t.Helper()
	ctx := context.Background()
	in, err := Open(ctx, s.URL("app"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if in.Dialect() != schema.SQLServer {
		t.Errorf("Dialect() = %q", in.Dialect())
	}
	return in.Inspect(ctx, opts)
}

// inspectRecording inspects testdata/sqlserver/<name>.json served by a TDS test server.
func inspectRecording(t *testing.T, name string, opts Options) (*schema.Database, error) {
	t.Helper()
	return inspectServer(t, tdstest.StartFile(t, recordingPath(name)), opts)
}

func msBool(b bool) *bool { return &b }

// column helpers: a NOT NULL column of a type; options modify it.
func msCol(name, typ string, opts ...func(*schema.Column)) *schema.Column {
	c := &schema.Column{Name: name, Type: typ}
	for _, o := range opts {
		o(c)
	}
	return c
}

func msNull(c *schema.Column) { c.Null = true }

// sysDefault is a DEFAULT constraint SQL Server named.
func msSysDefault(name, def string) func(*schema.Column) {
	return func(c *schema.Column) {
		c.Default = &schema.Default{Kind: schema.DefaultExpr, Value: def}
		c.DefaultSystemName = name
	}
}

// namedDefault is a DEFAULT constraint named by hand.
func msNamedDefault(name, def string) func(*schema.Column) {
	return func(c *schema.Column) {
		c.Default = &schema.Default{Kind: schema.DefaultExpr, Value: def}
		c.DefaultName = name
	}
}

func msIdentity(seed, inc int64) func(*schema.Column) {
	return func(c *schema.Column) { c.Identity = &schema.Identity{Seed: seed, Increment: inc} }
}

func msParts(names ...string) []schema.IndexPart {
	parts := make([]schema.IndexPart, len(names))
	for i, n := range names {
		parts[i] = schema.IndexPart{Column: n}
	}
	return parts
}

func usersWant() *schema.Database {
	const notDeleted = "([is_deleted]=(0))"
	return &schema.Database{
		Dialect: schema.SQLServer,
		Schemas: []*schema.Schema{{Name: "dbo"}},
		Tables: []*schema.Table{
			{
				Schema: "dbo", Name: "tenants",
				Columns: []*schema.Column{
					msCol("id", "uniqueidentifier", msSysDefault("DF__tenants__id__25869651", "(newid())")),
					msCol("index_id", "bigint", msIdentity(1, 1)),
					msCol("name", "nvarchar(255)"),
					msCol("created_at", "datetime2", msSysDefault("DF__tenants__creat__25869661", "(getdate())")),
					msCol("is_deleted", "bit", msSysDefault("DF__tenants__is_de__25869671", "((0))")),
				},
				PrimaryKey: &schema.PrimaryKey{SystemName: "PK__tenants__3213E83F5B6A8D2C", Columns: []string{"id"}, Clustered: msBool(false)},
				Indexes: []*schema.Index{
					{Name: "ix_tenants_index_id", Unique: true, Parts: msParts("index_id"), Clustered: msBool(true)},
				},
			},
			{
				Schema: "dbo", Name: "users",
				Columns: []*schema.Column{
					msCol("id", "uniqueidentifier", msSysDefault("DF__users__id__25869681", "(newid())")),
					msCol("index_id", "bigint", msIdentity(1, 1)),
					msCol("tenant_id", "uniqueidentifier"),
					msCol("created_at", "datetime2", msSysDefault("DF__users__creat__25869691", "(getdate())")),
					msCol("updated_at", "datetime2", msSysDefault("DF__users__updat__258696A1", "(getdate())")),
					msCol("is_deleted", "bit", msSysDefault("DF__users__is_de__258696B1", "((0))")),
					msCol("identity_provider", "nvarchar(50)"),
					msCol("identity_provider_id", "nvarchar(255)"),
					msCol("email", "nvarchar(255)"),
					msCol("display_name", "nvarchar(255)"),
					msCol("last_login_at", "datetime2", msNull),
					msCol("login_count", "int", msSysDefault("DF__users__login__258696C1", "((0))")),
					msCol("total_usage_minutes", "int", msSysDefault("DF__users__total__258696D1", "((0))")),
					msCol("last_session_start", "datetime2", msNull),
					msCol("last_active_at", "datetime2", msNull),
					msCol("status", "nvarchar(20)", msSysDefault("DF__users__statu__258696E1", "(N'active')")),
					msCol("user_metadata", "nvarchar(4000)", msNull),
				},
				PrimaryKey: &schema.PrimaryKey{SystemName: "PK__users__3213E83F1E4C7B09", Columns: []string{"id"}, Clustered: msBool(false)},
				ForeignKeys: []*schema.ForeignKey{{
					Name: "fk_users_tenant", Columns: []string{"tenant_id"}, RefSchema: "dbo", RefTable: "tenants",
					RefColumns: []string{"id"}, OnDelete: "NO ACTION", OnUpdate: "NO ACTION",
				}},
				Checks: []*schema.Check{
					{Name: "ck_users_identity_provider", Expr: "([identity_provider]='entra_id' OR [identity_provider]='google' OR [identity_provider]='email' OR [identity_provider]='github')"},
					{Name: "ck_users_status", Expr: "([status]='active' OR [status]='invited' OR [status]='suspended' OR [status]='pending_verification')"},
				},
				Indexes: []*schema.Index{
					{Name: "ix_users_index_id", Unique: true, Parts: msParts("index_id"), Clustered: msBool(true)},
					{Name: "ix_users_active", Parts: msParts("is_deleted"), Where: notDeleted, Clustered: msBool(false)},
					{Name: "ix_users_tenant_active", Parts: msParts("tenant_id", "is_deleted", "index_id"), Where: notDeleted, Clustered: msBool(false)},
					{Name: "ix_users_tenant_id_lookup", Parts: msParts("tenant_id", "id"), Where: notDeleted, Clustered: msBool(false)},
					{Name: "ix_users_tenant_email", Unique: true, Parts: msParts("tenant_id", "email"), Where: notDeleted, Clustered: msBool(false)},
					{Name: "ix_users_identity_provider", Unique: true, Parts: msParts("identity_provider", "identity_provider_id"), Where: notDeleted, Clustered: msBool(false)},
					{Name: "ix_users_tenant_status", Parts: msParts("tenant_id", "status"), Where: notDeleted, Clustered: msBool(false)},
					{Name: "ix_users_tenant_last_login", Parts: msParts("tenant_id", "last_login_at"), Include: []string{"email"}, Where: notDeleted, Clustered: msBool(false)},
				},
			},
		},
	}
}

func ordersWant() *schema.Database {
	return &schema.Database{
		Dialect: schema.SQLServer,
		Schemas: []*schema.Schema{{Name: "dbo"}},
		Tables: []*schema.Table{
			{
				Schema: "dbo", Name: "customers",
				Columns: []*schema.Column{
					msCol("id", "int", msIdentity(1, 1)),
					msCol("code", "varchar(20)", func(c *schema.Column) { c.Collation = "Latin1_General_BIN2" }),
					msCol("name", "nvarchar(100)"),
				},
				PrimaryKey: &schema.PrimaryKey{Name: "pk_customers", Columns: []string{"id"}, Clustered: msBool(true)},
				Uniques:    []*schema.Unique{{Name: "uq_customers_code", Columns: []string{"code"}, Clustered: msBool(false)}},
			},
			{
				Schema: "dbo", Name: "orders", Comment: "Customer orders, one row per checkout",
				Columns: []*schema.Column{
					msCol("id", "bigint", msIdentity(100, 5)),
					msCol("customer_id", "int"),
					msCol("placed_at", "datetime2(3)", msNamedDefault("df_orders_placed_at", "(sysutcdatetime())")),
					msCol("quantity", "int", msNamedDefault("df_orders_quantity", "((1))")),
					msCol("unit_price", "decimal(18,4)"),
					msCol("total", "decimal(29,4)", func(c *schema.Column) {
						c.Computed = &schema.Computed{Expr: "([quantity]*[unit_price])", Persisted: true}
					}),
					msCol("notes", "nvarchar(max)", msNull, func(c *schema.Column) { c.Comment = "Free-text notes from the customer" }),
					msCol("attachment", "varbinary(max)", msNull),
				},
				PrimaryKey: &schema.PrimaryKey{Name: "pk_orders", Columns: []string{"id"}, Clustered: msBool(true)},
				ForeignKeys: []*schema.ForeignKey{{
					Name: "fk_orders_customer", Columns: []string{"customer_id"}, RefSchema: "dbo", RefTable: "customers",
					RefColumns: []string{"id"}, OnDelete: "CASCADE", OnUpdate: "NO ACTION",
				}},
				Checks: []*schema.Check{{Name: "ck_orders_quantity", Expr: "([quantity]>(0))"}},
				Indexes: []*schema.Index{{
					Name:      "ix_orders_customer_placed",
					Parts:     []schema.IndexPart{{Column: "customer_id"}, {Column: "placed_at", Desc: true}},
					Include:   []string{"total", "notes"},
					Clustered: msBool(false),
				}},
			},
		},
	}
}

func auditWant() *schema.Database {
	return &schema.Database{
		Dialect: schema.SQLServer,
		Schemas: []*schema.Schema{{Name: "audit"}, {Name: "dbo"}},
		Tables: []*schema.Table{
			{
				Schema: "audit", Name: "events",
				Columns: []*schema.Column{
					msCol("id", "bigint", msIdentity(1, 1)),
					msCol("account_id", "int", msNull),
					msCol("kind", "varchar(30)", msSysDefault("DF__events__kind__4316F928", "('login')")),
					msCol("payload", "nvarchar(max)", msNull),
					msCol("occurred_at", "datetimeoffset", msSysDefault("DF__events__occur__440B1D61", "(sysdatetimeoffset())")),
				},
				PrimaryKey: &schema.PrimaryKey{SystemName: "PK__events__3213E83FB1D2A6C3", Columns: []string{"id"}, Clustered: msBool(false)},
				ForeignKeys: []*schema.ForeignKey{{
					SystemName: "FK__events__accou__44FF419A", Columns: []string{"account_id"}, RefSchema: "dbo", RefTable: "accounts",
					RefColumns: []string{"id"}, OnDelete: "SET NULL", OnUpdate: "NO ACTION",
				}},
				Checks: []*schema.Check{{SystemName: "CK__events__45F365D3", Expr: "([kind]<>'')"}},
				Indexes: []*schema.Index{
					{Name: "ix_events_account", Parts: msParts("account_id"), Where: "([account_id] IS NOT NULL)", Clustered: msBool(false)},
				},
			},
			{
				Schema: "dbo", Name: "accounts",
				Columns: []*schema.Column{
					msCol("id", "int"),
					msCol("email", "nvarchar(320)"),
					msCol("created_at", "datetime", msSysDefault("DF__accounts__creat__3E52440B", "(getdate())")),
					msCol("balance", "money", msSysDefault("DF__accounts__balan__3F466844", "((0))")),
				},
				PrimaryKey: &schema.PrimaryKey{SystemName: "PK__accounts__3213E83F7A3C5D1B", Columns: []string{"id"}, Clustered: msBool(true)},
				Uniques:    []*schema.Unique{{SystemName: "UQ__accounts__AB6E61648E2F0C44", Columns: []string{"email"}, Clustered: msBool(false)}},
				Checks:     []*schema.Check{{SystemName: "CK__accounts__balan__403A8C7D", Expr: "([balance]>=(0))"}},
			},
		},
	}
}

func TestSQLServerRecorded(t *testing.T) {
	tests := []struct {
		name string
		want *schema.Database
	}{
		{"users", usersWant()},
		{"orders", ordersWant()},
		{"audit", auditWant()},
		{"stored_forms", storedFormsWant()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := inspectRecording(t, tt.name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(normalized(t, tt.want), got, ignorePos); diff != "" {
				t.Errorf("inspected model (-want +got):\n%s", diff)
			}
		})
	}
}

// storedFormsWant is stored_forms.json as read: definitions as SQL Server
// stores them, kept verbatim.
func storedFormsWant() *schema.Database {
	return &schema.Database{
		Dialect: schema.SQLServer,
		Schemas: []*schema.Schema{{Name: "dbo"}},
		Tables: []*schema.Table{
			{
				Schema: "dbo", Name: "accounts",
				Columns: []*schema.Column{
					msCol("id", "int", msIdentity(1, 1)),
					msCol("status", "nvarchar(20)", msSysDefault("DF__accounts__statu__5CD6CB2B", "(N'active')")),
					msCol("code", "nvarchar(10)"),
					msCol("is_deleted", "bit", msSysDefault("DF__accounts__is_de__5EBF139D", "((0))")),
					msCol("is_active", "bit", msNamedDefault("df_accounts_is_active", "((1))")),
					msCol("created_at", "datetime", msSysDefault("DF__accounts__creat__5FB337D6", "(getdate())")),
					msCol("public_id", "uniqueidentifier", msSysDefault("DF__accounts__publi__60A75C0F", "(newid())")),
					msCol("starts_on", "date", msSysDefault("DF__accounts__start__619B8048", "('2020-01-01')")),
					msCol("due_text", "varchar(30)", msNull),
					msCol("due_at", "datetime", msNull, func(c *schema.Column) {
						c.Computed = &schema.Computed{Expr: "(CONVERT([datetime],[due_text],(0)))"}
					}),
					msCol("row_version", "rowversion"),
					msCol("email", "nvarchar(320)", msNull),
				},
				PrimaryKey: &schema.PrimaryKey{SystemName: "PK__accounts__3213E83F9A1B2C3D", Columns: []string{"id"}, Clustered: msBool(true)},
				Checks: []*schema.Check{
					{SystemName: "CK__accounts__statu__5DCAEF64", Expr: "([status]='invited' OR [status]='active')"},
					{Name: "ck_accounts_code", Expr: "(CONVERT([int],[code])>(0))"},
				},
				Indexes: []*schema.Index{
					{Name: "ix_accounts_active", Parts: msParts("status"), Where: "([is_deleted]=(0))", Clustered: msBool(false)},
					{Name: "ix_accounts_email", Unique: true, Parts: msParts("email"), Where: "([email] IS NOT NULL)", Clustered: msBool(false)},
				},
			},
			{
				Schema: "dbo", Name: "documents",
				Columns:    []*schema.Column{msCol("id", "int"), msCol("body", "xml", msNull)},
				PrimaryKey: &schema.PrimaryKey{Name: "pk_documents", Columns: []string{"id"}, Clustered: msBool(true)},
				Indexes:    []*schema.Index{{Name: "ncci_documents", Parts: msParts("id"), Clustered: msBool(false), Columnstore: true, DataCompression: "COLUMNSTORE"}},
			},
			{
				Schema: "dbo", Name: "places",
				Columns:    []*schema.Column{msCol("id", "int"), msCol("node", "hierarchyid", msNull), msCol("location", "geography", msNull)},
				PrimaryKey: &schema.PrimaryKey{Name: "pk_places", Columns: []string{"id"}, Clustered: msBool(true)},
			},
		},
		Warnings: []schema.Warning{
			{Object: "dbo.places.spot", Message: "column of a CLR user-defined type (its type has no base type name): left out of the schema, so changes to it are not planned"},
			{Object: "dbo.documents.xml_documents_body", Message: "XML index: not read (the model holds rowstore and columnstore indexes), so it is neither compared nor dropped"},
			{Object: "dbo.places.six_places_location", Message: "SPATIAL index: not read (the model holds rowstore and columnstore indexes), so it is neither compared nor dropped"},
		},
	}
}

func TestSQLServerOptions(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		schemas []string
		tables  []string
		err     string
	}{
		{name: "all", schemas: []string{"audit", "dbo"}, tables: []string{"audit.events", "dbo.accounts"}},
		{name: "one schema", opts: Options{Schemas: []string{"audit"}}, schemas: []string{"audit"}, tables: []string{"audit.events"}},
		{name: "exclude by name", opts: Options{Exclude: []string{"acc*"}}, schemas: []string{"audit", "dbo"}, tables: []string{"audit.events"}},
		{name: "exclude qualified", opts: Options{Exclude: []string{"audit.*"}}, schemas: []string{"audit", "dbo"}, tables: []string{"dbo.accounts"}},
		{name: "missing schema", opts: Options{Schemas: []string{"sales"}}, err: `schema "sales" does not exist`},
		{name: "bad pattern", opts: Options{Exclude: []string{"["}}, err: `exclude pattern "["`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := inspectRecording(t, "audit", tt.opts)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var schemas, tables []string
			for _, s := range got.Schemas {
				schemas = append(schemas, s.Name)
			}
			for _, tb := range got.Tables {
				tables = append(tables, tb.QName().String())
			}
			if diff := cmp.Diff(tt.schemas, schemas); diff != "" {
				t.Errorf("schemas (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.tables, tables); diff != "" {
				t.Errorf("tables (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSQLServerQueriesRecorded: every recording answers every catalog
// query, and a query the recording does not answer as recorded — edited
// text, or no result at all — fails the inspection, naming the query.
func TestSQLServerQueriesRecorded(t *testing.T) {
	for _, name := range []string{"users", "orders", "audit", "stored_forms", "attrs", "unmanaged", "modules"} {
		rec, err := tdstest.Load(recordingPath(name))
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range SQLServerCatalogQueries() {
			qn, ok := tdstest.QueryName(q)
			if !ok {
				t.Fatalf("query without a name: %.40q", q)
			}
			if res := rec.Results[qn]; res == nil || res.QuerySHA256 != tdstest.QueryHash(q) {
				t.Errorf("%s.json does not record the current text of %q: record it again (see testdata/README.md)", name, qn)
			}
		}
	}
	tests := []struct {
		name   string
		change func(*tdstest.Recording)
		want   []string
	}{
		{"query text edited", func(r *tdstest.Recording) {
			// As if msColumnsQuery had been edited after users.json was recorded.
			r.Results["columns"].QuerySHA256 = tdstest.QueryHash(msColumnsQuery + "\n  AND 1 = 1")
		}, []string{"reading columns", `the text of query "columns" is not the one recorded`, "record it again"}},
		{"query not recorded", func(r *tdstest.Recording) { delete(r.Results, "checks") }, []string{"reading checks", `nothing is recorded under "checks"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := tdstest.Load(recordingPath("users"))
			if err != nil {
				t.Fatal(err)
			}
			tt.change(rec)
			_, err = inspectServer(t, tdstest.Start(t, tdstest.Serve(rec)), Options{})
			for _, w := range tt.want {
				if err == nil || !strings.Contains(err.Error(), w) {
					t.Errorf("error = %v, want one containing %q", err, w)
				}
			}
		})
	}
}

// TestSQLServerTransaction: the catalog is read in one transaction, SNAPSHOT
// when the database allows it and READ COMMITTED otherwise, never asked to
// be read-only (go-mssqldb refuses that), and rolled back.
func TestSQLServerTransaction(t *testing.T) {
	var queries []string
	for _, q := range SQLServerCatalogQueries()[1:] {
		name, _ := tdstest.QueryName(q)
		queries = append(queries, "query "+name)
	}
	tests := []struct{ recording, level string }{
		{"users", "READ COMMITTED"},  // snapshot_isolation_state_desc OFF
		{"stored_forms", "SNAPSHOT"}, // ON
	}
	for _, tt := range tests {
		t.Run(tt.recording, func(t *testing.T) {
			s := tdstest.StartFile(t, recordingPath(tt.recording))
			if _, err := inspectServer(t, s, Options{}); err != nil {
				t.Fatal(err)
			}
			// database/sql resets a pooled connection each time it hands it out again.
			want := append([]string{"login app", "reset", "ping", "reset", "query snapshot_isolation", "reset", "begin " + tt.level}, queries...)
			want = append(want, "rollback")
			if diff := cmp.Diff(want, s.Log()); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSQLServerType(t *testing.T) {
	tests := []struct {
		name                        string
		maxLength, precision, scale int64
		want                        string
	}{
		{"nvarchar", 510, 0, 0, "nvarchar(255)"},
		{"nvarchar", -1, 0, 0, "nvarchar(max)"},
		{"nchar", 20, 0, 0, "nchar(10)"},
		{"varchar", 50, 0, 0, "varchar(50)"},
		{"varbinary", -1, 0, 0, "varbinary(max)"},
		{"binary", 16, 0, 0, "binary(16)"},
		{"decimal", 9, 18, 4, "decimal(18,4)"},
		{"numeric", 5, 5, 0, "numeric(5,0)"},
		{"datetime2", 8, 27, 7, "datetime2"},
		{"datetime2", 7, 23, 3, "datetime2(3)"},
		{"datetime2", 6, 19, 0, "datetime2(0)"},
		{"time", 5, 16, 7, "time"},
		{"datetimeoffset", 8, 26, 0, "datetimeoffset(0)"},
		{"datetime", 8, 23, 3, "datetime"},
		{"int", 4, 10, 0, "int"},
		{"bit", 1, 1, 0, "bit"},
		{"float", 8, 53, 0, "float"},
		{"uniqueidentifier", 16, 0, 0, "uniqueidentifier"},
		{"timestamp", 8, 0, 0, "rowversion"},
		{"hierarchyid", 892, 0, 0, "hierarchyid"},
	}
	for _, tt := range tests {
		if got := sqlServerType(tt.name, tt.maxLength, tt.precision, tt.scale); got != tt.want {
			t.Errorf("sqlServerType(%s, %d, %d, %d) = %q, want %q", tt.name, tt.maxLength, tt.precision, tt.scale, got, tt.want)
		}
	}
}

// ignoreSystemNames drops the names SQL Server generates: they are random,
// and a schema file's unnamed constraints have none.
var ignoreSystemNames = cmp.Options{
	cmpopts.IgnoreFields(schema.Column{}, "DefaultSystemName"),
	cmpopts.IgnoreFields(schema.PrimaryKey{}, "SystemName"),
	cmpopts.IgnoreFields(schema.Unique{}, "SystemName"),
	cmpopts.IgnoreFields(schema.ForeignKey{}, "SystemName"),
	cmpopts.IgnoreFields(schema.Check{}, "SystemName"),
}

// TestSQLServerMatchesSchemaFile: the live users database that seed 002's
// revision creates must compare equal to the schema file describing it.
func TestSQLServerMatchesSchemaFile(t *testing.T) {
	loaded, err := schema.Load(schema.LoadOptions{Dialect: schema.SQLServer}, filepath.Join("..", "testdata", "examples", "sqlserver", "users.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	want := normalized(t, loaded)
	got, err := inspectRecording(t, "users", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, ignorePos, ignoreSystemNames); diff != "" {
		t.Errorf("users.hcl (-) vs the live database (+):\n%s", diff)
	}
}

// TestOpenSQLServerUnreachable: a server that is not there is one clear
// error, without the password.
func TestOpenSQLServerUnreachable(t *testing.T) {
	const url = "sqlserver://sa:s3cret-pw@127.0.0.1:1?database=app&dial+timeout=2"
	in, err := openSQLServer(context.Background(), url)
	if err == nil {
		in.Close()
		t.Fatal("openSQLServer succeeded on a closed port")
	}
	msg := err.Error()
	if strings.Contains(msg, "s3cret-pw") {
		t.Errorf("error shows the password: %s", msg)
	}
	if !strings.Contains(msg, "cannot connect to SQL Server") {
		t.Errorf("error = %s, want one saying it cannot connect", msg)
	}
}

// TestSQLServerInspectLoadsBack: what `inspect --url sqlserver://…` writes as
// HCL and as YAML loads back as a desired schema equal to the database read.
func TestSQLServerInspectLoadsBack(t *testing.T) {
	writers := map[string]func(io.Writer, *schema.Database) error{"hcl": schema.WriteHCL, "yaml": schema.WriteYAML}
	for _, name := range []string{"users", "orders", "audit", "stored_forms", "attrs", "unmanaged", "modules"} {
		got, err := inspectRecording(t, name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for ext, write := range writers {
			t.Run(name+"."+ext, func(t *testing.T) {
				var b bytes.Buffer
				if err := write(&b, got); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(t.TempDir(), name+"."+ext)
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				loaded, err := schema.Load(schema.LoadOptions{}, path)
				if err != nil {
					t.Fatalf("load back: %v\n%s", err, b.String())
				}
				plan, err := diff.Compare(got, normalized(t, loaded), diff.Options{})
				if err != nil {
					t.Fatal(err)
				}
				if len(plan.Changes) != 0 {
					var out bytes.Buffer
					_ = render.WritePlan(&out, plan, false)
					t.Errorf("inspected %s written as %s loads back with changes:\n%s\n%s", name, ext, out.String(), b.String())
				}
			})
		}
	}
}
