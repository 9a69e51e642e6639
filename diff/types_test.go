package diff

import (
	"reflect"
	"slices"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

func TestTypeChange(t *testing.T) {
	for _, tc := range []struct {
		old, new          string
		narrows, rewrites bool
	}{
		// integers and floats
		{"integer", "bigint", false, true},
		{"bigint", "integer", true, true},
		{"smallint", "integer", false, true},
		{"serial", "integer", false, false},
		{"integer", "bigserial", false, true},
		{"real", "double precision", false, true},
		{"double precision", "real", true, true},
		{"integer", "double precision", false, true},
		{"bigint", "double precision", true, true},
		{"smallint", "real", false, true},
		// numeric
		{"numeric(10,2)", "numeric(12,2)", false, false},
		{"numeric(10,2)", "numeric(8,2)", true, true},
		{"numeric(10,2)", "numeric(10,1)", true, true},
		{"numeric(10,2)", "numeric(12,4)", false, true},
		{"numeric(10,2)", "numeric", false, false},
		{"numeric", "numeric(10,2)", true, true},
		{"integer", "numeric(10,0)", false, true},
		{"integer", "numeric(9,0)", true, true},
		{"bigint", "numeric", false, true},
		{"numeric(5,0)", "integer", true, true},
		// strings
		{"character varying(50)", "character varying(100)", false, false},
		{"character varying(100)", "character varying(50)", true, true},
		{"character varying(50)", "text", false, false},
		{"character varying(50)", "character varying", false, false},
		{"text", "character varying", false, false},
		{"character varying", "text", false, false},
		{"text", "character varying(20)", true, true},
		{"character(10)", "character(20)", false, true},
		{"character(10)", "text", false, true},
		{"text", "character(1)", true, true},
		{"text", "integer", true, true},
		{"integer", "text", true, true},
		{"text[]", "character varying(10)[]", true, true},
		{"text", "text[]", true, true},
		{"integer[]", "bigint[]", false, true},
		// date and time
		{"timestamp with time zone", "timestamp without time zone", true, true},
		{"timestamp without time zone", "timestamp with time zone", false, true},
		{"timestamp(3) without time zone", "timestamp without time zone", false, false},
		{"timestamp without time zone", "timestamp(3) without time zone", true, true},
		{"date", "timestamp without time zone", false, true},
		{"timestamp without time zone", "date", true, true},
		{"time without time zone", "time with time zone", false, true},
		{"time with time zone", "time without time zone", true, true},
		// others
		{"json", "jsonb", false, true},
		{"jsonb", "json", false, true},
		{"uuid", "text", true, true},
		{"public.role", "text", false, true},
		{"public.role", "character varying(5)", true, true},
		{"text", "public.role", true, true},
		{"public.role", "public.other_role", true, true},
		{"inet", "cidr", true, true},
		{"bytea", "bytea", false, false},
		// SQL Server spellings
		{"nvarchar(50)", "nvarchar(max)", false, false},
		{"nvarchar(100)", "nvarchar(50)", true, true},
		{"nvarchar(50)", "varchar(50)", true, true},
		{"varchar(50)", "nvarchar(50)", false, false},
		{"int", "bigint", false, true},
		{"tinyint", "smallint", false, true},
		{"decimal(18,2)", "decimal(10,2)", true, true},
		{"datetime2", "datetime2(3)", true, true},
		{"datetime", "datetime2", false, false},
		{"datetime2", "datetimeoffset", false, true},
		{"bit", "int", true, true},
	} {
		narrows, rewrites := typeChange(tc.old, tc.new)
		if narrows != tc.narrows || rewrites != tc.rewrites {
			t.Errorf("typeChange(%q, %q) = narrows %v, rewrites %v; want %v, %v", tc.old, tc.new, narrows, rewrites, tc.narrows, tc.rewrites)
		}
	}
}

func TestColumnIdents(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string
	}{
		{"email <> ''", []string{"email"}},
		{"lower(email)", []string{"email"}},
		{`"Email" = 'email' AND status IN ('a', 'it''s')`, []string{"Email", "AND", "status"}}, // IN( reads as a call
		{"price::numeric(10,2) > 1.5e3", []string{"price"}},
		{"[is_deleted] = 0", []string{"is_deleted"}},
		{"t.col > 0", []string{"col"}},
		{`"a""b" > 0`, []string{`a"b`}},
	} {
		var got []string
		for _, id := range columnIdents(tc.expr) {
			got = append(got, id.name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("columnIdents(%q) = %q, want %q", tc.expr, got, tc.want)
		}
	}
}

func TestRenameInExpr(t *testing.T) {
	for _, tc := range []struct {
		expr, old, new, want string
	}{
		{"mail <> ''", "mail", "email", "email <> ''"},
		{"lower(mail) = 'mail'", "mail", "email", "lower(email) = 'mail'"},
		{`"mail" IS NOT NULL AND mailbox > 0`, "mail", "email", `email IS NOT NULL AND mailbox > 0`},
		{"MAIL > 0", "mail", "Email", `"Email" > 0`},
		{"mail(x) > 0", "mail", "email", "mail(x) > 0"},
		{"[mail] = 1", "mail", "email", "email = 1"},
		{"status = 'a'", "mail", "email", "status = 'a'"},
		{"mail <> ''", "mail", "order", `"order" <> ''`},
	} {
		if got := renameInExpr(schema.Postgres, tc.expr, tc.old, tc.new); got != tc.want {
			t.Errorf("renameInExpr(%q, %q, %q) = %q, want %q", tc.expr, tc.old, tc.new, got, tc.want)
		}
	}
}

// TestEqualCoversEveryField fails when the model gains a field, so that the
// equal* functions (and columnAlter) are kept up to date with it. Fields
// listed here that those functions don't read are ignored on purpose: Pos,
// SystemName and DefaultSystemName (live names, not definitions), Comment
// (its own change), Unique and RenamedFrom (not canonical / hints),
// ClusteredImplied (how Normalize got the value, not the value) and the
// source texts of expressions (Source, WhereSource, ExprSource: comparisons
// use the canonical text).
func TestEqualCoversEveryField(t *testing.T) {
	for _, tc := range []struct {
		value  any
		fields []string
	}{
		{schema.PrimaryKey{}, []string{"Name", "Columns", "Clustered", "Desc", "ClusteredImplied", "SystemName", "Deferrable", "InitiallyDeferred", "Comment", "Pos"}},
		{schema.Unique{}, []string{"Name", "Columns", "Clustered", "Desc", "SystemName", "NullsNotDistinct", "Deferrable", "InitiallyDeferred", "Comment", "Pos"}},
		{schema.Check{}, []string{"Name", "Expr", "Source", "ConstraintState", "NotValid", "NoInherit", "Comment", "SystemName", "Pos"}},
		{schema.Index{}, []string{"Name", "Unique", "Parts", "Include", "Where", "WhereSource", "Using", "Clustered", "Columnstore", "FillFactor", "PadIndex", "IgnoreDupKey", "DataCompression", "NullsNotDistinct", "With", "Comment", "Pos"}},
		{schema.IndexPart{}, []string{"Column", "Expr", "ExprSource", "Desc", "Nulls", "Collation", "Opclass"}},
		{schema.Default{}, []string{"Kind", "Value", "Source"}},
		{schema.Computed{}, []string{"Expr", "Persisted", "Source"}},
		{schema.Identity{}, []string{"Always", "Seed", "Increment", "MinValue", "MaxValue", "Cache", "Cycle", "NotForReplication"}},
		{schema.ForeignKey{}, []string{"Name", "Columns", "RefSchema", "RefTable", "RefColumns", "OnDelete", "OnUpdate", "Deferrable", "InitiallyDeferred", "ConstraintState", "MatchFull", "NotValid", "Comment", "SystemName", "Pos"}},
		{schema.Column{}, []string{"Name", "Type", "Null", "Default", "Identity", "Computed", "Collation", "Comment", "Compression", "Storage", "Unique", "RenamedFrom", "Using", "UsingDown", "DefaultName", "DefaultSystemName", "Pos"}},
	} {
		typ := reflect.TypeOf(tc.value)
		var got []string
		for i := range typ.NumField() {
			got = append(got, typ.Field(i).Name)
		}
		if !slices.Equal(got, tc.fields) {
			t.Errorf("%s has fields %q; the diff compares %q: update equal.go / columnAlter", typ.Name(), got, tc.fields)
		}
	}
}

func TestLengthensOnly(t *testing.T) {
	tests := []struct {
		old, new string
		want     bool
	}{
		{"nvarchar(10)", "nvarchar(20)", true},
		{"varchar(10)", "varchar(10)", true},
		{"varbinary(16)", "varbinary(32)", true},
		{"nvarchar(20)", "nvarchar(10)", false},   // narrowing
		{"nvarchar(10)", "nvarchar(max)", false},  // to a large object type
		{"nvarchar(max)", "nvarchar(max)", false}, // no length to compare
		{"varchar(10)", "nvarchar(20)", false},    // another type
		{"char(10)", "char(20)", false},           // fixed length: not in the documented list
		{"nchar(10)", "nchar(20)", false},
		{"binary(8)", "binary(16)", false},
		{"int", "bigint", false},
	}
	for _, tt := range tests {
		if got := lengthensOnly(tt.old, tt.new); got != tt.want {
			t.Errorf("lengthensOnly(%q, %q) = %v, want %v", tt.old, tt.new, got, tt.want)
		}
	}
}
