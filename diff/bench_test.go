package diff_test

import (
	"fmt"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/benchschema"
	"github.com/schemadiff/schemadiff/schema"
)

// benchPair returns the canonical n-table benchmark schema and the same with
// every tenth table changed.
func benchPair(b *testing.B, n int) (from, to *schema.Database) {
	from, err := schema.Normalize(benchschema.Database(n, nil))
	if err != nil {
		b.Fatal(err)
	}
	to, err = schema.Normalize(benchschema.Database(n, benchschema.EveryTenth))
	if err != nil {
		b.Fatal(err)
	}
	return from, to
}

// BenchmarkCompare compares the benchmark schema of N and of 2N tables with
// the same with 10% of the tables changed (docs/performance.md: 2N should
// cost about twice N).
func BenchmarkCompare(b *testing.B) {
	for _, n := range benchschema.Sizes(b) {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			from, to := benchPair(b, n)
			b.ResetTimer()
			for b.Loop() {
				plan, err := diff.Compare(from, to, diff.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(plan.Changes) == 0 {
					b.Fatal("no changes")
				}
			}
		})
	}
}
