package render_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/benchschema"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// BenchmarkSQL renders the plan creating the N-table benchmark schema, for
// N and 2N tables (N: SCHEMADIFF_BENCH_TABLES, default 1000).
func BenchmarkSQL(b *testing.B) {
	n := 1000
	if s := os.Getenv("SCHEMADIFF_BENCH_TABLES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			b.Fatalf("SCHEMADIFF_BENCH_TABLES=%q: want a positive number", s)
		}
		n = v
	}
	for _, n := range []int{n, 2 * n} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			db, err := schema.Normalize(benchschema.Database(n, nil))
			if err != nil {
				b.Fatal(err)
			}
			plan, err := diff.Compare(&schema.Database{Dialect: db.Dialect}, db, diff.Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				stmts, err := render.SQL(plan)
				if err != nil {
					b.Fatal(err)
				}
				if len(render.Script(stmts)) == 0 {
					b.Fatal("empty script")
				}
			}
		})
	}
}
