package parallel

import (
	"sync/atomic"
	"testing"
)

// TestDo: every index is done exactly once, for any n.
func TestDo(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		counts := make([]atomic.Int32, n)
		Do(n, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d done %d times", n, i, c)
			}
		}
	}
}
