package introspect

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/schema"
)

// pgFunctionsQuery reads every function, procedure, aggregate and window
// function of the selected schemas ($1) but those an extension owns, in one
// statement (https://www.postgresql.org/docs/15/catalog-pg-proc.html). The
// argument list and result come as pg_get_function_arguments and
// pg_get_function_result print them (the search_path is public), the body
// as prosrc holds it; prosqlbody (PostgreSQL 14+) is read through to_jsonb
// so that older servers read NULL.
var pgFunctionsQuery = `
SELECT n.nspname, p.proname, p.prokind::text, pg_get_function_arguments(p.oid),
       pg_get_function_identity_arguments(p.oid), coalesce(pg_get_function_result(p.oid), ''),
       l.lanname, coalesce(p.prosrc, ''), p.provolatile::text, p.proisstrict, p.prosecdef, p.proleakproof,
       p.proparallel::text, p.procost::float8, p.prorows::float8, coalesce(p.proconfig, '{}'),
       coalesce(ds.description, ''), (to_jsonb(p) ->> 'prosqlbody') IS NOT NULL
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
LEFT JOIN pg_description ds ON ds.objoid = p.oid AND ds.classoid = 'pg_proc'::regclass AND ds.objsubid = 0
WHERE p.pronamespace = ANY($1::oid[])
  AND ` + fmt.Sprintf(pgNotExtensionMember, "pg_proc", "p.oid") + `
ORDER BY n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)`

// pgVolatility and pgParallel map pg_proc's codes to the model's words.
var (
	pgVolatility = map[string]string{"v": "volatile", "s": "stable", "i": "immutable"}
	pgParallel   = map[string]string{"u": "unsafe", "r": "restricted", "s": "safe"}
)

// readFunctions reads functions and procedures (the estimates as they are:
// Normalize drops the defaults). Aggregates, window
// functions, functions in C or internal language and functions with an
// SQL-standard body (BEGIN ATOMIC, RETURN …) are not modelled: each is
// warned about and recorded as living in its schema (DROP SCHEMA fails).
func (c *pgCatalog) readFunctions(ctx context.Context, tx pgx.Tx, _ Options) error {
	rows, err := tx.Query(ctx, pgFunctionsQuery, c.schemaIDs)
	if err != nil {
		return err
	}
	var (
		nsp, name, kind, args, identity, result, lang, src, vol, par, comment string
		strict, secdef, leakproof, sqlBody                                    bool
		cost, nrows                                                           float64
		config                                                                []string
	)
	_, err = pgx.ForEachRow(rows, []any{&nsp, &name, &kind, &args, &identity, &result, &lang, &src, &vol,
		&strict, &secdef, &leakproof, &par, &cost, &nrows, &config, &comment, &sqlBody}, func() error {
		object := fmt.Sprintf("%s %s.%s(%s)", pgProKinds[kind], nsp, name, identity)
		why := ""
		switch {
		case kind == "a" || kind == "w":
			why = pgProKinds[kind] + "s are not modelled"
		case lang == "c" || lang == "internal":
			why = "functions in language " + lang + " are not modelled"
		case sqlBody:
			why = "SQL-standard bodies (BEGIN ATOMIC, RETURN …) are not read"
		}
		if why != "" {
			c.db.Warnings = append(c.db.Warnings, schema.Warning{Object: object, Message: why + pgIgnored})
			c.db.Dependents = append(c.db.Dependents, schema.Dependent{Schema: nsp, Object: object})
			return nil
		}
		parsed, err := schema.ParseFunctionArgs(args)
		if err != nil {
			return fmt.Errorf("%s: %w", object, err)
		}
		f := &schema.Function{Schema: nsp, Name: name, Procedure: kind == "p", Args: parsed, Returns: result,
			Language: lang, Body: src, Volatility: pgVolatility[vol], Strict: strict, SecurityDefiner: secdef,
			Leakproof: leakproof, Parallel: pgParallel[par], Cost: cost, Rows: nrows, Set: config, Comment: comment}
		c.db.Functions = append(c.db.Functions, f)
		return nil
	})
	return err
}

// pgProKinds names pg_proc.prokind.
var pgProKinds = map[string]string{"f": "function", "p": "procedure", "a": "aggregate", "w": "window function"}

// pgTriggersQuery reads the triggers of the selected tables ($1) in one
// statement, but internal ones (foreign keys' and deferred uniques') and the
// clones PostgreSQL makes on partitions (tgparentid, PostgreSQL 13+, read
// through to_jsonb) (https://www.postgresql.org/docs/15/catalog-pg-trigger.html).
// The WHEN condition is taken from pg_get_triggerdef (tgqual cannot be
// deparsed by pg_get_expr).
var pgTriggersQuery = `
SELECT t.tgrelid, t.tgname, t.tgtype::int4,
       ARRAY(SELECT a.attname FROM unnest(t.tgattr::int2[]) WITH ORDINALITY k(num, i)
             JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.num ORDER BY k.i)::text[],
       t.tgargs, t.tgnargs::int4, coalesce(t.tgoldtable, ''), coalesce(t.tgnewtable, ''),
       fn.nspname || '.' || f.proname, t.tgenabled::text,
       CASE WHEN t.tgqual IS NOT NULL THEN pg_get_triggerdef(t.oid) ELSE '' END,
       coalesce(ds.description, ''), t.tgconstraint <> 0
FROM pg_trigger t
JOIN pg_proc f ON f.oid = t.tgfoid
JOIN pg_namespace fn ON fn.oid = f.pronamespace
LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_trigger'::regclass AND ds.objsubid = 0
WHERE t.tgrelid = ANY($1::oid[]) AND NOT t.tgisinternal
  AND coalesce((to_jsonb(t) ->> 'tgparentid')::oid, 0) = 0
ORDER BY t.tgrelid, t.tgname`

// pg_trigger.tgtype bits (PostgreSQL's catalog/pg_trigger.h).
const (
	pgTriggerRow      = 1 << 0
	pgTriggerBefore   = 1 << 1
	pgTriggerInsert   = 1 << 2
	pgTriggerDelete   = 1 << 3
	pgTriggerUpdate   = 1 << 4
	pgTriggerTruncate = 1 << 5
	pgTriggerInstead  = 1 << 6
)

// pgTriggerEnabled maps pg_trigger.tgenabled to Trigger.Enabled.
var pgTriggerEnabled = map[string]string{"O": "", "D": "disabled", "R": "replica", "A": "always"}

// readTriggers reads the triggers of the selected tables. Constraint
// triggers (CREATE CONSTRAINT TRIGGER) are not modelled: each is warned about.
func (c *pgCatalog) readTriggers(ctx context.Context, tx pgx.Tx, _ Options) error {
	rows, err := tx.Query(ctx, pgTriggersQuery, c.tableIDs)
	if err != nil {
		return err
	}
	var (
		rel                                                 uint32
		name, oldTable, newTable, fn, enabled, def, comment string
		typ, nargs                                          int32
		updateOf                                            []string
		args                                                []byte
		constraint                                          bool
	)
	_, err = pgx.ForEachRow(rows, []any{&rel, &name, &typ, &updateOf, &args, &nargs, &oldTable, &newTable, &fn,
		&enabled, &def, &comment, &constraint}, func() error {
		t := c.tables[rel]
		if constraint {
			c.db.Warnings = append(c.db.Warnings, schema.Warning{
				Object:  fmt.Sprintf("trigger %s on %s", name, t.QName()),
				Message: "constraint triggers are not modelled" + pgIgnored,
			})
			return nil
		}
		tr := &schema.Trigger{Schema: t.Schema, Table: t.Name, Name: name, UpdateOf: updateOf, OldTable: oldTable,
			NewTable: newTable, Function: fn, Enabled: pgTriggerEnabled[enabled], Comment: comment,
			ForEachRow: typ&pgTriggerRow != 0}
		switch {
		case typ&pgTriggerInstead != 0:
			tr.Timing = "instead of"
		case typ&pgTriggerBefore != 0:
			tr.Timing = "before"
		default:
			tr.Timing = "after"
		}
		for _, e := range []struct {
			bit  int32
			name string
		}{{pgTriggerInsert, "insert"}, {pgTriggerUpdate, "update"}, {pgTriggerDelete, "delete"}, {pgTriggerTruncate, "truncate"}} {
			if typ&e.bit != 0 {
				tr.Events = append(tr.Events, e.name)
			}
		}
		if nargs > 0 {
			for _, a := range bytes.Split(bytes.TrimSuffix(args, []byte{0}), []byte{0}) {
				tr.Args = append(tr.Args, string(a))
			}
		}
		if def != "" {
			start, end := strings.Index(def, " WHEN ("), strings.LastIndex(def, ") EXECUTE ")
			if start < 0 || end < start {
				return fmt.Errorf("trigger %s on %s: no WHEN condition in %q", name, t.QName(), def)
			}
			tr.When = def[start+len(" WHEN (") : end]
		}
		c.db.Triggers = append(c.db.Triggers, tr)
		return nil
	})
	return err
}
