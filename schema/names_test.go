package schema

import (
	"sort"
	"strings"
	"testing"
)

// The expected names in these tests were read back from a PostgreSQL 15.18
// server after creating the same objects without names.

func TestPGObjectName(t *testing.T) {
	long := strings.Repeat("a", 58)
	b33, b63 := strings.Repeat("b", 33), strings.Repeat("b", 63)
	tests := []struct {
		name1, name2, label, want string
	}{
		{"users", "", "pkey", "users_pkey"},
		{"users", "email", "key", "users_email_key"},
		{long, b33, "key", strings.Repeat("a", 29) + "_" + strings.Repeat("b", 29) + "_key"},
		{long, "", "pkey", long + "_pkey"},
		{long, "cc", "check", strings.Repeat("a", 54) + "_cc_check"},
		{long, "dd", "fkey", strings.Repeat("a", 55) + "_dd_fkey"},
		{"shorty", b63, "key", "shorty_" + strings.Repeat("b", 52) + "_key"},
		{"shorty", b63, "idx", "shorty_" + strings.Repeat("b", 52) + "_idx"},
		{"tä", strings.Repeat("ö", 31), "key", "tä_" + strings.Repeat("ö", 27) + "_key"}, // multi-byte: never split a character
	}
	for _, tt := range tests {
		got := pgObjectName(tt.name1, tt.name2, tt.label)
		if got != tt.want {
			t.Errorf("pgObjectName(%q, %q, %q) = %q, want %q", tt.name1, tt.name2, tt.label, got, tt.want)
		}
		if len(got) > pgMaxIdent {
			t.Errorf("pgObjectName(%q, %q, %q) is %d bytes long", tt.name1, tt.name2, tt.label, len(got))
		}
	}
}

func TestPGIndexColumnNames(t *testing.T) {
	tests := []struct {
		parts   []IndexPart
		include []string
		want    string
	}{
		{[]IndexPart{{Column: "email"}}, nil, "email"},
		{[]IndexPart{{Column: "tenant_id"}, {Column: "email"}}, nil, "tenant_id_email"},
		{[]IndexPart{{Expr: "lower(email)"}}, nil, "lower"},
		{[]IndexPart{{Expr: "lower(email)"}, {Column: "tenant_id"}}, nil, "lower_tenant_id"},
		{[]IndexPart{{Expr: "lower(b)"}, {Expr: "lower(c::text)"}}, nil, "lower_lower1"},
		{[]IndexPart{{Expr: "n1 + n2"}}, nil, "expr"},
		{[]IndexPart{{Expr: "x * 2"}, {Column: "y"}}, nil, "expr_y"},
		{[]IndexPart{{Expr: "coalesce(name, '')"}}, nil, "coalesce"},
		{[]IndexPart{{Expr: "date_trunc('day', t4)"}}, nil, "date_trunc"},
		{[]IndexPart{{Expr: "case when a > 0 then 1 end"}}, nil, "case"},
		{[]IndexPart{{Expr: "c::text"}}, nil, "c"},
		{[]IndexPart{{Column: "a"}}, []string{"b"}, "a_b"},
	}
	for _, tt := range tests {
		got := pgNameAddition(pgIndexColumnNames(tt.parts, tt.include))
		if got != tt.want {
			t.Errorf("index column names of %+v include %v = %q, want %q", tt.parts, tt.include, got, tt.want)
		}
	}
}

// TestNormalizeNamesLikePostgres declares tables the way the recorded
// server session created them and expects the names the server chose.
func TestNormalizeNamesLikePostgres(t *testing.T) {
	col := func(name, typ string) *Column { return &Column{Name: name, Type: typ} }
	users := &Table{
		Name: "users",
		Columns: []*Column{col("id", "bigint"), {Name: "email", Type: "varchar(255)", Unique: true}, col("status", "varchar(20)"),
			col("name", "text"), col("n1", "int"), col("n2", "int"), col("n3", "int"), col("amount", "numeric"),
			col("tenant_id", "int"), col("t4", "timestamp"), col("is_deleted", "bool"), col("j1", "jsonb")},
		PrimaryKey: &PrimaryKey{Columns: []string{"id"}},
		Uniques:    []*Unique{{Columns: []string{"tenant_id", "email"}}, {Columns: []string{"n1", "n2"}}},
		Checks: []*Check{
			{Expr: "status IN ('active', 'invited')"}, {Expr: "amount > 0"},
			{Expr: "name IS NOT NULL OR email IS NOT NULL"}, {Expr: "n2 + n3 * 2 > 0"},
			{Expr: "email LIKE '%@%'"}, {Expr: "email NOT LIKE 'x%'"}, {Expr: "n1 BETWEEN 0 AND 10"},
			{Expr: `"n1" >= 0`}, {Expr: "email = lower(email)"},
		},
		Indexes: []*Index{
			{Parts: []IndexPart{{Column: "email"}}},
			{Parts: []IndexPart{{Expr: "lower(email)"}}},
			{Parts: []IndexPart{{Column: "tenant_id"}, {Column: "email"}}},
			{Parts: []IndexPart{{Column: "tenant_id"}, {Column: "email"}}},
			{Parts: []IndexPart{{Expr: "(n1 + n2)"}}},
			{Parts: []IndexPart{{Column: "j1"}}, Using: "gin"},
			{Parts: []IndexPart{{Column: "email"}}, Where: "is_deleted = false"},
			{Parts: []IndexPart{{Expr: "coalesce(name, '')"}}},
			{Parts: []IndexPart{{Expr: "(name || email)"}}},
		},
	}
	orders := &Table{
		Name:    "orders",
		Columns: []*Column{col("id", "serial"), col("user_id", "bigint"), col("tenant_id", "int")},
		ForeignKeys: []*ForeignKey{
			{Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}},
			{Columns: []string{"tenant_id", "user_id"}, RefTable: "users", RefColumns: []string{"n1", "id"}},
		},
		PrimaryKey: &PrimaryKey{Columns: []string{"id"}},
	}
	multi := &Table{
		Name:    "multi",
		Columns: []*Column{col("a", "int"), col("b", "int"), col("c", "int")},
		Checks:  []*Check{{Expr: "a > b and b > c"}, {Expr: "a > 0"}, {Expr: "a > 1"}},
		Uniques: []*Unique{{Columns: []string{"a"}}, {Columns: []string{"a", "b", "c"}}},
	}
	got, err := Normalize(&Database{Dialect: Postgres, Tables: []*Table{users, orders, multi}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"multi":  {"multi_a_b_c_key", "multi_a_check", "multi_a_check1", "multi_a_key", "multi_check"},
		"orders": {"orders_pkey", "orders_tenant_id_user_id_fkey", "orders_user_id_fkey"},
		"users": {
			"users_amount_check", "users_check", "users_check1", "users_coalesce_idx", "users_email_check",
			"users_email_check1", "users_email_check2", "users_email_idx", "users_email_idx1", "users_email_key",
			"users_expr_idx", "users_expr_idx1", "users_j1_idx", "users_lower_idx", "users_n1_check",
			"users_n1_check1", "users_n1_n2_key", "users_pkey", "users_status_check",
			"users_tenant_id_email_idx", "users_tenant_id_email_idx1", "users_tenant_id_email_key",
		},
	}
	for _, tab := range got.Tables {
		names := objectNames(tab)
		if strings.Join(names, " ") != strings.Join(want[tab.Name], " ") {
			t.Errorf("table %s names:\n got %q\nwant %q", tab.Name, names, want[tab.Name])
		}
	}
}

// objectNames lists the names of a table's constraints and indexes, sorted.
func objectNames(t *Table) []string {
	var names []string
	if t.PrimaryKey != nil {
		names = append(names, t.PrimaryKey.Name)
	}
	for _, u := range t.Uniques {
		names = append(names, u.Name)
	}
	for _, c := range t.Checks {
		names = append(names, c.Name)
	}
	for _, f := range t.ForeignKeys {
		names = append(names, f.Name)
	}
	for _, x := range t.Indexes {
		names = append(names, x.Name)
	}
	sort.Strings(names)
	return names
}
