package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestInspectSplit: inspect --split writes a folder of files, by schema, that
// loads back to the database with no change; it never overwrites a file.
func TestInspectSplit(t *testing.T) {
	url := pgtest.NewDB(t)
	shop := runCLI(t, "diff", "--from", filepath.Join(examples, "empty.hcl"), "--to", filepath.Join(examples, "shop.hcl"))
	if shop.code != exitOK {
		t.Fatalf("diff: exit %d: %s", shop.code, shop.stderr)
	}
	pgtest.Exec(t, url, shop.stdout)

	for _, format := range []string{"hcl", "yaml"} {
		t.Run(format, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "schema")
			r := runCLI(t, "inspect", "--url", url, "--format", format, "--split", dir)
			if r.code != exitOK || !strings.Contains(r.stdout, "wrote ") {
				t.Fatalf("inspect --split: exit %d: %s%s", r.code, r.stdout, r.stderr)
			}
			for _, want := range []string{"schemas." + format, "public/orders." + format} {
				if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
					t.Errorf("inspect --split wrote no %s: %v", want, err)
				}
			}
			d := runCLI(t, "diff", "--from", url, "--to", dir, "--exit-code")
			if d.code != exitOK || d.stdout != "" {
				t.Errorf("the split folder loaded back differs (exit %d):\n%s%s", d.code, d.stdout, d.stderr)
			}

			orders := filepath.Join(dir, "public", "orders."+format)
			if err := os.WriteFile(orders, []byte("# edited\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			again := runCLI(t, "inspect", "--url", url, "--format", format, "--split", dir)
			if again.code != exitFailure || !strings.Contains(again.stderr, "exists") {
				t.Errorf("inspect --split into a full folder: exit %d: %s", again.code, again.stderr)
			}
			if got, _ := os.ReadFile(orders); string(got) != "# edited\n" {
				t.Errorf("inspect --split overwrote %s: %q", orders, got)
			}
		})
	}

	r := runCLI(t, "inspect", "--url", url, "--format", "json", "--split", t.TempDir())
	if r.code != exitFailure || !strings.Contains(r.stderr, "--format hcl") {
		t.Errorf("inspect --split --format json: exit %d: %s", r.code, r.stderr)
	}
}
