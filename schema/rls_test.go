package schema_test

import (
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

const rlsHCL = `dialect = "postgres"
table "events" {
  column "id" {
    type = "bigint"
  }
  column "at" {
    type = "timestamp"
  }
  column "tenant" {
    type = "text"
  }
  primary_key {
    columns = ["id", "at"]
  }
  row_security       = true
  force_row_security = true
  partition_by {
    strategy = "RANGE"
    columns  = ["at"]
  }
}
table "events_2024" {
  partition_of {
    parent = "events"
    bound  = "for values from ('2024-01-01') to ('2025-01-01')"
  }
}
table "events_rest" {
  partition_of {
    parent = "public.events"
    bound  = "default"
  }
}
policy "tenant_read" {
  on      = "events"
  command = "SELECT"
  roles   = ["PUBLIC"]
  using   = "tenant = current_setting('app.tenant')"
}
policy "admin_write" {
  on          = "public.events"
  restrictive = true
  roles       = ["writer", "admin"]
  with_check  = "tenant IS NOT NULL"
  comment     = "writes need a tenant"
}
`

const rlsYAML = `dialect: postgres
tables:
  - name: events
    columns:
      - {name: id, type: bigint}
      - {name: at, type: timestamp}
      - {name: tenant, type: text}
    primary_key: {columns: [id, at]}
    row_security: true
    force_row_security: true
    partition_by: {strategy: RANGE, columns: [at]}
  - name: events_2024
    partition_of: {parent: events, bound: "for values from ('2024-01-01') to ('2025-01-01')"}
  - name: events_rest
    partition_of: {parent: public.events, bound: default}
policies:
  - {name: tenant_read, on: events, command: SELECT, roles: [PUBLIC], using: "tenant = current_setting('app.tenant')"}
  - name: admin_write
    on: public.events
    restrictive: true
    roles: [writer, admin]
    with_check: tenant IS NOT NULL
    comment: writes need a tenant
`

// TestRLSAndPartitionsLoaded checks that row security, policies and
// partitioning load alike from HCL and YAML, canonical (PUBLIC as no role,
// roles sorted, command lower case, "all" when unset, the parent
// qualified, the bound as PostgreSQL prints it: a date-only value of a
// timestamp key with its time), and that the HCL and YAML writers give
// them back.
func TestRLSAndPartitionsLoaded(t *testing.T) {
	wantPolicies := []*schema.Policy{
		{Schema: "public", Table: "events", Name: "admin_write", Command: "all", Restrictive: true, Roles: []string{"admin", "writer"},
			WithCheck: "tenant is not null", WithCheckSource: "tenant IS NOT NULL", Comment: "writes need a tenant"},
		{Schema: "public", Table: "events", Name: "tenant_read", Command: "select",
			Using: "tenant = current_setting('app.tenant')", UsingSource: "tenant = current_setting('app.tenant')"},
	}
	wantParts := map[string]string{
		"events_2024": `{"parent":"public.events","bound":"FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2025-01-01 00:00:00')"}`,
		"events_rest": `{"parent":"public.events","bound":"DEFAULT"}`,
	}
	check := func(t *testing.T, db *schema.Database, how string) {
		t.Helper()
		if g, w := jsonOf(t, db.Policies), jsonOf(t, wantPolicies); g != w {
			t.Errorf("%s: policies:\n got %s\nwant %s", how, g, w)
		}
		ev := db.Table(schema.QName{Schema: "public", Name: "events"})
		if !ev.RowSecurity || !ev.ForceRowSecurity || jsonOf(t, ev.PartitionBy) != `{"strategy":"range","keys":[{"column":"at"}]}` {
			t.Errorf("%s: events: row security %v, forced %v, partition by %s", how, ev.RowSecurity, ev.ForceRowSecurity, jsonOf(t, ev.PartitionBy))
		}
		for name, want := range wantParts {
			if g := jsonOf(t, db.Table(schema.QName{Schema: "public", Name: name}).PartitionOf); g != want {
				t.Errorf("%s: %s partition_of %s, want %s", how, name, g, want)
			}
		}
	}
	for _, tc := range []struct{ file, src string }{{"s.hcl", rlsHCL}, {"s.yaml", rlsYAML}} {
		t.Run(tc.file, func(t *testing.T) {
			db := normalized(t, mustLoad(t, schema.LoadOptions{}, writeFiles(t, map[string]string{tc.file: tc.src})))
			check(t, db, "loaded")
			for _, w := range writers {
				back, _ := roundTrip(t, db, w.ext, w.write)
				check(t, normalized(t, back), "written as "+w.ext+" and read back")
			}
		})
	}
}

// TestCanonicalPartitionBound checks bounds spelled as pg_get_expr prints
// them, given the key's types.
func TestCanonicalPartitionBound(t *testing.T) {
	for _, tc := range []struct {
		bound string
		types []string
		want  string
	}{
		{"default", nil, "DEFAULT"},
		{"for values from (1) to ('100')", []string{"integer"}, "FOR VALUES FROM (1) TO (100)"},
		{"FOR VALUES FROM (MINVALUE, 'a') TO (10, maxvalue)", []string{"bigint", "text"}, "FOR VALUES FROM (MINVALUE, 'a') TO (10, MAXVALUE)"},
		{"for values in ('a','b', null)", []string{"text"}, "FOR VALUES IN ('a', 'b', NULL)"},
		{"FOR VALUES IN ('it''s')", []string{"character varying(10)"}, "FOR VALUES IN ('it''s')"},
		{"for values with (MODULUS 4, REMAINDER 1)", []string{"bigint"}, "FOR VALUES WITH (modulus 4, remainder 1)"},
		{"FOR VALUES FROM ('2024-01-01'::date) TO ('2025-01-01')", []string{"date"}, "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"},
		{"FOR VALUES FROM ('2024-01-01') TO ('2025-01-01 00:00:00')", []string{"timestamp without time zone"},
			"FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2025-01-01 00:00:00')"},
	} {
		if got := schema.CanonicalPartitionBound(tc.bound, tc.types); got != tc.want {
			t.Errorf("CanonicalPartitionBound(%q, %q) = %q, want %q", tc.bound, tc.types, got, tc.want)
		}
	}
}

// TestRLSAndPartitionsDiagnostics checks the errors about policies, row
// security and partitioning at their position.
func TestRLSAndPartitionsDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		name, file, src string
		want            []string
	}{
		{"sql server", "s.hcl", `dialect = "sqlserver"
table "t" {
  column "a" {
    type = "int"
  }
  row_security = true
  partition_by {
    strategy = "range"
    columns  = ["a"]
  }
}
policy "p" {
  on = "t"
}
`, []string{
			`s.hcl:6:3: table dbo.t: row_security is a PostgreSQL option (remove it: SQL Server has no such option)`,
			`s.hcl:7:3: table dbo.t: partition_by is a PostgreSQL option (remove it: SQL Server has no such option)`,
			`s.hcl:12:1: policy p on dbo.t: policies are a PostgreSQL feature (row-level security policies are PostgreSQL's; SQL Server's security policies are not modelled)`,
		}},
		{"policy errors", "s.yaml", `dialect: postgres
tables:
  - name: t
    columns:
      - {name: a, type: int}
policies:
  - {name: p, on: t, command: upsert}
  - {name: q, on: t, command: insert, using: a > 0}
  - {name: r, on: t, command: select, with_check: a > 0, roles: [x, X]}
  - {name: p, on: missing}
  - {name: p, on: t}
`, []string{
			`s.yaml:7:22: policy p on public.t: invalid command "upsert" (use one of all, select, insert, update, delete)`,
			`s.yaml:8:39: policy q on public.t: an insert policy takes no using (PostgreSQL: only WITH CHECK expression allowed for INSERT) (write the condition as with_check)`,
			`s.yaml:9:39: policy r on public.t: a select policy takes no with_check (PostgreSQL: WITH CHECK cannot be applied to SELECT or DELETE) (write the condition as using)`,
			`s.yaml:9:69: policy r on public.t: role "X" is given twice (first declared at s.yaml:9:66; rename or remove one of them)`,
			`s.yaml:10:15: policy p on public.missing: unknown table public.missing (declare the table, or fix the name)`,
			`s.yaml:11:6: policy p on public.t: policy p is declared twice on public.t (first declared at s.yaml:7:6; rename or remove one of them)`,
		}},
		{"partition errors", "s.hcl", `dialect = "postgres"
table "p" {
  column "id" {
    type = "int"
  }
  column "at" {
    type = "date"
  }
  primary_key {
    columns = ["id"]
  }
  partition_by {
    strategy = "interval"
    columns  = ["at", "nope"]
  }
}
table "h" {
  column "id" {
    type = "int"
  }
  partition_by {
    strategy = "hash"
    columns  = ["id"]
  }
}
table "plain" {
  column "id" {
    type = "int"
  }
}
table "c1" {
  column "x" {
    type = "int"
  }
  partition_of {
    parent = "plain"
    bound  = "VALUES 1"
  }
}
table "c2" {
  partition_of {
    parent = "h"
    bound  = "DEFAULT"
  }
}
table "c3" {
  partition_of {
    parent = "gone"
    bound  = "DEFAULT"
  }
}
`, []string{
			`s.hcl:10:16: table public.p primary key: a primary key of a partitioned table must include every partition key column (PostgreSQL: unique constraint on partitioned table must include all partitioning columns); at is missing (add at to its columns)`,
			`s.hcl:13:5: table public.p: invalid partition strategy "interval" (use "range", "list" or "hash")`,
			`s.hcl:14:23: table public.p partition key: unknown column "nope" in public.p (declare the column in public.p, or fix the name)`,
			`s.hcl:32:3: table public.c1 column x: a partition declares no columns (remove it: a partition has the columns of its parent (declare them there))`,
			`s.hcl:36:5: table public.c1: parent table public.plain is not partitioned (add a partition_by block to public.plain)`,
			`s.hcl:37:5: table public.c1: invalid partition bound "VALUES 1" (write "FOR VALUES FROM (…) TO (…)", "FOR VALUES IN (…)", "FOR VALUES WITH (MODULUS m, REMAINDER r)" or "DEFAULT")`,
			`s.hcl:43:5: table public.c2: a hash-partitioned table has no default partition (give the partition a FOR VALUES WITH (MODULUS m, REMAINDER r) bound)`,
			`s.hcl:48:5: table public.c3: unknown parent table public.gone (declare the partitioned table, or fix the name)`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { assertDiagnostics(t, tc.file, tc.src, tc.want) })
	}
}
