package diff_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/benchschema"
	"github.com/schemadiff/schemadiff/schema"
)

// benchSizes returns the table counts of the benchmarks: N and 2N, where N
// is SCHEMADIFF_BENCH_TABLES (default 1000). Compare of 2N tables should
// cost about twice Compare of N (docs/performance.md).
func benchSizes(b *testing.B) []int {
	n := 1000
	if s := os.Getenv("SCHEMADIFF_BENCH_TABLES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			b.Fatalf("SCHEMADIFF_BENCH_TABLES=%q: want a positive number", s)
		}
		n = v
	}
	return []int{n, 2 * n}
}

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

func BenchmarkCompare(b *testing.B) {
	for _, n := range benchSizes(b) {
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
