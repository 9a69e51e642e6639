package source

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/schema"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// TestLoadPairWarningsInOrder reads two databases at once, the first one
// slower (more tables), each with objects the model does not hold: the
// warnings of the first come first, every time, as when they are read one
// after the other (they used to come in whatever order the reads ended).
func TestLoadPairWarningsInOrder(t *testing.T) {
	var big strings.Builder
	for i := range 300 {
		fmt.Fprintf(&big, "CREATE TABLE t%d (id int PRIMARY KEY, a text, b int);\n", i)
	}
	a, b := pgtest.NewDB(t), pgtest.NewDB(t)
	pgtest.Exec(t, a, big.String()+"CREATE STATISTICS a_one ON a, b FROM t0; CREATE STATISTICS a_two ON a, b FROM t1;")
	pgtest.Exec(t, b, "CREATE TABLE u (a int, b int); CREATE STATISTICS b_one ON a, b FROM u;")
	want := []string{"statistics object public.a_one", "statistics object public.a_two", "statistics object public.b_one"}
	for run := range 5 {
		var warned bytes.Buffer
		if _, _, err := LoadPair(context.Background(), a, b, Options{Dialect: schema.Postgres, Warn: &warned}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(warned.String(), "\n"), "\n")
		if len(lines) != len(want) {
			t.Fatalf("run %d: %d warnings, want %d:\n%s", run, len(lines), len(want), warned.String())
		}
		for i, l := range lines {
			if !strings.Contains(l, want[i]) {
				t.Errorf("run %d: warning %d = %q, want it about %s", run, i+1, l, want[i])
			}
		}
	}
}
