package render

import (
	"strings"
	"testing"
	"time"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// onlineStates returns, for dialect d, a table with rows-to-be (orders,
// existing on both sides) that gains a nullable column turned NOT NULL, an
// index, a unique constraint, a check and a foreign key to customers (which
// exists too), and a new table (audit) whose index and key need nothing
// online.
func onlineStates(t *testing.T, d schema.Dialect) (from, to *schema.Database) {
	t.Helper()
	sch, typ := "public", "integer"
	if d == schema.SQLServer {
		sch, typ = "dbo", "int"
	}
	customers := func() *schema.Table {
		return &schema.Table{Schema: sch, Name: "customers",
			Columns:    []*schema.Column{{Name: "id", Type: typ}},
			PrimaryKey: &schema.PrimaryKey{Name: "customers_pkey", Columns: []string{"id"}}}
	}
	orders := func(note bool) *schema.Table {
		return &schema.Table{Schema: sch, Name: "orders",
			Columns: []*schema.Column{{Name: "id", Type: typ}, {Name: "customer_id", Type: typ},
				{Name: "note", Type: typ, Null: note}, {Name: "total", Type: typ}},
			PrimaryKey: &schema.PrimaryKey{Name: "orders_pkey", Columns: []string{"id"}}}
	}
	from = &schema.Database{Dialect: d, Schemas: []*schema.Schema{{Name: sch}}, Tables: []*schema.Table{customers(), orders(true)}}
	o := orders(false)
	o.Indexes = []*schema.Index{{Name: "orders_customer_id_idx", Parts: []schema.IndexPart{{Column: "customer_id"}}}}
	o.Checks = []*schema.Check{{Name: "orders_total_check", Expr: "total >= 0"}}
	o.ForeignKeys = []*schema.ForeignKey{{Name: "orders_customer_id_fkey", Columns: []string{"customer_id"},
		RefSchema: sch, RefTable: "customers", RefColumns: []string{"id"}}}
	if d == schema.Postgres {
		o.Uniques = []*schema.Unique{{Name: "orders_note_key", Columns: []string{"note"}}}
	}
	audit := &schema.Table{Schema: sch, Name: "audit", Columns: []*schema.Column{{Name: "id", Type: typ}, {Name: "order_id", Type: typ}},
		Indexes:     []*schema.Index{{Name: "audit_order_id_idx", Parts: []schema.IndexPart{{Column: "order_id"}}}},
		ForeignKeys: []*schema.ForeignKey{{Name: "audit_order_id_fkey", Columns: []string{"order_id"}, RefSchema: sch, RefTable: "orders", RefColumns: []string{"id"}}}}
	to = &schema.Database{Dialect: d, Schemas: []*schema.Schema{{Name: sch}}, Tables: []*schema.Table{audit, customers(), o}}
	for _, db := range []**schema.Database{&from, &to} {
		n, err := schema.Normalize(*db)
		if err != nil {
			t.Fatal(err)
		}
		*db = n
	}
	return from, to
}

// TestOnlineGolden renders the plans --online makes, up and down, for
// PostgreSQL (with the timeouts a script opens with) and for SQL Server
// with and without an edition that builds indexes online, into
// testdata/online/*.sql, with the plan view (hazards) of each.
func TestOnlineGolden(t *testing.T) {
	timeouts := &Timeouts{Lock: 5 * time.Second, Statement: 90 * time.Second}
	for _, tc := range []struct {
		name    string
		dialect schema.Dialect
		opts    diff.Options
	}{
		{"postgres", schema.Postgres, diff.Options{Online: true}},
		{"sqlserver_enterprise", schema.SQLServer, diff.Options{Online: true, OnlineIndexes: true}},
		{"sqlserver_standard", schema.SQLServer, diff.Options{Online: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to := onlineStates(t, tc.dialect)
			var b strings.Builder
			for _, dir := range []struct {
				label string
				plan  func(from, to *schema.Database, opts diff.Options) (*diff.Plan, error)
			}{{"up", diff.Compare}, {"down", diff.Down}} {
				plan, err := dir.plan(from, to, tc.opts)
				if err != nil {
					t.Fatal(err)
				}
				stmts, err := SQL(plan)
				if err != nil {
					t.Fatal(err)
				}
				b.WriteString("-- " + dir.label + "\n")
				if err := WritePlan(&b, plan, false); err != nil {
					t.Fatal(err)
				}
				b.WriteString("\n" + ScriptWith(stmts, ScriptOptions{Timeouts: timeouts}) + "\n")
			}
			golden(t, "online/"+tc.name+".sql", b.String())
		})
	}
}

// TestOnlineStatementsTransactions: the statements of an online plan that
// must not share the migration's transaction are marked NoTransaction, and
// only those.
func TestOnlineStatementsTransactions(t *testing.T) {
	from, to := onlineStates(t, schema.Postgres)
	plan, err := diff.Compare(from, to, diff.Options{Online: true})
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := SQL(plan)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		want := strings.Contains(s.SQL, " CONCURRENTLY ") || strings.Contains(s.SQL, " VALIDATE CONSTRAINT ")
		if s.NoTransaction != want {
			t.Errorf("%s: NoTransaction %v, want %v", s.SQL, s.NoTransaction, want)
		}
	}
}
