// Package benchschema generates large, realistic PostgreSQL schemas for
// schemadiff's benchmarks (the go test -bench benchmarks of schema, diff and
// render, and the bench program): N tables of 12 columns, each with a primary
// key, a foreign key to the previous table, a check and three indexes — a
// partial one, one with INCLUDE columns and one with a DESC key — spread over
// a few database schemas, plus a handful of enums.
package benchschema

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// Schemas is the number of database schemas the tables are spread over
// (round robin): public, app1, app2, app3.
const Schemas = 4

// schemaName returns the database schema of table i.
func schemaName(i int) string {
	if i%Schemas == 0 {
		return "public"
	}
	return fmt.Sprintf("app%d", i%Schemas)
}

// TableName returns the qualified name of table i.
func TableName(i int) schema.QName {
	return schema.QName{Schema: schemaName(i), Name: fmt.Sprintf("t%06d", i)}
}

// Database returns a desired schema (as schema.Load would return it, not
// normalized) of n tables. Tables whose index i satisfies changed(i) differ
// from the base schema: one column more, one column's type widened, a
// changed check and one index more; changed may be nil (no table changed).
// The result is deterministic.
func Database(n int, changed func(i int) bool) *schema.Database {
	db := &schema.Database{Dialect: schema.Postgres}
	for s := 1; s < Schemas; s++ {
		db.Schemas = append(db.Schemas, &schema.Schema{Name: fmt.Sprintf("app%d", s)})
	}
	db.Enums = append(db.Enums, &schema.Enum{Schema: "public", Name: "status", Values: []string{"new", "active", "closed"}})
	for i := 0; i < n; i++ {
		db.Tables = append(db.Tables, table(i, changed != nil && changed(i)))
	}
	return db
}

// EveryTenth is a changed function for Database: 10% of the tables change.
func EveryTenth(i int) bool { return i%10 == 5 }

// table returns table i of the schema.
func table(i int, changed bool) *schema.Table {
	q := TableName(i)
	name := q.Name
	t := &schema.Table{Schema: q.Schema, Name: name, Comment: fmt.Sprintf("benchmark table %d", i)}
	nameType := "character varying(100)"
	if changed {
		nameType = "character varying(200)"
	}
	t.Columns = []*schema.Column{
		{Name: "id", Type: "bigint", Identity: &schema.Identity{}},
		{Name: "parent_id", Type: "bigint", Null: true},
		{Name: "name", Type: nameType},
		{Name: "email", Type: "text", Null: true},
		{Name: "amount", Type: "numeric(12,2)", Default: &schema.Default{Kind: schema.DefaultNumber, Value: "0"}},
		{Name: "active", Type: "boolean", Default: &schema.Default{Kind: schema.DefaultBool, Value: "true"}},
		{Name: "status", Type: "public.status", Default: &schema.Default{Kind: schema.DefaultString, Value: "new"}},
		{Name: "data", Type: "jsonb", Null: true},
		{Name: "tags", Type: "text[]", Null: true},
		{Name: "score", Type: "double precision", Null: true},
		{Name: "created_at", Type: "timestamp with time zone", Default: &schema.Default{Kind: schema.DefaultExpr, Value: "now()"}},
		{Name: "updated_at", Type: "timestamp with time zone", Null: true},
	}
	if changed {
		t.Columns = append(t.Columns, &schema.Column{Name: "note", Type: "text", Null: true})
	}
	t.PrimaryKey = &schema.PrimaryKey{Columns: []string{"id"}}
	if i > 0 {
		p := TableName(i - 1)
		t.ForeignKeys = []*schema.ForeignKey{{
			Columns: []string{"parent_id"}, RefSchema: p.Schema, RefTable: p.Name, RefColumns: []string{"id"}, OnDelete: "CASCADE",
		}}
	}
	limit := "0"
	if changed {
		limit = "-1"
	}
	t.Checks = []*schema.Check{{Name: name + "_amount_check", Expr: "amount >= " + limit}}
	t.Indexes = []*schema.Index{
		{Name: name + "_name_idx", Parts: []schema.IndexPart{{Column: "name"}}, Where: "active"},
		{Name: name + "_email_idx", Parts: []schema.IndexPart{{Column: "email"}}, Include: []string{"name", "status"}},
		{Name: name + "_parent_created_idx", Parts: []schema.IndexPart{{Column: "parent_id"}, {Column: "created_at", Desc: true}}},
	}
	if changed {
		t.Indexes = append(t.Indexes, &schema.Index{Name: name + "_score_idx", Parts: []schema.IndexPart{{Column: "score", Desc: true}}})
	}
	return t
}

// EnvTables names the environment variable that sets N, the table count of
// the go test -bench benchmarks.
const EnvTables = "SCHEMADIFF_BENCH_TABLES"

// Sizes returns the table counts the go test -bench benchmarks run at: N and
// 2N, where N is $SCHEMADIFF_BENCH_TABLES (default 1000), so that a run shows
// whether the cost of 2N tables is about twice that of N. The benchmark
// fails when the variable is not a positive number.
func Sizes(tb testing.TB) []int {
	n := 1000
	if s := os.Getenv(EnvTables); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			tb.Fatalf("%s=%q: want a positive number", EnvTables, s)
		}
		n = v
	}
	return []int{n, 2 * n}
}
