package diff_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// loadHCL loads and normalizes one HCL schema file's text.
func loadHCL(t *testing.T, src string) *schema.Database {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.hcl")
	if err := os.WriteFile(path, []byte("dialect = \"postgres\"\n"+src), 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := schema.Load(schema.LoadOptions{}, path)
	if err != nil {
		t.Fatal(err)
	}
	if db, err = schema.Normalize(db); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestFunctionPlans: the order of the changes of functions and triggers
// against the tables that use them, and the hazards, as Describe prints
// them (plan order; hazard codes after the change they belong to).
func TestFunctionPlans(t *testing.T) {
	const items = `table "items" {
  column "id" {
    type = "integer"
  }
  column "code" {
    type    = "text"
    default = sql("next_code()")
  }
  check "items_code_check" {
    expr = "is_code(code)"
  }
}
`
	fn := func(name, args, returns, body string) string {
		return "function \"" + name + "\" {\n  args = [" + args + "]\n  returns = \"" + returns + "\"\n  language = \"sql\"\n  body = \"" + body + "\"\n}\n"
	}
	trg := func(extra string) string {
		return "trigger \"items_t\" {\n  on = \"items\"\n  timing = \"before\"\n  events = [\"insert\"]\n  for_each = \"row\"\n  function = \"touch\"\n" + extra + "}\n"
	}
	touch := "function \"touch\" {\n  returns = \"trigger\"\n  language = \"plpgsql\"\n  body = \"BEGIN RETURN NEW; END\"\n}\n"
	code := fn("next_code", "", "text", "SELECT 'x'") + fn("is_code", `"s text"`, "boolean", "SELECT s <> ''")
	tests := []struct {
		name     string
		from, to string
		want     []string
	}{
		{"functions before the table that calls them, trigger after", "", items + code + touch + trg(""), []string{
			"create function public.is_code(text)", "create function public.next_code()", "create function public.touch()",
			"create table public.items", "create trigger items_t on public.items",
		}},
		{"dropped back: trigger, table, then functions", items + code + touch + trg(""), "", []string{
			"drop trigger items_t on public.items", "drop table public.items", "hazard drop-table",
			"drop function public.is_code(text)", "drop function public.next_code()", "drop function public.touch()",
		}},
		{"a function of a table's row type comes after it, and goes before it", "",
			items + code + fn("codes", "", "SETOF items", "SELECT * FROM items"), []string{
				"create function public.is_code(text)", "create function public.next_code()", "create table public.items",
				"create function public.codes()",
			}},
		{"body and options: replaced", code, fn("next_code", "", "text", "SELECT 'y'") + fn("is_code", `"s text"`, "boolean", "SELECT s <> ''"), []string{
			"replace function public.next_code(): body",
		}},
		{"result changes: dropped and created again, its trigger too",
			items + code + touch + trg(""),
			items + code + "function \"touch\" {\n  returns = \"event_trigger\"\n  language = \"plpgsql\"\n  body = \"BEGIN END\"\n}\n" + trg(""), []string{
				"drop trigger items_t on public.items",
				"drop function public.touch()", "hazard function-recreated", "create function public.touch()",
				"create trigger items_t on public.items",
			}},
		{"enabled only", items + code + touch + trg(""), items + code + touch + trg("enabled = \"replica\"\n"), []string{
			"enable replica trigger items_t on public.items",
		}},
		{"signature of a function a default calls changes: the default is set again",
			items + code, items + fn("next_code", `"n integer DEFAULT 1"`, "text", "SELECT 'x'") + fn("is_code", `"s text"`, "boolean", "SELECT s <> ''"), []string{
				"create function public.next_code(integer)",
				"alter column public.items.code: drop default",
				"drop function public.next_code()",
				"alter column public.items.code: set default next_code()",
			}},
		{"a function a check calls is dropped: error hazard", items + code, items + fn("next_code", "", "text", "SELECT 'x'") + fn("is_code", `"s varchar"`, "boolean", "SELECT s <> ''"), []string{
			"create function public.is_code(character varying)",
			"drop function public.is_code(text)", "hazard function-in-use",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := diff.Compare(loadHCL(t, tt.from), loadHCL(t, tt.to), diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range plan.Changes {
				got = append(got, render.Describe(plan.Dialect, c))
				for _, h := range c.Hazards {
					got = append(got, "hazard "+h.Code)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("plan:\n  %q\nwant:\n  %q", got, tt.want)
			}
		})
	}
}
