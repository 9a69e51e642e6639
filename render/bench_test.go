package render_test

import (
	"fmt"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/benchschema"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// BenchmarkSQL renders the plan creating the N-table benchmark schema, for
// N and 2N tables (benchschema.Sizes).
func BenchmarkSQL(b *testing.B) {
	for _, n := range benchschema.Sizes(b) {
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
