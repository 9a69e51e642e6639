package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestLiteralCastsNormalized: issue 9 item 5. Each case is an expression as
// a user writes it, in a default, a check, an index expression or predicate,
// or a generated column, holding a literal PostgreSQL casts to a non-string
// type (regconfig, regclass, interval, date, timestamp, timestamptz, numeric,
// jsonb, bytea, inet, uuid, arrays). schemadiff creates it on the real
// server, which stores its own form (pg_get_expr: 'english'::regconfig,
// '1 day'::interval, …); read back, it must equal the file: no change.
func TestLiteralCastsNormalized(t *testing.T) {
	const columns = `
  column "id" {
    type = "integer"
  }
  column "title" {
    type = "text"
  }
  column "body" {
    type = "text"
  }
  column "d" {
    type = "date"
  }
  column "ts" {
    type = "timestamptz"
  }
  column "amount" {
    type = "numeric(12,2)"
  }
  column "meta" {
    type = "jsonb"
  }
  column "b" {
    type = "bytea"
  }
  column "ip" {
    type = "inet"
  }
  column "u" {
    type = "uuid"
  }
  column "tags" {
    type = "text[]"
  }
`
	for _, tc := range []struct {
		name, hcl string
		// stored, when set, is the default of column x the server must hold:
		// rendering keeps what changes the meaning (a cast to another
		// date/time type, the scale of a numeric literal).
		stored string
	}{
		// defaults
		{"default timestamp literal on timestamptz", `column "x" {
    type    = "timestamptz"
    default = sql("'0001-01-01 00:00:00'::timestamp")
  }`, "'0001-01-01 00:00:00'::timestamp without time zone"},
		{"default interval arithmetic", `column "x" {
    type    = "timestamptz"
    default = sql("now() + '1 day'")
  }`, ""},
		{"default typed interval", `column "x" {
    type    = "interval"
    default = sql("'1 day'::interval")
  }`, ""},
		{"default interval in words", `column "x" {
    type    = "interval"
    default = "1 hour 30 minutes"
  }`, "'01:30:00'::interval"},
		{"default timestamptz date only", `column "x" {
    type    = "timestamptz"
    default = "2000-01-01"
  }`, ""},
		{"default timestamp with time", `column "x" {
    type    = "timestamp"
    default = "2000-01-01 10:30"
  }`, ""},
		{"default date literal", `column "x" {
    type    = "date"
    default = "2000-01-01"
  }`, ""},
		{"default numeric with scale", `column "x" {
    type    = "numeric"
    default = sql("0.0")
  }`, "0.0"},
		{"default jsonb", `column "x" {
    type    = "jsonb"
    default = sql("'{}'::jsonb")
  }`, ""},
		{"default bytea", `column "x" {
    type    = "bytea"
    default = sql("'\\x00'")
  }`, ""},
		{"default inet", `column "x" {
    type    = "inet"
    default = "127.0.0.1"
  }`, ""},
		{"default uuid", `column "x" {
    type    = "uuid"
    default = "00000000-0000-0000-0000-000000000000"
  }`, ""},
		{"default empty array", `column "x" {
    type    = "text[]"
    default = sql("'{}'")
  }`, ""},
		{"default regclass", `column "x" {
    type    = "regclass"
    default = sql("'pg_class'")
  }`, ""},
		{"default jsonb object, keys out of order", `column "x" {
    type    = "jsonb"
    default = "{\"zz\":1,\"a\":[true,null,\"q\\\"\"],\"a\":2}"
  }`, `'{"a": 2, "zz": 1}'::jsonb`},
		{"default timestamptz with zone", `column "x" {
    type    = "timestamptz"
    default = "2000-01-01 00:00:00+00"
  }`, ""},
		// checks
		{"check date comparison", `check "c" {
    expr = "d >= '2000-01-01'"
  }`, ""},
		{"check interval arithmetic", `check "c" {
    expr = "d < now() + '1 year'"
  }`, ""},
		{"check interval in words", `check "c" {
    expr = "d < now() + '18 months 2 weeks'"
  }`, ""},
		{"check timestamptz date literal", `check "c" {
    expr = "ts > '2000-01-01' AND ts < '2100-01-01 12:30' AND ts <> '2050-06-01T10:00:00.5Z'"
  }`, ""},
		{"check jsonb containment", `check "c" {
    expr = "NOT meta @> '{}'"
  }`, ""},
		{"check jsonb object containment", `check "c" {
    expr = "NOT meta @> '{\"kind\":\"x\",\"n\":[1,2.50]}'"
  }`, ""},
		{"check inet containment", `check "c" {
    expr = "ip << '10.0.0.0/8'"
  }`, ""},
		{"check array overlap", `check "c" {
    expr = "NOT tags && '{x}'"
  }`, ""},
		{"check uuid", `check "c" {
    expr = "u <> '00000000-0000-0000-0000-000000000000'"
  }`, ""},
		{"check bytea", `check "c" {
    expr = "b <> '\\x00'"
  }`, ""},
		{"check numeric", `check "c" {
    expr = "amount >= 0.0"
  }`, ""},
		{"check regclass", `check "c" {
    expr = "'pg_class'::regclass IS NOT NULL"
  }`, ""},
		// index expressions and predicates
		{"index to_tsvector", `index "t_fts_idx" {
    using = "gin"
    on {
      expr = "to_tsvector('english', title || ' ' || body)"
    }
  }`, ""},
		{"index jsonb path", `index "t_meta_idx" {
    on {
      expr = "meta ->> 'kind'"
    }
  }`, ""},
		{"index date_trunc", `index "t_day_idx" {
    on {
      expr = "date_trunc('day', ts AT TIME ZONE 'UTC')"
    }
  }`, ""},
		{"partial index date", `index "t_recent_idx" {
    columns = ["id"]
    where   = "d > '2020-01-01'"
  }`, ""},
		{"partial index jsonb object", `index "t_obj_idx" {
    columns = ["id"]
    where   = "meta @> '{\"b\":{\"y\":1,\"x\":2}}'"
  }`, ""},
		{"partial index jsonb", `index "t_kind_idx" {
    columns = ["id"]
    where   = "meta ? 'kind'"
  }`, ""},
		// generated columns
		{"generated to_tsvector", `column "x" {
    type = "tsvector"
    computed {
      expr      = "to_tsvector('english', title || ' ' || body)"
      persisted = true
    }
  }`, ""},
		{"generated date arithmetic", `column "x" {
    type = "integer"
    computed {
      expr      = "d - '2000-01-01'"
      persisted = true
    }
  }`, ""},
		{"generated numeric", `column "x" {
    type = "numeric"
    computed {
      expr      = "round(amount * 1.5, 2)"
      persisted = true
    }
  }`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "s.hcl")
			src := "dialect = \"postgres\"\ntable \"t\" {" + columns + "  " + tc.hcl + "\n}\n"
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			want := loadFile(t, path)
			url := pgtest.NewDB(t)
			create(t, url, want)
			assertNoChanges(t, "read back", inspect(t, url), want)
			if tc.stored != "" {
				var got string
				queryRow(t, url, `SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'public.t'::regclass
					AND adnum = (SELECT attnum FROM pg_attribute WHERE attrelid = 'public.t'::regclass AND attname = 'x')`, &got)
				if got != tc.stored {
					t.Errorf("the server holds the default %s, want %s", got, tc.stored)
				}
			}
		})
	}
}

// queryRow runs a one-row query on the database at url and scans it into dest.
func queryRow(t *testing.T, url, query string, dest ...any) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if err := conn.QueryRow(ctx, query).Scan(dest...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
