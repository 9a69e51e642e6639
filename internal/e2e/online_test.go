package e2e

import (
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// TestConvergenceOnline runs the convergence pairs (TestConvergence) with
// plans made with --online (diff.Options.Online), on the real server: up,
// re-inspected, down, re-inspected. A pair whose online plans (up and down)
// render the same SQL as the plain ones is skipped, saying so: TestConvergence
// runs exactly that plan. How many pairs ran is logged, and at least one must.
func TestConvergenceOnline(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(repoRoot, "testdata", "convergence", "*"))
	if err != nil {
		t.Fatal(err)
	}
	online := diff.Options{Online: true}
	var ran atomic.Int64
	t.Cleanup(func() {
		t.Logf("%d of %d convergence pairs have an online plan of their own and ran with it", ran.Load(), len(dirs))
		if ran.Load() == 0 && !t.Failed() && !t.Skipped() {
			t.Error("no convergence pair has an online plan that differs from the plain one")
		}
	})
	for _, dir := range dirs {
		if strings.HasSuffix(dir, "_noop") {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			url, from := buildFrom(t, dir)
			if !onlineDiffers(t, from, loadFile(t, filepath.Join(dir, "to.hcl")), online) {
				t.Skip("the online plans equal the plain ones: TestConvergence runs them")
			}
			ran.Add(1)
			convergePair(t, dir, url, from, online)
		})
	}
}

// onlineDiffers reports whether the up or down plan between from and to
// made with opts renders other SQL than the plain one.
func onlineDiffers(t *testing.T, from, to *schema.Database, opts diff.Options) bool {
	t.Helper()
	for _, plan := range []func(from, to *schema.Database, o diff.Options) (*diff.Plan, error){diff.Compare, diff.Down} {
		plain, err := plan(from, to, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		on, err := plan(from, to, opts)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := planSQL(t, plain)
		b, _ := planSQL(t, on)
		if a != b {
			return true
		}
	}
	return false
}
