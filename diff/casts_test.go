package diff

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schemadiff/schemadiff/schema"
)

// TestTypeChangeWithoutCast: issue 9 item 7. A type change PostgreSQL has no
// cast for is an error hazard naming the attribute to set, in the up plan
// (using) and the down plan (using_down); the schema file's expression goes
// into the plan and silences it. Types the cast table does not know (enums,
// extension types) and castable pairs say nothing.
func TestTypeChangeWithoutCast(t *testing.T) {
	using := func(c *schema.Column, up, down string) *schema.Column {
		c.Using, c.UsingDown = up, down
		return c
	}
	const alter = "alter_column public.users.a {Type:true Null:false Default:false Identity:false Computed:false Collation:false}"
	for _, tc := range []struct {
		name     string
		from, to *schema.Column
		up, down []string
	}{{
		name: "bigint to timestamp, no using",
		from: col("a", "bigint"),
		to:   col("a", "timestamp without time zone"),
		up:   []string{alter + " !no-cast/error !narrow-type/error !table-rewrite/warning"},
		down: []string{alter + " !no-cast/error !narrow-type/error !table-rewrite/warning"},
	}, {
		name: "bigint to timestamptz with using and using_down",
		from: col("a", "bigint"),
		to:   using(col("a", "timestamp(3) with time zone"), "to_timestamp(a)", "extract(epoch from a)::bigint"),
		up:   []string{alter + ` using "to_timestamp(a)" !narrow-type/error !table-rewrite/warning`},
		down: []string{alter + ` using "extract(epoch from a)::bigint" !narrow-type/error !table-rewrite/warning`},
	}, {
		name: "uuid to bytea[]: arrays only cross through strings",
		from: col("a", "uuid"),
		to:   col("a", "bytea[]"),
		up:   []string{alter + " !no-cast/error !narrow-type/error !table-rewrite/warning"},
		down: []string{alter + " !no-cast/error !narrow-type/error !table-rewrite/warning"},
	}, {
		name: "integer to text and back: I/O conversion",
		from: col("a", "integer"),
		to:   col("a", "text"),
		up:   []string{alter + " !narrow-type/error !table-rewrite/warning"},
		down: []string{alter + " !narrow-type/error !table-rewrite/warning"},
	}, {
		name: "an enum: not in the table, nothing said",
		from: col("a", "public.mood"),
		to:   col("a", "integer"),
		up:   []string{alter + " !narrow-type/error !table-rewrite/warning"},
		down: []string{alter + " !narrow-type/error !table-rewrite/warning"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			from, to := pg(table("users", tc.from)), pg(table("users", tc.to))
			if d := cmp.Diff(tc.up, describePlan(mustCompare(t, from, to, Options{}))); d != "" {
				t.Errorf("up (-want +got):\n%s", d)
			}
			down, err := Down(from, to, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.down, describePlan(down)); d != "" {
				t.Errorf("down (-want +got):\n%s", d)
			}
		})
	}
}
