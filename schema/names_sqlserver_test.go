package schema

import (
	"strings"
	"testing"
)

// TestNormalizeNamesSQLServer checks schemadiff's naming convention for the
// SQL Server objects a schema leaves unnamed (and that introspection leaves
// unnamed when the server generated the name): every kind named, clashes
// numbered, names taken by named objects skipped, numbering by definition
// rather than declaration order, long names cut to 128 characters.
func TestNormalizeNamesSQLServer(t *testing.T) {
	long := strings.Repeat("c", 130)
	tests := []struct {
		name  string
		table *Table
		want  []string // kind:name, in the table's canonical order
	}{
		{
			name: "every kind",
			table: &Table{
				Name: "users",
				Columns: []*Column{{Name: "id", Type: "int"}, {Name: "tenant_id", Type: "int"}, {Name: "email", Type: "nvarchar(50)"},
					{Name: "status", Type: "nvarchar(20)", Default: &Default{Kind: DefaultString, Value: "active"}}},
				PrimaryKey:  &PrimaryKey{Columns: []string{"id"}, SystemName: "PK__users__3213E83F0A9D95DB"},
				Uniques:     []*Unique{{Columns: []string{"tenant_id", "email"}}},
				ForeignKeys: []*ForeignKey{{Columns: []string{"tenant_id"}, RefTable: "users", RefColumns: []string{"id"}}},
				Checks:      []*Check{{Expr: "[status]<>''"}, {Expr: "len(email) > 3 and len(status) > 1"}},
				Indexes:     []*Index{{Parts: []IndexPart{{Column: "tenant_id"}, {Column: "status", Desc: true}}}},
			},
			want: []string{"pk:pk_users", "df:df_users_status", "uq:uq_users_tenant_id_email", "fk:fk_users_tenant_id",
				"ck:ck_users", "ck:ck_users_status", "ix:ix_users_tenant_id_status"},
		},
		{
			name: "clashes numbered, names of named objects skipped, numbering by definition",
			table: &Table{
				Name:    "t",
				Columns: []*Column{{Name: "a", Type: "int"}},
				Uniques: []*Unique{{Name: "uq_t_a1", Columns: []string{"a"}}},
				Checks:  []*Check{{Expr: "a < 10"}, {Name: "ck_t_a", Expr: "a <> 5"}, {Expr: "a > 0"}},
				Indexes: []*Index{{Parts: []IndexPart{{Column: "a", Desc: true}}}, {Name: "ix_t_a", Parts: []IndexPart{{Column: "a"}}},
					{Parts: []IndexPart{{Column: "a"}}, Where: "a > 0"}},
			},
			want: []string{"uq:uq_t_a1", "ck:ck_t_a", "ck:ck_t_a1", "ck:ck_t_a2", "ix:ix_t_a", "ix:ix_t_a1", "ix:ix_t_a2"},
		},
		{
			name: "the same objects declared in the other order get the same names",
			table: &Table{
				Name:    "t",
				Columns: []*Column{{Name: "a", Type: "int"}},
				Checks:  []*Check{{Expr: "a > 0"}, {Expr: "a <> 5"}, {Expr: "a < 10"}},
				Indexes: []*Index{{Parts: []IndexPart{{Column: "a"}}, Where: "a > 0"}, {Parts: []IndexPart{{Column: "a", Desc: true}}}},
			},
			want: []string{"ck:ck_t_a", "ck:ck_t_a1", "ck:ck_t_a2", "ix:ix_t_a", "ix:ix_t_a1"},
		},
		{
			name: "an index name clashing with a unique constraint's",
			table: &Table{
				Name:    "t",
				Columns: []*Column{{Name: "a", Type: "int"}},
				Uniques: []*Unique{{Name: "ix_t_a", Columns: []string{"a"}}},
				Indexes: []*Index{{Parts: []IndexPart{{Column: "a"}}}},
			},
			want: []string{"uq:ix_t_a", "ix:ix_t_a1"},
		},
		{
			name: "long names cut to 128 characters with the number",
			table: &Table{
				Name:    "t",
				Columns: []*Column{{Name: long, Type: "int"}},
				Checks:  []*Check{{Expr: "[" + long + "] > 0"}, {Expr: "[" + long + "] < 9"}},
			},
			want: []string{"ck:ck_t_" + long[:120], "ck:ck_t_" + long[:120] + "1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := Normalize(&Database{Dialect: SQLServer, Tables: []*Table{tt.table}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			tb := db.Tables[0]
			if tb.PrimaryKey != nil {
				got = append(got, "pk:"+tb.PrimaryKey.Name)
			}
			for _, c := range tb.Columns {
				if c.DefaultName != "" {
					got = append(got, "df:"+c.DefaultName)
				}
			}
			for _, u := range tb.Uniques {
				got = append(got, "uq:"+u.Name)
			}
			for _, f := range tb.ForeignKeys {
				got = append(got, "fk:"+f.Name)
			}
			for _, c := range tb.Checks {
				got = append(got, "ck:"+c.Name)
			}
			for _, x := range tb.Indexes {
				got = append(got, "ix:"+x.Name)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("names:\n got %q\nwant %q", got, tt.want)
			}
			for _, n := range got {
				if len(n)-3 > msMaxIdent {
					t.Errorf("%s is longer than %d characters", n, msMaxIdent)
				}
			}
		})
	}
}
