package render

import (
	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// msHostile is a schema, column and comment text that would inject T-SQL if
// it were not quoted.
const msHostile = `x'; DROP TABLE y;--`

// msGoldenCase is one SQL Server plan whose script is kept in
// testdata/sqlserver/<name>.sql. Live cases run, in order, on one database
// of a real SQL Server when SCHEMADIFF_TEST_MSSQL_URL is set; the others name
// constraints by server-generated names that only exist in a recording.
type msGoldenCase struct {
	name string
	live bool
	plan *diff.Plan
}

// Small constructors for SQL Server plans.
func ms(changes ...*diff.Change) *diff.Plan {
	return &diff.Plan{Dialect: schema.SQLServer, Changes: changes}
}
func msBoolPtr(b bool) *bool { return &b }
func msKeys(cols ...string) []schema.IndexPart {
	parts := make([]schema.IndexPart, len(cols))
	for i, c := range cols {
		parts[i] = schema.IndexPart{Column: c}
	}
	return parts
}

var (
	msTenants = qn("dbo", "tenants")
	msUsers   = qn("dbo", "users")
	msOrders  = qn("dbo", "orders")
	msOdd     = qn(msHostile, "a]b")
	msOddNew  = qn("sales", "odd]name")
)

// msUsersTable is seed 002's users table with every column option.
func msUsersTable() *schema.Table {
	return &schema.Table{
		Schema: "dbo", Name: "users",
		Columns: []*schema.Column{
			{Name: "id", Type: "uniqueidentifier", Default: sqlExpr("NEWID()"), DefaultName: "df_users_id"},
			{Name: "index_id", Type: "bigint", Identity: &schema.Identity{Seed: 1, Increment: 1}},
			{Name: "tenant_id", Type: "uniqueidentifier"},
			{Name: "created_at", Type: "datetime2", Default: sqlExpr("GETDATE()")}, // unnamed: df_users_created_at
			{Name: "is_deleted", Type: "bit", Default: boolean("false"), DefaultName: "df_users_is_deleted"},
			{Name: "is_verified", Type: "bit", Default: boolean("true"), DefaultName: "df_users_is_verified"},
			{Name: "email", Type: "nvarchar(255)", Collation: "Latin1_General_CI_AS"},
			{Name: "status", Type: "nvarchar(20)", Default: str("active"), DefaultName: "df_users_status"},
			{Name: "login_count", Type: "int", Default: num("0"), DefaultName: "df_users_login_count"},
			{Name: "balance", Type: "decimal(18,4)", Default: num("-1.5"), DefaultName: "df_users_balance"},
			{Name: "nickname", Type: "nvarchar(100)", Null: true, Default: str("anon"), DefaultName: "df_users_nickname"},
			{Name: "bio", Type: "nvarchar(max)", Null: true},
			{Name: "email_domain", Null: true, Computed: &schema.Computed{Expr: "SUBSTRING(email, CHARINDEX('@', email) + 1, 255)", Persisted: true}},
			{Name: "display", Null: true, Computed: &schema.Computed{Expr: "UPPER(status)"}},
		},
		PrimaryKey: &schema.PrimaryKey{Name: "pk_users", Columns: []string{"id"}, Clustered: msBoolPtr(false)},
		Uniques:    []*schema.Unique{{Name: "uq_users_email", Columns: []string{"email"}, Clustered: msBoolPtr(false)}},
		Checks: []*schema.Check{
			{Expr: "balance >= -100"}, // unnamed: the server names it
			{Name: "ck_users_status", Expr: "status IN ('active', 'invited', 'suspended', 'pending_verification')"},
		},
	}
}

// msOrdersTable is sales.orders: IDENTITY(100, 5), a primary key left for
// SQL Server to cluster, and the columns of two foreign keys.
func msOrdersTable() *schema.Table {
	return &schema.Table{
		Schema: "sales", Name: "orders",
		Columns: []*schema.Column{
			{Name: "id", Type: "int", Identity: &schema.Identity{Seed: 100, Increment: 5}},
			{Name: "user_id", Type: "uniqueidentifier", Null: true},
			{Name: "tenant_id", Type: "uniqueidentifier", Null: true},
			{Name: "total", Type: "decimal(18,4)", Default: num("0"), DefaultName: "df_orders_total"},
			{Name: "note", Type: "nvarchar(100)", Null: true},
		},
		PrimaryKey: &schema.PrimaryKey{Name: "pk_orders", Columns: []string{"id"}},
	}
}

// msOddTable is a table whose every name is hostile.
func msOddTable(q schema.QName) *schema.Table {
	return &schema.Table{
		Schema: q.Schema, Name: q.Name,
		Columns: []*schema.Column{
			{Name: "id", Type: "int"},
			{Name: msHostile, Type: "nvarchar(50)", Default: str(`it's'); DROP TABLE y;--`), DefaultName: "df_a]b"},
		},
		PrimaryKey: &schema.PrimaryKey{Name: "pk_a]b", Columns: []string{"id"}, Clustered: msBoolPtr(true)},
		Checks:     []*schema.Check{{Name: "ck_'a]b", Expr: "[id] > 0"}},
	}
}

// msGoldenCases are SQL Server plans, each applying to the database the live
// ones before it produced. Together they use every Kind SQL Server has and
// every option of the model that SQL Server knows.
func msGoldenCases() []msGoldenCase {
	usersEmailComment := "Login, unique per tenant ('case-insensitive')"
	return append([]msGoldenCase{
		{"01_create", true, ms(
			&diff.Change{Kind: diff.CreateSchema, Schema: &schema.Schema{Name: "sales"}},
			&diff.Change{Kind: diff.CreateSchema, Schema: &schema.Schema{Name: msHostile}},
			&diff.Change{Kind: diff.CommentSchema, Schema: &schema.Schema{Name: "sales", Comment: "Sales; it's ours"}},
			&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{
				Schema: "dbo", Name: "tenants",
				Columns: []*schema.Column{
					{Name: "id", Type: "uniqueidentifier", Default: sqlExpr("NEWID()"), DefaultName: "df_tenants_id"},
					{Name: "index_id", Type: "bigint", Identity: &schema.Identity{Seed: 1, Increment: 1}},
					{Name: "name", Type: "nvarchar(255)"},
				},
				PrimaryKey: &schema.PrimaryKey{Name: "pk_tenants", Columns: []string{"id"}, Clustered: msBoolPtr(false)},
			}},
			&diff.Change{Kind: diff.CreateIndex, Table: msTenants, Index: &schema.Index{
				Name: "ix_tenants_index_id", Unique: true, Clustered: msBoolPtr(true), Parts: msKeys("index_id")}},
			&diff.Change{Kind: diff.CreateTable, TableDef: msUsersTable()},
			&diff.Change{Kind: diff.CreateIndex, Table: msUsers, Index: &schema.Index{
				Name: "ix_users_index_id", Unique: true, Clustered: msBoolPtr(true), Parts: msKeys("index_id")}},
			&diff.Change{Kind: diff.CreateIndex, Table: msUsers, Index: &schema.Index{
				Name: "ix_users_tenant_email", Unique: true, Clustered: msBoolPtr(false), Parts: msKeys("tenant_id", "email"),
				Where: "is_deleted = 0"}},
			&diff.Change{Kind: diff.CreateIndex, Table: msUsers, Index: &schema.Index{
				Name: "ix_users_active", Clustered: msBoolPtr(false), Parts: msKeys("is_deleted"), Where: "is_deleted = 0"}},
			&diff.Change{Kind: diff.CreateIndex, Table: msUsers, Index: &schema.Index{
				Name: "ix_users_tenant_created", Clustered: msBoolPtr(false),
				Parts:   []schema.IndexPart{{Column: "tenant_id"}, {Column: "created_at", Desc: true}},
				Include: []string{"email", "status"}, Where: "is_deleted = 0"}},
			&diff.Change{Kind: diff.AddForeignKey, Table: msUsers, ForeignKey: &schema.ForeignKey{
				Name: "fk_users_tenant", Columns: []string{"tenant_id"}, RefSchema: "dbo", RefTable: "tenants", RefColumns: []string{"id"},
				OnDelete: "NO ACTION", OnUpdate: "NO ACTION"}},
			&diff.Change{Kind: diff.CommentTable, Table: msUsers, Comment: "Application users; one row per login"},
			&diff.Change{Kind: diff.CommentColumn, Table: msUsers, Column: &schema.Column{Name: "email"}, Comment: usersEmailComment},
			&diff.Change{Kind: diff.CreateTable, TableDef: msOrdersTable()},
			&diff.Change{Kind: diff.AddForeignKey, Table: qn("sales", "orders"), ForeignKey: &schema.ForeignKey{
				Name: "fk_orders_user", Columns: []string{"user_id"}, RefSchema: "dbo", RefTable: "users", RefColumns: []string{"id"},
				OnDelete: "SET NULL", OnUpdate: "CASCADE"}},
			&diff.Change{Kind: diff.AddForeignKey, Table: qn("sales", "orders"), ForeignKey: &schema.ForeignKey{
				Name: "fk_orders_tenant", Columns: []string{"tenant_id"}, RefSchema: "dbo", RefTable: "tenants", RefColumns: []string{"id"},
				OnDelete: "CASCADE", OnUpdate: "SET DEFAULT"}},
			&diff.Change{Kind: diff.CreateTable, TableDef: msOddTable(msOdd)},
			&diff.Change{Kind: diff.CreateIndex, Table: msOdd, Index: &schema.Index{
				Name: "ix_a]b", Clustered: msBoolPtr(false), Parts: msKeys(msHostile), Where: "[id] > 0"}},
			&diff.Change{Kind: diff.CommentColumn, Table: msOdd, Column: &schema.Column{Name: msHostile}, Comment: msHostile},
		)},
		{"02_alter", true, ms(
			&diff.Change{Kind: diff.DropForeignKey, Table: qn("sales", "orders"), ForeignKey: &schema.ForeignKey{Name: "fk_orders_user"}},
			&diff.Change{Kind: diff.DropIndex, Table: msUsers, Index: &schema.Index{Name: "ix_users_active"}},
			&diff.Change{Kind: diff.DropCheck, Table: msUsers, Check: &schema.Check{Name: "ck_users_status", Expr: "status IN ('active')"}},
			&diff.Change{Kind: diff.DropUnique, Table: msUsers, Unique: &schema.Unique{Name: "uq_users_email", Columns: []string{"email"}}},
			&diff.Change{Kind: diff.DropPrimaryKey, Table: qn("sales", "orders"), PrimaryKey: &schema.PrimaryKey{Name: "pk_orders", Columns: []string{"id"}}},
			&diff.Change{Kind: diff.RenameTable, OldName: qn("sales", "orders"), Table: msOrders},
			&diff.Change{Kind: diff.RenameTable, OldName: msOdd, Table: msOddNew},
			&diff.Change{Kind: diff.RenameTable, OldName: msTenants, Table: qn("dbo", "organizations")},
			&diff.Change{Kind: diff.RenameColumn, Table: msOrders, OldColumn: &schema.Column{Name: "note"}, Column: &schema.Column{Name: "remark"}},
			&diff.Change{Kind: diff.DropColumn, Table: msUsers, Column: msUsersTable().Column("login_count"),
				Hazards: hz(diff.HazardDropColumn, diff.Error, "dropping dbo.users.login_count loses its values")},
			&diff.Change{Kind: diff.AddColumn, Table: msUsers, Column: &schema.Column{
				Name: "plan", Type: "nvarchar(20)", Default: str("free"), DefaultName: "df_users_plan"}},
			&diff.Change{Kind: diff.AddColumn, Table: msUsers, Column: &schema.Column{Name: "last_seen", Type: "datetime2(3)", Null: true}},
			alter(msUsers, msUsersTable().Column("status"),
				&schema.Column{Name: "status", Type: "nvarchar(20)", Default: str("invited"), DefaultName: "df_users_status"},
				diff.ColumnAlter{Default: true}),
			alter(msUsers, msUsersTable().Column("nickname"),
				&schema.Column{Name: "nickname", Type: "nvarchar(max)", Null: true, Default: str("anon"), DefaultName: "df_users_nickname"},
				diff.ColumnAlter{Type: true}),
			alter(msUsers, msUsersTable().Column("bio"),
				&schema.Column{Name: "bio", Type: "nvarchar(max)", Default: str(""), DefaultName: "df_users_bio"},
				diff.ColumnAlter{Null: true, Default: true}),
			alter(msUsers, msUsersTable().Column("is_verified"),
				&schema.Column{Name: "is_verified", Type: "bit"}, diff.ColumnAlter{Default: true}),
			alter(msOrders, &schema.Column{Name: "remark", Type: "nvarchar(100)", Null: true},
				&schema.Column{Name: "remark", Type: "nvarchar(100)", Null: true, Collation: "Latin1_General_CS_AS"}, diff.ColumnAlter{Collation: true}),
			alter(msUsers, msUsersTable().Column("display"),
				&schema.Column{Name: "display", Computed: &schema.Computed{Expr: "LOWER(status)", Persisted: true}}, diff.ColumnAlter{Computed: true, Null: true}),
			&diff.Change{Kind: diff.AddPrimaryKey, Table: msOrders, PrimaryKey: &schema.PrimaryKey{
				Name: "pk_orders", Columns: []string{"id"}, Clustered: msBoolPtr(false)}},
			&diff.Change{Kind: diff.AddUnique, Table: msOrders, Unique: &schema.Unique{
				Name: "uq_orders_user", Columns: []string{"user_id", "id"}, Clustered: msBoolPtr(true)},
				Hazards: hz(diff.HazardUniqueMayFail, diff.Warning, "uq_orders_user fails if dbo.orders holds duplicates")},
			&diff.Change{Kind: diff.AddCheck, Table: msUsers, Check: &schema.Check{Name: "ck_users_plan", Expr: "[plan] IN ('free', 'pro')"}},
			&diff.Change{Kind: diff.CommentSchema, Schema: &schema.Schema{Name: "sales", Comment: "Sales, renamed"}, OldComment: "Sales; it's ours"},
			&diff.Change{Kind: diff.CommentTable, Table: msUsers, Comment: "People who sign in", OldComment: "Application users; one row per login"},
			&diff.Change{Kind: diff.CommentColumn, Table: msUsers, Column: &schema.Column{Name: "email"}, OldComment: usersEmailComment},
		)},
		{"03_drops", true, ms(
			&diff.Change{Kind: diff.DropForeignKey, Table: msOrders, ForeignKey: &schema.ForeignKey{Name: "fk_orders_tenant"}},
			&diff.Change{Kind: diff.DropTable, TableDef: &schema.Table{Schema: "dbo", Name: "orders"},
				Hazards: hz(diff.HazardDropTable, diff.Error, "dropping dbo.orders loses its rows")},
			&diff.Change{Kind: diff.DropTable, TableDef: msOddTable(msOddNew)},
			&diff.Change{Kind: diff.CommentSchema, Schema: &schema.Schema{Name: "sales"}, OldComment: "Sales, renamed"},
			&diff.Change{Kind: diff.DropSchema, Schema: &schema.Schema{Name: "sales"}},
			&diff.Change{Kind: diff.DropSchema, Schema: &schema.Schema{Name: msHostile},
				Hazards: hz(diff.HazardDropSchema, diff.Warning, "dropping schema x'; DROP TABLE y;--")},
		)},
		// Objects as introspection reads them when SQL Server named them, and
		// a plan that gives the clustered index after a nonclustered one.
		{"04_system_names_and_order", false, ms(
			&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{
				Schema: "dbo", Name: "events",
				Columns: []*schema.Column{
					{Name: "id", Type: "bigint", Identity: &schema.Identity{}},
					{Name: "kind", Type: "nvarchar(20)", Default: str("info")},
				},
				PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}, Clustered: msBoolPtr(false)}, // unnamed: pk_events
			}},
			&diff.Change{Kind: diff.CreateIndex, Table: qn("dbo", "events"), Index: &schema.Index{Name: "ix_events_kind", Parts: msKeys("kind")}},
			&diff.Change{Kind: diff.CreateIndex, Table: qn("dbo", "events"), Index: &schema.Index{
				Name: "ix_events_id", Clustered: msBoolPtr(true), Parts: []schema.IndexPart{{Column: "id", Desc: true}}}},
			&diff.Change{Kind: diff.DropPrimaryKey, Table: msUsers, PrimaryKey: &schema.PrimaryKey{
				Name: "pk_users", Columns: []string{"id"}, SystemName: "PK__users__3213E83F0A9D95DB"}},
			&diff.Change{Kind: diff.DropCheck, Table: msUsers, Check: &schema.Check{Expr: "balance >= -100", SystemName: "CK__users__balance__4AB81AF0"}},
			&diff.Change{Kind: diff.DropColumn, Table: msUsers, Column: &schema.Column{
				Name: "legacy", Type: "int", Default: num("0"), DefaultSystemName: "DF__users__legacy__4BAC3F29"}},
			alter(msUsers,
				&schema.Column{Name: "kind", Type: "nvarchar(20)", Default: num("1"), DefaultSystemName: "DF__users__kind__5AB81AF0"},
				&schema.Column{Name: "kind", Type: "nvarchar(40)", Default: num("1"), DefaultName: "df_users_kind"},
				diff.ColumnAlter{Type: true}),
		)},
		// Objects that only change name are renamed in place: constraints
		// (a server-named one by its live name), a default, an index.
		{"05_renames", false, ms(
			&diff.Change{Kind: diff.RenameConstraint, Table: msUsers, RenamedFrom: "PK__users__3213E83F0A9D95DB",
				PrimaryKey: &schema.PrimaryKey{Name: "pk_users", Columns: []string{"id"}}},
			&diff.Change{Kind: diff.RenameConstraint, Table: msOrders, RenamedFrom: "uq_orders_user",
				Unique: &schema.Unique{Name: "uq_orders_user_id", Columns: []string{"user_id"}}},
			&diff.Change{Kind: diff.RenameConstraint, Table: msUsers, RenamedFrom: "ck_users_plan",
				Check: &schema.Check{Name: "ck_users_plan_known", Expr: "[plan] IN ('free', 'pro')"}},
			&diff.Change{Kind: diff.RenameConstraint, Table: msOdd, RenamedFrom: "fk_o'dd]",
				ForeignKey: &schema.ForeignKey{Name: "fk_odd", Columns: []string{"tenant_id"}, RefSchema: "dbo", RefTable: "tenants", RefColumns: []string{"id"}}},
			&diff.Change{Kind: diff.RenameDefault, Table: msUsers, RenamedFrom: "df_accounts_plan",
				OldColumn: &schema.Column{Name: "plan", Type: "nvarchar(10)", Default: str("free"), DefaultName: "df_accounts_plan"},
				Column:    &schema.Column{Name: "plan", Type: "nvarchar(10)", Default: str("free"), DefaultName: "df_users_plan"}},
			&diff.Change{Kind: diff.RenameIndex, Table: msOdd, RenamedFrom: "ix_o'ld]", Index: &schema.Index{Name: "ix_new", Parts: msKeys("name")}},
		)},
		// The SQL Server attributes: DESC key columns, NOT FOR REPLICATION,
		// WITH NOCHECK and disabled constraints, index options, columnstore
		// indexes, then an index rebuilt with other options and constraints
		// re-trusted and disabled in place.
		{"06_attributes", true, ms(
			&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{
				Schema: "dbo", Name: "metric_types",
				Columns:    []*schema.Column{{Name: "id", Type: "int"}},
				PrimaryKey: &schema.PrimaryKey{Name: "pk_metric_types", Columns: []string{"id"}},
			}},
			&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{
				Schema: "dbo", Name: "metrics",
				Columns: []*schema.Column{
					{Name: "id", Type: "bigint", Identity: &schema.Identity{Seed: 1, Increment: 1, NotForReplication: true}},
					{Name: "k", Type: "nvarchar(20)"},
					{Name: "type_id", Type: "int"},
					{Name: "v", Type: "decimal(18,2)"},
				},
				PrimaryKey: &schema.PrimaryKey{Name: "pk_metrics", Columns: []string{"k", "id"}, Desc: []string{"id"}, Clustered: msBoolPtr(true)},
				Uniques:    []*schema.Unique{{Name: "uq_metrics_v", Columns: []string{"v", "id"}, Desc: []string{"v"}}},
				Checks:     []*schema.Check{{Name: "ck_metrics_v", Expr: "v >= 0", ConstraintState: schema.ConstraintState{NotForReplication: true}}},
			}},
			&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{
				Schema: "dbo", Name: "metric_facts",
				Columns: []*schema.Column{{Name: "day", Type: "date"}, {Name: "v", Type: "bigint"}},
			}},
			&diff.Change{Kind: diff.AddCheck, Table: qn("dbo", "metrics"),
				Check: &schema.Check{Name: "ck_metrics_k", Expr: "k <> ''", ConstraintState: schema.ConstraintState{NoCheck: true, Disabled: true}}},
			&diff.Change{Kind: diff.CreateIndex, Table: qn("dbo", "metrics"), Index: &schema.Index{Name: "ix_metrics_type",
				Unique: true, Parts: msKeys("type_id", "id"), FillFactor: 80, PadIndex: true, IgnoreDupKey: true, DataCompression: "ROW"}},
			&diff.Change{Kind: diff.CreateIndex, Table: qn("dbo", "metrics"), Index: &schema.Index{Name: "ncci_metrics",
				Columnstore: true, Parts: msKeys("type_id", "v"), Where: "v > 0"}},
			&diff.Change{Kind: diff.CreateIndex, Table: qn("dbo", "metric_facts"), Index: &schema.Index{Name: "cci_metric_facts",
				Columnstore: true, Clustered: msBoolPtr(true), DataCompression: "COLUMNSTORE_ARCHIVE"}},
			&diff.Change{Kind: diff.AddForeignKey, Table: qn("dbo", "metrics"), ForeignKey: &schema.ForeignKey{Name: "fk_metrics_type",
				Columns: []string{"type_id"}, RefSchema: "dbo", RefTable: "metric_types", RefColumns: []string{"id"},
				ConstraintState: schema.ConstraintState{NoCheck: true}}},
			&diff.Change{Kind: diff.RebuildIndex, Table: qn("dbo", "metrics"), Index: &schema.Index{Name: "ix_metrics_type",
				Unique: true, Parts: msKeys("type_id", "id"), DataCompression: "PAGE"}},
			&diff.Change{Kind: diff.RebuildIndex, Table: qn("dbo", "metric_facts"), Index: &schema.Index{Name: "cci_metric_facts",
				Columnstore: true, Clustered: msBoolPtr(true)}},
			&diff.Change{Kind: diff.SetConstraintState, Table: qn("dbo", "metrics"), Check: &schema.Check{Name: "ck_metrics_k", Expr: "k <> ''"}},
			&diff.Change{Kind: diff.SetConstraintState, Table: qn("dbo", "metrics"), ForeignKey: &schema.ForeignKey{Name: "fk_metrics_type",
				Columns: []string{"type_id"}, RefSchema: "dbo", RefTable: "metric_types", RefColumns: []string{"id"},
				ConstraintState: schema.ConstraintState{NoCheck: true, Disabled: true}}},
		)},
	}, msObjectCases()...)
}
