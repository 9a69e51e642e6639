package migrate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/schema"
)

// TestSplitTransactions: issue 9 item 3. A migration that adds an enum
// value and uses it is written, in the formats that choose transactions per
// file or section, as two migrations: the ADD VALUE alone (outside a
// transaction where the format says so), then the rest in one transaction;
// each one's down undoes exactly its up (the second restores the default,
// the first recreates the enum without the value), since tools roll back one
// migration at a time. goose keeps one file and groups the transactional
// statements into one block.
func TestSplitTransactions(t *testing.T) {
	state := func(values []string, def string) *schema.Database {
		db := users(t)
		db.Enums = []*schema.Enum{{Schema: "public", Name: "mood", Values: values}}
		db.Tables[0].Columns = append(db.Tables[0].Columns, &schema.Column{Name: "mood", Type: "public.mood",
			Default: &schema.Default{Kind: schema.DefaultString, Value: def}})
		return db
	}
	for _, tt := range []struct {
		format Format
		files  map[string][]string // file name → what it holds, in order
		lacks  map[string][]string // file name → what it must not hold
	}{{
		format: Dbmate,
		files: map[string][]string{
			"20240501120001_mood_part1.sql": {"-- migrate:up transaction:false\nALTER TYPE \"public\".\"mood\" ADD VALUE 'meh';", "-- migrate:down\n", "RENAME TO", `SET DEFAULT 'happy'`},
			"20240501120002_mood_part2.sql": {"-- migrate:up\n", `SET DEFAULT 'meh'`, "-- migrate:down\n", `SET DEFAULT 'happy'`},
		},
		lacks: map[string][]string{"20240501120002_mood_part2.sql": {"transaction:false", "RENAME TO"}},
	}, {
		format: GolangMigrate,
		files: map[string][]string{
			"20240501120001_mood_part1.up.sql":   {"schemadiff writes it alone", "ADD VALUE 'meh';"},
			"20240501120001_mood_part1.down.sql": {"drop-enum-value", "RENAME TO", `SET DEFAULT 'happy'`},
			"20240501120002_mood_part2.up.sql":   {`SET DEFAULT 'meh'`},
			"20240501120002_mood_part2.down.sql": {"Hazards: none", `SET DEFAULT 'happy'`},
		},
		lacks: map[string][]string{
			"20240501120002_mood_part2.up.sql":   {"ADD VALUE '", "schemadiff writes it alone", "schemadiff: the statements above"},
			"20240501120002_mood_part2.down.sql": {"RENAME TO"},
		},
	}, {
		format: Flyway,
		files: map[string][]string{
			"V20240501120001__mood_part1.sql":      {"ADD VALUE 'meh';"},
			"V20240501120001__mood_part1.sql.conf": {"executeInTransaction=false"},
			"U20240501120001__mood_part1.sql":      {"RENAME TO"},
			"V20240501120002__mood_part2.sql":      {`SET DEFAULT 'meh'`},
			"U20240501120002__mood_part2.sql":      {`SET DEFAULT 'happy'`},
		},
		lacks: map[string][]string{"U20240501120002__mood_part2.sql": {"RENAME TO"}},
	}, {
		format: Goose,
		files: map[string][]string{
			"20240501120001_mood.sql": {"-- +goose NO TRANSACTION", "-- +goose Up\nALTER TYPE \"public\".\"mood\" ADD VALUE 'meh';\n", "-- +goose Down\n-- +goose StatementBegin\n",
				`SET DEFAULT 'happy';` + "\n-- +goose StatementEnd\n"},
		},
	}} {
		t.Run(string(tt.format), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "migrations")
			generate(t, dir, tt.format, "create", state([]string{"happy", "sad"}, "happy"), clock)
			before := listDir(t, dir)
			generate(t, dir, tt.format, "mood", state([]string{"happy", "sad", "meh"}, "meh"), clock)
			var names []string
			for name := range listDir(t, dir) {
				if _, old := before[name]; !old && name != SumFile {
					names = append(names, name)
				}
			}
			slices.Sort(names)
			var want []string
			for name := range tt.files {
				want = append(want, name)
			}
			if _, ok := tt.files["V20240501120001__mood_part1.sql"]; ok {
				want = append(want, "V20240501120001__mood_part1.sql.conf")
			}
			want = slices.Compact(slices.Sorted(slices.Values(want)))
			if d := cmp.Diff(want, names); d != "" {
				t.Fatalf("new files (-want +got):\n%s", d)
			}
			for name, parts := range tt.files {
				data, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				rest := string(data)
				for _, p := range parts {
					i := strings.Index(rest, p)
					if i < 0 {
						t.Errorf("%s lacks %q (in this order):\n%s", name, p, data)
						break
					}
					rest = rest[i+len(p):]
				}
				for _, p := range tt.lacks[name] {
					if strings.Contains(string(data), p) {
						t.Errorf("%s holds %q:\n%s", name, p, data)
					}
				}
			}
			if _, err := Open(dir, tt.format); err != nil {
				t.Errorf("the directory does not open back: %v", err)
			}
		})
	}
}
