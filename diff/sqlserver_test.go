package diff

import (
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

func TestSQLServer(t *testing.T) { runCases(t, sqlserverCases()) }

// ms builds a canonical SQL Server database of tables (in schema dbo).
func ms(tables ...*schema.Table) *schema.Database {
	db := &schema.Database{Dialect: schema.SQLServer, Schemas: []*schema.Schema{{Name: "dbo"}}}
	db.Tables = append(db.Tables, tables...)
	return db
}

// msTable builds a dbo table with a clustered "id int" primary key
// pk_<name> and the given columns after it.
func msTable(name string, cols ...*schema.Column) *schema.Table {
	return &schema.Table{
		Schema:     "dbo",
		Name:       name,
		Columns:    append([]*schema.Column{col("id", "int")}, cols...),
		PrimaryKey: &schema.PrimaryKey{Name: "pk_" + name, Columns: []string{"id"}, Clustered: new(true)},
	}
}

// msIndex builds a SQL Server index on columns, clustered or not.
func msIndex(name string, clustered bool, columns ...string) *schema.Index {
	x := index(name, columns...)
	x.Clustered = new(clustered)
	return x
}

// computed builds a nullable SQL Server computed column of expression expr.
func computed(name, expr string) *schema.Column {
	return &schema.Column{Name: name, Null: true, Computed: &schema.Computed{Expr: expr}}
}

// inUse builds dbo.a, whose column code (of type typ, nullable or not) an
// index, a unique, a check and a foreign key of dbo.b use.
func inUse(typ string, null bool) *schema.Database {
	return ms(
		with(withIndexes(msTable("a", &schema.Column{Name: "code", Type: typ, Null: null}), msIndex("ix_code", false, "code")), func(t *schema.Table) {
			t.Uniques = []*schema.Unique{{Name: "uq_code", Columns: []string{"code"}, Clustered: new(false)}}
			t.Checks = []*schema.Check{{Name: "ck_code", Expr: "code <> ''"}}
		}),
		with(msTable("b", col("a_code", "nvarchar(2)")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{{Name: "fk_b_a", Columns: []string{"a_code"}, RefSchema: "dbo", RefTable: "a", RefColumns: []string{"code"}, OnDelete: "NO ACTION", OnUpdate: "NO ACTION"}}
		}))
}

// withIndexes returns t with indexes xs.
func withIndexes(t *schema.Table, xs ...*schema.Index) *schema.Table {
	return with(t, func(t *schema.Table) { t.Indexes = xs })
}

func sqlserverCases() []diffCase {
	nonclusteredPK := func(implied bool) func(t *schema.Table) {
		return func(t *schema.Table) { t.PrimaryKey.Clustered, t.PrimaryKey.ClusteredImplied = new(false), implied }
	}
	filtered := func(x *schema.Index, where string) *schema.Index { x.Where = where; return x }
	unique := func(x *schema.Index) *schema.Index { x.Unique = true; return x }
	return []diffCase{{
		name: "new table: the clustered index before the nonclustered ones",
		from: ms(),
		to: ms(with(withIndexes(msTable("users", col("a", "int")),
			msIndex("ix_a", false, "a"), msIndex("ix_z", true, "a", "id")), nonclusteredPK(false))),
		want: []string{"create_table dbo.users", "create_index dbo.users ix_z", "create_index dbo.users ix_a"},
	}, {
		name: "new table: primary key made nonclustered by Normalize: warning",
		from: ms(),
		to:   ms(with(withIndexes(msTable("users", col("a", "int")), msIndex("cx_a", true, "a")), nonclusteredPK(true))),
		want: []string{"create_table dbo.users !implicit-nonclustered-pk/warning", "create_index dbo.users cx_a"},
	}, {
		name: "new table: primary key left implicitly clustered beside a clustered index: error",
		from: ms(),
		to: ms(with(withIndexes(msTable("users", col("a", "int")), msIndex("cx_a", true, "a")),
			func(t *schema.Table) { t.PrimaryKey.Clustered = nil })),
		want: []string{"create_table dbo.users !implicit-clustered-pk/error", "create_index dbo.users cx_a"},
	}, {
		name: "existing table: clustered index created first, dropped last, with rebuild hazards",
		from: ms(withIndexes(with(msTable("t", col("a", "int")), nonclusteredPK(false)), msIndex("cx_old", true, "a"), msIndex("ix_b", false, "a", "id"))),
		to:   ms(withIndexes(with(msTable("t", col("a", "int")), nonclusteredPK(false)), msIndex("ix_a", false, "a"), msIndex("cx_new", true, "a", "id"))),
		want: []string{
			"drop_index dbo.t ix_b",
			"drop_index dbo.t cx_old !clustered-rebuild/warning",
			"create_index dbo.t cx_new !blocking-index/warning !clustered-rebuild/warning",
			"create_index dbo.t ix_a !blocking-index/warning",
		},
	}, {
		name: "filter lost, filter changed on a unique index",
		from: ms(withIndexes(msTable("t", col("a", "int"), col("d", "bit")),
			filtered(msIndex("ix_a", false, "a"), "d = 0"), unique(filtered(msIndex("ux_a", false, "a"), "d = 0")))),
		to: ms(withIndexes(msTable("t", col("a", "int"), col("d", "bit")),
			msIndex("ix_a", false, "a"), unique(filtered(msIndex("ux_a", false, "a"), "d = 1")))),
		want: []string{
			"drop_index dbo.t ix_a",
			"drop_index dbo.t ux_a",
			"create_index dbo.t ix_a !blocking-index/warning !filter-lost/warning",
			"create_index dbo.t ux_a !blocking-index/warning !unique-may-fail/warning !filter-changed/warning !unique-filter-changed/warning",
		},
	}, {
		name: "identity added: the column is dropped and added again, its index too",
		from: ms(withIndexes(msTable("t", col("n", "bigint")), msIndex("ix_n", false, "n"))),
		to: ms(withIndexes(msTable("t", &schema.Column{Name: "n", Type: "bigint", Identity: &schema.Identity{Seed: 1, Increment: 1}}),
			msIndex("ix_n", false, "n"))),
		want: []string{
			"drop_index dbo.t ix_n",
			"drop_column dbo.t.n !drop-column/error",
			"add_column dbo.t.n",
			"create_index dbo.t ix_n !blocking-index/warning",
		},
	}, {
		name: "ALTER COLUMN of a column in use: its index, check, key and foreign keys around it",
		from: inUse("nvarchar(2)", false),
		to:   inUse("nvarchar(2)", true),
		want: []string{
			"drop_foreign_key dbo.b fk_b_a",
			"drop_index dbo.a ix_code",
			"drop_check dbo.a ck_code",
			"drop_unique dbo.a uq_code",
			"alter_column dbo.a.code {Type:false Null:true Default:false Identity:false Computed:false Collation:false} !alter-column-in-use/warning",
			"add_unique dbo.a uq_code !unique-may-fail/warning",
			"add_check dbo.a ck_code !check-may-fail/warning",
			"create_index dbo.a ix_code !blocking-index/warning",
			"add_foreign_key dbo.b fk_b_a !fk-may-fail/warning",
		},
	}, {
		name: "ALTER COLUMN that only lengthens an nvarchar: index, check and unique stay, the foreign key moves",
		from: inUse("nvarchar(2)", false),
		to:   inUse("nvarchar(3)", false),
		want: []string{
			"drop_foreign_key dbo.b fk_b_a",
			"alter_column dbo.a.code {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !alter-column-in-use/warning",
			"add_foreign_key dbo.b fk_b_a !fk-may-fail/warning",
		},
	}, {
		name: "ALTER COLUMN that lengthens a varbinary used by a key and a filtered index: both move, the plain index stays",
		from: ms(withIndexes(with(msTable("t", col("h", "varbinary(16)"), col("k", "int")), func(t *schema.Table) {
			t.PrimaryKey.Columns = []string{"id", "h"}
		}), msIndex("ix_h", false, "h"), filtered(msIndex("ix_k", false, "k"), "h IS NOT NULL"))),
		to: ms(withIndexes(with(msTable("t", col("h", "varbinary(32)"), col("k", "int")), func(t *schema.Table) {
			t.PrimaryKey.Columns = []string{"id", "h"}
		}), msIndex("ix_h", false, "h"), filtered(msIndex("ix_k", false, "k"), "h IS NOT NULL"))),
		want: []string{
			"drop_index dbo.t ix_k",
			"drop_primary_key dbo.t pk_t !clustered-rebuild/warning",
			"alter_column dbo.t.h {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !alter-column-in-use/warning",
			"add_primary_key dbo.t pk_t !unique-may-fail/warning !clustered-rebuild/warning",
			"create_index dbo.t ix_k !blocking-index/warning",
		},
	}, {
		name: "ALTER COLUMN to nvarchar(max), to another type or lengthening with a null change: everything moves",
		from: ms(withIndexes(msTable("t", col("a", "nvarchar(10)"), col("b", "varchar(10)"), col("c", "nvarchar(10)")),
			msIndex("ix_a", false, "a"), msIndex("ix_b", false, "b"), msIndex("ix_c", false, "c"))),
		to: ms(withIndexes(msTable("t", col("a", "nvarchar(max)"), col("b", "nvarchar(10)"), nullable("c", "nvarchar(20)")),
			msIndex("ix_a", false, "a"), msIndex("ix_b", false, "b"), msIndex("ix_c", false, "c"))),
		want: []string{
			"drop_index dbo.t ix_a",
			"drop_index dbo.t ix_b",
			"drop_index dbo.t ix_c",
			"alter_column dbo.t.a {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !alter-column-in-use/warning",
			"alter_column dbo.t.b {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !alter-column-in-use/warning",
			"alter_column dbo.t.c {Type:true Null:true Default:false Identity:false Computed:false Collation:false} !alter-column-in-use/warning",
			"create_index dbo.t ix_a !blocking-index/warning",
			"create_index dbo.t ix_b !blocking-index/warning",
			"create_index dbo.t ix_c !blocking-index/warning",
		},
	}, {
		name: "ALTER COLUMN of a column a computed column uses: the computed column and its index around it",
		from: ms(withIndexes(msTable("t", col("price", "decimal(10,2)"), computed("total", "price * 2"), col("n", "int")), msIndex("ix_total", false, "total"))),
		to:   ms(withIndexes(msTable("t", col("price", "decimal(12,2)"), computed("total", "price * 2"), col("n", "int")), msIndex("ix_total", false, "total"))),
		want: []string{
			"drop_index dbo.t ix_total",
			"drop_column dbo.t.total !drop-column/info",
			"alter_column dbo.t.price {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !alter-column-in-use/warning",
			"add_column dbo.t.total",
			"create_index dbo.t ix_total !blocking-index/warning",
		},
	}, {
		name: "lengthening a column a computed column uses still moves the computed column; a changed computed column is added after the ALTER",
		from: ms(msTable("t", col("s", "varchar(5)"), computed("u", "UPPER(s)"), computed("l", "LOWER(s)"))),
		to:   ms(msTable("t", col("s", "varchar(9)"), computed("u", "UPPER(s)"), computed("l", "LOWER(RTRIM(s))"))),
		want: []string{
			"drop_column dbo.t.l !drop-column/info",
			"drop_column dbo.t.u !drop-column/info",
			"alter_column dbo.t.s {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !alter-column-in-use/warning",
			"add_column dbo.t.u",
			"add_column dbo.t.l",
		},
	}, {
		name: "a default-only change is no ALTER COLUMN: the computed column stays",
		from: ms(msTable("t", &schema.Column{Name: "s", Type: "int", Default: &schema.Default{Kind: schema.DefaultNumber, Value: "1"}, DefaultName: "df_t_s"}, computed("d", "s * 2"))),
		to:   ms(msTable("t", &schema.Column{Name: "s", Type: "int", Default: &schema.Default{Kind: schema.DefaultNumber, Value: "2"}, DefaultName: "df_t_s"}, computed("d", "s * 2"))),
		want: []string{"alter_column dbo.t.s {Type:false Null:false Default:true Identity:false Computed:false Collation:false}"},
	}, {
		name: "unnamed constraints match by definition, whatever the server named them",
		from: ms(
			msTable("p"),
			with(msTable("t", col("a", "int"), col("p_id", "int")), func(t *schema.Table) {
				t.Uniques = []*schema.Unique{{SystemName: "UQ__t__1", Columns: []string{"a"}, Clustered: new(false)}}
				t.Checks = []*schema.Check{{SystemName: "CK__t__a__2", Expr: "a > 0"}, {SystemName: "CK__t__a__3", Expr: "a < 10"}}
				t.ForeignKeys = []*schema.ForeignKey{{SystemName: "FK__t__p_id__4", Columns: []string{"p_id"}, RefSchema: "dbo", RefTable: "p", RefColumns: []string{"id"}, OnDelete: "NO ACTION", OnUpdate: "NO ACTION"}}
			})),
		to: ms(
			msTable("p"),
			with(msTable("t", col("a", "int"), col("p_id", "int")), func(t *schema.Table) {
				t.Uniques = []*schema.Unique{{Columns: []string{"a"}, Clustered: new(false)}}
				t.Checks = []*schema.Check{{Expr: "a < 20"}, {Expr: "a > 0", Source: "[a]>(0)"}}
				t.ForeignKeys = []*schema.ForeignKey{{Columns: []string{"p_id"}, RefSchema: "dbo", RefTable: "p", RefColumns: []string{"id"}, OnDelete: "NO ACTION", OnUpdate: "NO ACTION"}}
			})),
		want: []string{"drop_check dbo.t ", "add_check dbo.t  !check-may-fail/warning"},
	}}
}

// TestSQLServerDropsUnnamedByLiveName checks that an unnamed constraint that
// goes is dropped as the live object it is (carrying its server name).
func TestSQLServerDropsUnnamedByLiveName(t *testing.T) {
	from := ms(with(msTable("t", col("a", "int")), func(t *schema.Table) {
		t.Checks = []*schema.Check{{SystemName: "CK__t__a__2", Expr: "a > 0"}, {SystemName: "CK__t__a__3", Expr: "a < 10"}}
	}))
	to := ms(with(msTable("t", col("a", "int")), func(t *schema.Table) {
		t.Checks = []*schema.Check{{Expr: "a > 0"}}
	}))
	plan := mustCompare(t, from, to, Options{})
	if len(plan.Changes) != 1 || plan.Changes[0].Kind != DropCheck || plan.Changes[0].Check.SystemName != "CK__t__a__3" {
		t.Fatalf("want one drop of CK__t__a__3, got %v", describePlan(plan))
	}
}

// TestBlockingIndexHazard: an index built on an existing table carries the
// blocking-index hazard in both dialects, worded for each: PostgreSQL's
// CONCURRENTLY (none with --concurrently), SQL Server's offline build with the
// lock a nonclustered (S) and a clustered (Sch-M) index takes.
func TestBlockingIndexHazard(t *testing.T) {
	pgFrom := &schema.Database{Dialect: schema.Postgres, Tables: []*schema.Table{table("public.t")}}
	pgTo := &schema.Database{Dialect: schema.Postgres, Tables: []*schema.Table{withIndexes(table("public.t"), index("t_id_idx", "id"))}}
	msFrom := ms(msTable("t"))
	msTo := func(clustered bool) *schema.Database {
		t := msTable("t")
		t.PrimaryKey.Clustered = new(false)
		return ms(withIndexes(t, msIndex("ix_t_id", clustered, "id")))
	}
	tests := []struct {
		name     string
		from, to *schema.Database
		opts     Options
		want     string // "" for no blocking-index hazard
	}{
		{"postgres", pgFrom, pgTo, Options{}, "Creating index t_id_idx without CONCURRENTLY blocks writes to table public.t while it builds."},
		{"postgres concurrently", pgFrom, pgTo, Options{Concurrently: true}, ""},
		{"sql server nonclustered", msFrom, msTo(false), Options{},
			"Creating index ix_t_id builds it offline, holding a shared lock that blocks writes on table dbo.t until it is built (WITH (ONLINE = ON) avoids that on Enterprise edition and Azure SQL)."},
		{"sql server clustered", msFrom, msTo(true), Options{},
			"Creating index ix_t_id builds it offline, holding a schema modification lock that blocks reads and writes on table dbo.t until it is built (WITH (ONLINE = ON) avoids that on Enterprise edition and Azure SQL)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := Compare(tt.from, tt.to, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, c := range plan.Changes {
				for _, h := range c.Hazards {
					if h.Code == HazardBlockingIndex {
						got = h.Message
					}
				}
			}
			if got != tt.want {
				t.Errorf("blocking-index hazard %q, want %q", got, tt.want)
			}
		})
	}
}
