package schema

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var ignorePos = cmpopts.IgnoreTypes(Pos{})

func boolPtr(b bool) *bool { return &b }

// normalizeColumn normalizes a one-column table (plus the user_role enum)
// and returns the column.
func normalizeColumn(t *testing.T, d Dialect, c *Column) (*Column, error) {
	t.Helper()
	db := &Database{Dialect: d, Tables: []*Table{{Name: "t", Columns: []*Column{c}}}}
	if d == Postgres {
		db.Enums = []*Enum{{Name: "user_role", Values: []string{"viewer", "admin"}}}
	}
	out, err := Normalize(db)
	if err != nil {
		return nil, err
	}
	return out.Tables[0].Columns[0], nil
}

func TestNormalizeDefaults(t *testing.T) {
	lit := func(k DefaultKind, v string) *Default { return &Default{Kind: k, Value: v} }
	expr := func(v string) *Default { return lit(DefaultExpr, v) }
	tests := []struct {
		d    Dialect
		typ  string
		in   *Default
		want *Default
	}{
		// stored texts are pg_get_expr(adbin, adrelid) from PostgreSQL 15
		{Postgres, "varchar(20)", expr("'active'::character varying"), lit(DefaultString, "active")},
		{Postgres, "varchar(20)", lit(DefaultString, "active"), lit(DefaultString, "active")},
		{Postgres, "text", expr("'it''s'::text"), lit(DefaultString, "it's")},
		{Postgres, "text", lit(DefaultString, "it's"), lit(DefaultString, "it's")},
		{Postgres, "int", expr("0"), lit(DefaultNumber, "0")},
		{Postgres, "integer", expr("(0)"), lit(DefaultNumber, "0")},
		{Postgres, "integer", lit(DefaultNumber, "0"), lit(DefaultNumber, "0")},
		{Postgres, "integer", lit(DefaultString, "0"), lit(DefaultNumber, "0")},
		{Postgres, "integer", expr("'-1'::integer"), lit(DefaultNumber, "-1")},
		{Postgres, "integer", expr("(-1)"), lit(DefaultNumber, "-1")},
		{Postgres, "bigint", expr("'-1'::bigint"), lit(DefaultNumber, "-1")},
		{Postgres, "integer", expr("'-1.5'::numeric"), lit(DefaultNumber, "-1.5")},
		{Postgres, "numeric(10,2)", expr("1.5"), lit(DefaultNumber, "1.5")},
		{Postgres, "numeric", expr("'1.5'::numeric"), lit(DefaultNumber, "1.5")},
		{Postgres, "numeric", lit(DefaultNumber, "1.5"), lit(DefaultNumber, "1.5")},
		{Postgres, "numeric(6,2)", expr("1.50"), lit(DefaultNumber, "1.5")},
		{Postgres, "numeric(6,2)", lit(DefaultNumber, "1.5"), lit(DefaultNumber, "1.5")},
		{Postgres, "numeric", expr("1.0"), lit(DefaultNumber, "1")},
		{Postgres, "numeric", expr("'-0.00'::numeric"), lit(DefaultNumber, "0")},
		{Postgres, "integer", expr("100.000"), lit(DefaultNumber, "100")},
		{Postgres, "float8", expr("'2500'::numeric"), lit(DefaultNumber, "2500")},
		{Postgres, "float8", lit(DefaultNumber, "2.5e3"), lit(DefaultNumber, "2500")},
		{Postgres, "bool", expr("false"), lit(DefaultBool, "false")},
		{Postgres, "boolean", expr("FALSE"), lit(DefaultBool, "false")},
		{Postgres, "boolean", expr("'f'::boolean"), lit(DefaultBool, "false")},
		{Postgres, "boolean", lit(DefaultBool, "true"), lit(DefaultBool, "true")},
		{Postgres, "timestamptz", expr("now()"), expr("now()")},
		{Postgres, "timestamptz", expr("NOW()"), expr("now()")},
		{Postgres, "timestamptz", expr("CURRENT_TIMESTAMP"), expr("now()")},
		{Postgres, "timestamp", expr("current_timestamp"), expr("now()")},
		{Postgres, "date", expr("CURRENT_DATE"), expr("current_date")},
		{Postgres, "date", expr("'2020-01-01'::date"), lit(DefaultString, "2020-01-01")},
		{Postgres, "date", lit(DefaultString, "2020-01-01"), lit(DefaultString, "2020-01-01")},
		{Postgres, "date", expr("(now())::date"), expr("now()::date")},
		{Postgres, "uuid", expr("gen_random_uuid()"), expr("gen_random_uuid()")},
		{Postgres, "text", expr("0"), lit(DefaultString, "0")},
		{Postgres, "text", lit(DefaultNumber, "0"), lit(DefaultString, "0")},
		{Postgres, "jsonb", expr("'{}'::jsonb"), lit(DefaultString, "{}")},
		{Postgres, "integer[]", expr("'{}'::integer[]"), lit(DefaultString, "{}")},
		{Postgres, "text[]", expr("ARRAY[]::text[]"), expr("array[]::text[]")},
		{Postgres, "interval", expr("'1 day'::interval"), lit(DefaultString, "1 day")},
		{Postgres, "char", expr("'a'::bpchar"), lit(DefaultString, "a")},
		{Postgres, "user_role", expr("'viewer'::user_role"), lit(DefaultString, "viewer")},
		{Postgres, "timestamp", expr("(now() + '1 day'::interval)"), expr("now() + '1 day'")},
		{Postgres, "integer", expr("NULL"), nil},
		{Postgres, "text", expr("(NULL::text)"), nil},
		{SQLServer, "int", expr("(NULL)"), expr("null")},
		{Postgres, "serial", expr("nextval('t_id_seq'::regclass)"), nil},
		{Postgres, "integer", expr("nextval('t_id_seq'::regclass)"), expr("nextval('t_id_seq')")},
		{SQLServer, "int", expr("((0))"), lit(DefaultNumber, "0")},
		{SQLServer, "int", lit(DefaultNumber, "0"), lit(DefaultNumber, "0")},
		{SQLServer, "nvarchar(20)", expr("(N'active')"), lit(DefaultString, "active")},
		{SQLServer, "nvarchar(20)", expr("('active')"), lit(DefaultString, "active")},
		{SQLServer, "datetime2", expr("(getdate())"), expr("getdate()")},
		{SQLServer, "datetime2", expr("GETDATE()"), expr("getdate()")},
		{SQLServer, "bit", expr("((0))"), lit(DefaultBool, "false")},
		{SQLServer, "bit", lit(DefaultBool, "false"), lit(DefaultBool, "false")},
		{SQLServer, "uniqueidentifier", expr("(newid())"), expr("newid()")},
	}
	for _, tt := range tests {
		got, err := normalizeColumn(t, tt.d, &Column{Name: "c", Type: tt.typ, Default: tt.in})
		if err != nil {
			t.Errorf("%s %s default %+v: %v", tt.d, tt.typ, tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got.Default); diff != "" {
			t.Errorf("%s %s default %+v (-want +got):\n%s", tt.d, tt.typ, tt.in, diff)
		}
	}
}

func TestNormalizeErrors(t *testing.T) {
	tests := []struct {
		typ     string
		def     *Default
		wantErr string
	}{
		{"integer", &Default{Kind: DefaultString, Value: "abc"}, `table public.t column c: default "abc" is not a number`},
		{"integer", &Default{Kind: DefaultBool, Value: "true"}, `is not a number`},
		{"boolean", &Default{Kind: DefaultString, Value: "maybe"}, `default "maybe" is not a boolean`},
		{"int; drop table x", nil, `table public.t column c: unknown PostgreSQL type "int; drop table x"`},
	}
	for _, tt := range tests {
		_, err := normalizeColumn(t, Postgres, &Column{Name: "c", Type: tt.typ, Default: tt.def, Pos: Pos{File: "a.hcl", Line: 3, Column: 5}})
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "a.hcl:3:5: ") {
			t.Errorf("type %q default %+v: error %v, want one at a.hcl:3:5 containing %q", tt.typ, tt.def, err, tt.wantErr)
		}
		var ds Diagnostics
		if err != nil && !asDiagnostics(err, &ds) {
			t.Errorf("error %T is not Diagnostics", err)
		}
	}
	if _, err := Normalize(&Database{Dialect: "oracle"}); err == nil {
		t.Error("Normalize accepted an unknown dialect")
	}
}

func asDiagnostics(err error, ds *Diagnostics) bool {
	d, ok := err.(Diagnostics)
	*ds = d
	return ok
}

// sampleDesired is a desired schema as a user writes it.
func sampleDesired() *Database {
	return &Database{
		Dialect: Postgres,
		Schemas: []*Schema{{Name: "audit", Comment: "audit trail"}},
		Enums:   []*Enum{{Name: "user_role", Values: []string{"viewer", "editor", "admin"}}},
		Tables: []*Table{
			{
				Name: "users",
				Columns: []*Column{
					{Name: "id", Type: "bigserial"},
					{Name: "email", Type: "VARCHAR(255)", Unique: true, Collation: "default"},
					{Name: "role", Type: "user_role", Default: &Default{Kind: DefaultString, Value: "viewer"}},
					{Name: "roles", Type: "user_role[]", Null: true},
					{Name: "status", Type: "varchar(20)", Default: &Default{Kind: DefaultString, Value: "active"}},
					{Name: "seq", Type: "int", Identity: &Identity{}},
					{Name: "lower_email", Type: "text", Computed: &Computed{Expr: "LOWER(email)"}},
					{Name: "is_deleted", Type: "bool", Default: &Default{Kind: DefaultBool, Value: "false"}},
				},
				PrimaryKey: &PrimaryKey{Columns: []string{"id"}},
				Checks:     []*Check{{Expr: "status IN ('active', 'invited')"}},
				Indexes: []*Index{
					{Name: "users_by_email", Parts: []IndexPart{{Column: "email", Nulls: "LAST"}}, Using: "BTREE", Where: "NOT is_deleted"},
					{Parts: []IndexPart{{Expr: "lower(email)"}, {Expr: "(status)", Desc: true, Nulls: "first"}}},
				},
			},
			{
				Name:   "events",
				Schema: "audit",
				Columns: []*Column{
					{Name: "id", Type: "int8"},
					{Name: "user_id", Type: "bigint"},
				},
				ForeignKeys: []*ForeignKey{{Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: "cascade"}},
			},
		},
	}
}

func TestNormalizeModel(t *testing.T) {
	got, err := Normalize(sampleDesired())
	if err != nil {
		t.Fatal(err)
	}
	want := &Database{
		Dialect: Postgres,
		Schemas: []*Schema{{Name: "audit", Comment: "audit trail"}, {Name: "public"}},
		Enums:   []*Enum{{Schema: "public", Name: "user_role", Values: []string{"viewer", "editor", "admin"}}},
		Tables: []*Table{
			{
				Schema: "audit", Name: "events",
				Columns: []*Column{{Name: "id", Type: "bigint"}, {Name: "user_id", Type: "bigint"}},
				ForeignKeys: []*ForeignKey{{Name: "events_user_id_fkey", Columns: []string{"user_id"}, RefSchema: "public",
					RefTable: "users", RefColumns: []string{"id"}, OnDelete: "CASCADE", OnUpdate: "NO ACTION"}},
			},
			{
				Schema: "public", Name: "users",
				Columns: []*Column{
					{Name: "id", Type: "bigserial"},
					{Name: "email", Type: "character varying(255)"},
					{Name: "role", Type: "public.user_role", Default: &Default{Kind: DefaultString, Value: "viewer"}},
					{Name: "roles", Type: "public.user_role[]", Null: true},
					{Name: "status", Type: "character varying(20)", Default: &Default{Kind: DefaultString, Value: "active"}},
					{Name: "seq", Type: "integer", Identity: &Identity{Seed: 1, Increment: 1}},
					{Name: "lower_email", Type: "text", Computed: &Computed{Expr: "lower(email)", Persisted: true}},
					{Name: "is_deleted", Type: "boolean", Default: &Default{Kind: DefaultBool, Value: "false"}},
				},
				PrimaryKey: &PrimaryKey{Name: "users_pkey", Columns: []string{"id"}},
				Uniques:    []*Unique{{Name: "users_email_key", Columns: []string{"email"}}},
				Checks:     []*Check{{Name: "users_status_check", Expr: "status = any (array['active', 'invited'])"}},
				Indexes: []*Index{
					{Name: "users_by_email", Parts: []IndexPart{{Column: "email"}}, Where: "not is_deleted"},
					{Name: "users_lower_status_idx", Parts: []IndexPart{{Expr: "lower(email)"}, {Column: "status", Desc: true}}},
				},
			},
		},
	}
	if diff := cmp.Diff(want, got, ignorePos); diff != "" {
		t.Errorf("Normalize (-want +got):\n%s", diff)
	}
}

func TestNormalizeIsPureAndIdempotent(t *testing.T) {
	for _, tc := range []struct {
		name string
		db   func() *Database
	}{
		{"postgres", sampleDesired},
		{"sqlserver", sampleSQLServer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.db()
			once, err := Normalize(in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.db(), in); diff != "" {
				t.Errorf("Normalize modified its input (-before +after):\n%s", diff)
			}
			twice, err := Normalize(once)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(once, twice); diff != "" {
				t.Errorf("Normalize is not idempotent (-once +twice):\n%s", diff)
			}
		})
	}
}

func sampleSQLServer() *Database {
	return &Database{
		Dialect: SQLServer,
		Tables: []*Table{
			{
				Name: "users",
				Columns: []*Column{
					{Name: "id", Type: "UNIQUEIDENTIFIER", Default: &Default{Kind: DefaultExpr, Value: "NEWID()"}},
					{Name: "created_at", Type: "datetime2(7)", Default: &Default{Kind: DefaultExpr, Value: "GETDATE()"}},
					{Name: "is_deleted", Type: "bit", Default: &Default{Kind: DefaultBool, Value: "false"}},
					{Name: "email", Type: "NVARCHAR(255)"},
					{Name: "index_id", Type: "bigint", Identity: &Identity{}},
				},
				PrimaryKey: &PrimaryKey{Columns: []string{"id"}},
				Indexes: []*Index{
					{Name: "ix_users_index_id", Parts: []IndexPart{{Column: "index_id"}}, Unique: true, Clustered: boolPtr(true)},
					{Name: "ix_users_email", Parts: []IndexPart{{Column: "email"}}, Where: "[is_deleted]=(0)"},
				},
			},
			{
				Name:       "tenants",
				Columns:    []*Column{{Name: "id", Type: "int"}},
				PrimaryKey: &PrimaryKey{Name: "PK_tenants", Columns: []string{"id"}},
			},
		},
	}
}

func TestNormalizeSQLServer(t *testing.T) {
	got, err := Normalize(sampleSQLServer())
	if err != nil {
		t.Fatal(err)
	}
	want := &Database{
		Dialect: SQLServer,
		Schemas: []*Schema{{Name: "dbo"}},
		Tables: []*Table{
			{
				Schema: "dbo", Name: "tenants",
				Columns:    []*Column{{Name: "id", Type: "int"}},
				PrimaryKey: &PrimaryKey{Name: "PK_tenants", Columns: []string{"id"}, Clustered: boolPtr(true), ClusteredImplied: true},
			},
			{
				Schema: "dbo", Name: "users",
				Columns: []*Column{
					{Name: "id", Type: "uniqueidentifier", Default: &Default{Kind: DefaultExpr, Value: "newid()"}, DefaultName: "df_users_id"},
					{Name: "created_at", Type: "datetime2", Default: &Default{Kind: DefaultExpr, Value: "getdate()"}, DefaultName: "df_users_created_at"},
					{Name: "is_deleted", Type: "bit", Default: &Default{Kind: DefaultBool, Value: "false"}, DefaultName: "df_users_is_deleted"},
					{Name: "email", Type: "nvarchar(255)"},
					{Name: "index_id", Type: "bigint", Identity: &Identity{Seed: 1, Increment: 1}},
				},
				PrimaryKey: &PrimaryKey{Name: "pk_users", Columns: []string{"id"}, Clustered: boolPtr(false), ClusteredImplied: true},
				Indexes: []*Index{
					{Name: "ix_users_email", Parts: []IndexPart{{Column: "email"}}, Where: "is_deleted = 0", Clustered: boolPtr(false)},
					{Name: "ix_users_index_id", Parts: []IndexPart{{Column: "index_id"}}, Unique: true, Clustered: boolPtr(true)},
				},
			},
		},
	}
	if diff := cmp.Diff(want, got, ignorePos); diff != "" {
		t.Errorf("Normalize (-want +got):\n%s", diff)
	}
}

// TestDesiredMatchesIntrospected normalizes a desired schema as a user writes
// it and the same schema as PostgreSQL 15 reports it (names it chose, texts
// of pg_get_expr and format_type), and expects no difference.
func TestDesiredMatchesIntrospected(t *testing.T) {
	desired := &Database{
		Dialect: Postgres,
		Enums:   []*Enum{{Name: "user_role", Values: []string{"viewer", "admin"}}},
		Tables: []*Table{{
			Name: "users",
			Columns: []*Column{
				{Name: "id", Type: "bigserial"},
				{Name: "email", Type: "varchar(255)", Unique: true},
				{Name: "status", Type: "varchar(20)", Default: &Default{Kind: DefaultString, Value: "active"}},
				{Name: "role", Type: "user_role", Default: &Default{Kind: DefaultString, Value: "viewer"}},
				{Name: "amount", Type: "numeric", Default: &Default{Kind: DefaultNumber, Value: "0"}},
				{Name: "qty", Type: "int", Null: true},
				{Name: "total", Type: "numeric", Null: true, Computed: &Computed{Expr: "amount * qty", Persisted: true}},
				{Name: "created_at", Type: "timestamptz", Default: &Default{Kind: DefaultExpr, Value: "CURRENT_TIMESTAMP"}},
				{Name: "is_deleted", Type: "bool", Default: &Default{Kind: DefaultBool, Value: "false"}},
			},
			PrimaryKey: &PrimaryKey{Columns: []string{"id"}},
			Checks: []*Check{
				{Expr: "status IN ('active', 'invited', 'suspended')"},
				{Expr: "amount > 0"},
			},
			Indexes: []*Index{
				{Parts: []IndexPart{{Expr: "lower(email)"}}},
				{Parts: []IndexPart{{Column: "status"}}, Where: "is_deleted = false AND amount > 100"},
			},
		}},
	}
	introspected := &Database{
		Dialect: Postgres,
		Schemas: []*Schema{{Name: "public"}},
		Enums:   []*Enum{{Schema: "public", Name: "user_role", Values: []string{"viewer", "admin"}}},
		Tables: []*Table{{
			Schema: "public", Name: "users",
			Columns: []*Column{
				{Name: "id", Type: "bigserial"},
				{Name: "email", Type: "character varying(255)"},
				{Name: "status", Type: "character varying(20)", Default: &Default{Kind: DefaultExpr, Value: "'active'::character varying"}},
				{Name: "role", Type: "public.user_role", Default: &Default{Kind: DefaultExpr, Value: "'viewer'::user_role"}},
				{Name: "amount", Type: "numeric", Default: &Default{Kind: DefaultExpr, Value: "0"}},
				{Name: "qty", Type: "integer", Null: true},
				{Name: "total", Type: "numeric", Null: true, Computed: &Computed{Expr: "(amount * (qty)::numeric)", Persisted: true}},
				{Name: "created_at", Type: "timestamp with time zone", Default: &Default{Kind: DefaultExpr, Value: "now()"}},
				{Name: "is_deleted", Type: "boolean", Default: &Default{Kind: DefaultExpr, Value: "false"}},
			},
			PrimaryKey: &PrimaryKey{Name: "users_pkey", Columns: []string{"id"}},
			Uniques:    []*Unique{{Name: "users_email_key", Columns: []string{"email"}}},
			Checks: []*Check{
				{Name: "users_amount_check", Expr: "(amount > (0)::numeric)"},
				{Name: "users_status_check", Expr: "((status)::text = ANY ((ARRAY['active'::character varying, 'invited'::character varying, 'suspended'::character varying])::text[]))"},
			},
			Indexes: []*Index{
				{Name: "users_lower_idx", Parts: []IndexPart{{Expr: "lower((email)::text)"}}},
				{Name: "users_status_idx", Parts: []IndexPart{{Column: "status"}}, Where: "((is_deleted = false) AND (amount > (100)::numeric))"},
			},
			ForeignKeys: nil,
		}},
	}
	a, err := Normalize(desired)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Normalize(introspected)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, b, ignorePos); diff != "" {
		t.Errorf("desired and introspected differ (-desired +introspected):\n%s", diff)
	}
}
