package introspect

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/schema"
)

// pgIgnored is the end of every warning about something not read.
const pgIgnored = "; the comparison ignores it and migrations leave it alone"

// pgUnmodelledWarnings finds everything in the selected
// schemas ($1) and tables ($2) that the model cannot hold: objects of kinds
// schemadiff does not manage, and attributes of tables and columns it does
// not read (views, functions, triggers, policies, partitions, sequences,
// domains, composite types and extensions are read by their own steps,
// which warn about what of them they cannot model). It returns one row per object: the schema, the relation name the
// exclude patterns apply to (empty for objects that are not relations), the
// object with its kind, what is not read, and whether the object lives in the
// schema on its own (so DROP SCHEMA would fail because of it). Objects an
// extension owns (pg_depend deptype 'e') are left out: the extension is
// modelled (readExtensions) and manages them.
// Catalogs: https://www.postgresql.org/docs/15/catalogs.html.
const pgUnmodelledWarnings = `
SELECT n.nspname AS nsp, c.relname AS rel,
       'foreign table ' || n.nspname || '.' || c.relname AS object,
       'foreign tables are not modelled' || '` + pgIgnored + `' AS message,
       true AS in_schema
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relnamespace = ANY($1::oid[])
  AND c.relkind = 'f'
  AND (c.oid) NOT IN (SELECT objid FROM notext WHERE classid = 'pg_class'::regclass)
UNION ALL
-- attributes of the selected tables that are not read
SELECT n.nspname, c.relname, 'table ' || n.nspname || '.' || c.relname,
       concat_ws('; ',
         (SELECT 'inheritance (INHERITS ' || string_agg(pn.nspname || '.' || pc.relname, ', ' ORDER BY ih.inhseqno) || ') is not read'
            FROM pg_inherits ih JOIN pg_class pc ON pc.oid = ih.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
           WHERE ih.inhrelid = c.oid AND NOT c.relispartition),
         (SELECT 'privileges granted to ' || string_agg(DISTINCT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END, ', ') || ' are not read'
            FROM aclexplode(c.relacl) x WHERE x.grantee <> c.relowner)
       ) || '` + pgIgnored + `',
       false
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = ANY($2::oid[]) AND c.relkind IN ('r', 'p')
  AND (EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = c.oid AND NOT c.relispartition)
       OR EXISTS (SELECT 1 FROM aclexplode(c.relacl) x WHERE x.grantee <> c.relowner))
UNION ALL
-- attributes of the columns of the selected tables that are not read
SELECT n.nspname, c.relname, 'column ' || n.nspname || '.' || c.relname || '.' || a.attname,
       concat_ws('; ',
         CASE WHEN a.attstattarget >= 0 THEN 'the statistics target (' || a.attstattarget || ') is not read' END,
         CASE WHEN a.attoptions IS NOT NULL THEN 'options (' || array_to_string(a.attoptions, ', ') || ') are not read' END,
         CASE WHEN a.attacl IS NOT NULL THEN 'column privileges are not read' END
       ) || '` + pgIgnored + `',
       false
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE a.attrelid = ANY($2::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
  AND (a.attstattarget >= 0
       OR a.attoptions IS NOT NULL OR a.attacl IS NOT NULL)
UNION ALL
-- the columns of the selected partitions whose NOT NULL or default is not their parent's (partitions are
-- read without columns: they have their parent's)
SELECT n.nspname, c.relname, 'column ' || n.nspname || '.' || c.relname || '.' || a.attname,
       'the partition''s own ' || concat_ws(' and ',
         CASE WHEN a.attnotnull AND NOT pa.attnotnull THEN 'NOT NULL' END,
         CASE WHEN pg_get_expr(d.adbin, d.adrelid) IS DISTINCT FROM pg_get_expr(pd.adbin, pd.adrelid)
              THEN 'default (' || coalesce(pg_get_expr(d.adbin, d.adrelid), 'none') || ')' END
       ) || ' is not read' || '` + pgIgnored + `',
       false
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid AND c.relispartition
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_inherits ih ON ih.inhrelid = c.oid
JOIN pg_attribute pa ON pa.attrelid = ih.inhparent AND pa.attname = a.attname AND NOT pa.attisdropped
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
WHERE a.attrelid = ANY($2::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
  AND (a.attnotnull AND NOT pa.attnotnull
       OR pg_get_expr(d.adbin, d.adrelid) IS DISTINCT FROM pg_get_expr(pd.adbin, pd.adrelid))
UNION ALL
SELECT n.nspname, c.relname,
       o.kind || ' ' || o.name || ' on ' || n.nspname || '.' || c.relname,
       o.kinds || ' are not modelled' || '` + pgIgnored + `', false
FROM (SELECT 'rule' AS kind, 'rules' AS kinds, rulename AS name, ev_class AS rel FROM pg_rewrite WHERE rulename <> '_RETURN') o
JOIN pg_class c ON c.oid = o.rel
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE o.rel = ANY($2::oid[])
UNION ALL
SELECT n.nspname, '',
       CASE t.typtype WHEN 'r' THEN 'range type ' ELSE 'type ' END || n.nspname || '.' || t.typname,
       CASE t.typtype WHEN 'r' THEN 'range types' ELSE 'base types' END || ' are not modelled' || '` + pgIgnored + `',
       true
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typnamespace = ANY($1::oid[]) AND (t.typtype = 'r' OR t.typtype = 'b' AND t.typcategory <> 'A')
  AND t.oid NOT IN (SELECT objid FROM notext WHERE classid = 'pg_type'::regclass)
UNION ALL
SELECT n.nspname, '', o.kind || ' ' || n.nspname || '.' || o.name,
       o.kind || 's are not modelled' || '` + pgIgnored + `', true
FROM (SELECT 'collation' AS kind, oid, collname AS name, collnamespace AS nsp, 'pg_collation'::regclass AS cat FROM pg_collation
      UNION ALL SELECT 'statistics object', oid, stxname, stxnamespace, 'pg_statistic_ext'::regclass FROM pg_statistic_ext
      UNION ALL SELECT 'text search configuration', oid, cfgname, cfgnamespace, 'pg_ts_config'::regclass FROM pg_ts_config
      UNION ALL SELECT 'operator', oid, oprname, oprnamespace, 'pg_operator'::regclass FROM pg_operator
      UNION ALL SELECT 'conversion', oid, conname, connamespace, 'pg_conversion'::regclass FROM pg_conversion) o
JOIN pg_namespace n ON n.oid = o.nsp
WHERE o.nsp = ANY($1::oid[]) AND (o.cat, o.oid) NOT IN (SELECT classid, objid FROM notext)
UNION ALL
SELECT '', '', o.kind || ' ' || o.name, o.kind || 's are not modelled' || '` + pgIgnored + `', false
FROM (SELECT 'event trigger' AS kind, evtname AS name FROM pg_event_trigger
      UNION ALL SELECT 'publication', pubname FROM pg_publication
      UNION ALL SELECT 'subscription', subname FROM pg_subscription WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      UNION ALL SELECT 'foreign server', srvname FROM pg_foreign_server) o`

// pgUnmodelledDependents finds the objects schemadiff does not manage that
// depend on the selected tables ($2) or on their columns with a normal
// dependency (pg_depend deptype 'n': dropping or retyping what they depend
// on fails): views and materialized views (through their _RETURN rule in
// pg_rewrite; readUnmodelled leaves out those readViews read: they are
// managed), rules, functions with SQL-standard bodies,
// and inheritance children (which are read as tables but not as children).
// It returns the schema, table and column (empty for the table itself)
// depended on, whether the dependent belongs to that table, and the
// dependent with its kind. A rule's own dependency on its whole table is
// left out: it goes with the table. Triggers and policies are modelled:
// diff drops and creates again those on a column it drops or retypes.
const pgUnmodelledDependents = `
SELECT DISTINCT n.nspname AS nsp, c.relname AS rel, coalesce(a.attname, '') AS col,
       rc.oid IS NOT DISTINCT FROM c.oid AS attached,
       CASE WHEN d.classid = 'pg_rewrite'::regclass AND r.rulename = '_RETURN' THEN
                 CASE rc.relkind WHEN 'm' THEN 'materialized view ' ELSE 'view ' END || rn.nspname || '.' || rc.relname
            WHEN d.classid = 'pg_rewrite'::regclass THEN 'rule ' || r.rulename || ' on ' || rn.nspname || '.' || rc.relname
            WHEN d.classid = 'pg_class'::regclass THEN 'table ' || icn.nspname || '.' || ic.relname || ' (a child table, INHERITS)'
            ELSE CASE f.prokind WHEN 'p' THEN 'procedure ' ELSE 'function ' END || fn.nspname || '.' || f.proname ||
                 '(' || pg_get_function_identity_arguments(f.oid) || ')' END AS object
FROM pg_depend d
JOIN pg_class c ON c.oid = d.refobjid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute a ON d.refobjsubid > 0 AND a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
LEFT JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
LEFT JOIN pg_class rc ON rc.oid = r.ev_class
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
LEFT JOIN pg_class ic ON d.classid = 'pg_class'::regclass AND ic.oid = d.objid AND ic.relkind IN ('r', 'p')
LEFT JOIN pg_namespace icn ON icn.oid = ic.relnamespace
LEFT JOIN pg_proc f ON d.classid = 'pg_proc'::regclass AND f.oid = d.objid
LEFT JOIN pg_namespace fn ON fn.oid = f.pronamespace
WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = ANY($2::oid[]) AND d.deptype = 'n'
  AND d.classid IN ('pg_rewrite'::regclass, 'pg_proc'::regclass, 'pg_class'::regclass)
  AND (d.classid IN ('pg_rewrite'::regclass, 'pg_proc'::regclass)
       OR ic.oid IS NOT NULL)
  AND NOT (d.refobjsubid = 0 AND rc.oid IS NOT DISTINCT FROM c.oid)`

// pgUnmodelledQuery reads, in one statement, what pgUnmodelledWarnings and
// pgUnmodelledDependents find: rows of kind 'warning' and 'dependent'.
const pgUnmodelledQuery = `
WITH notext AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
SELECT kind, nsp, rel, col, object, message, flag FROM (
  SELECT 'warning' AS kind, nsp, rel, '' AS col, object, message, in_schema AS flag, object AS sort FROM (` + pgUnmodelledWarnings + `) w
  UNION ALL
  SELECT 'dependent', nsp, rel, col, object, '', attached, rel FROM (` + pgUnmodelledDependents + `) d
) u
ORDER BY kind DESC, nsp, sort, col, object`

// readUnmodelled runs pgUnmodelledQuery: it warns about every object and
// attribute not modelled (leaving out the relations opts excludes), and
// records the dependents but the views readViews read (an excluded view,
// or one of a schema not selected, stays an unmanaged dependent), with the objects that live in a schema on their
// own as dependents of that schema.
func (c *pgCatalog) readUnmodelled(ctx context.Context, tx pgx.Tx, opts Options) error {
	rows, err := tx.Query(ctx, pgUnmodelledQuery, c.schemaIDs, c.tableIDs)
	if err != nil {
		return err
	}
	managed := map[string]bool{} // the views read, named as dependents are
	for _, v := range c.db.Views {
		managed[v.Describe()] = true
	}
	var kind, nsp, rel, col, object, message string
	var flag bool
	_, err = pgx.ForEachRow(rows, []any{&kind, &nsp, &rel, &col, &object, &message, &flag}, func() error {
		if kind == "dependent" && managed[object] {
			return nil
		}
		if kind == "dependent" {
			c.db.Dependents = append(c.db.Dependents, schema.Dependent{Schema: nsp, Table: rel, Column: col, Attached: flag, Object: object})
			return nil
		}
		if rel != "" {
			if skip, err := opts.excluded(nsp, rel); err != nil || skip {
				return err
			}
		}
		c.db.Warnings = append(c.db.Warnings, schema.Warning{Object: object, Message: message})
		if flag {
			c.db.Dependents = append(c.db.Dependents, schema.Dependent{Schema: nsp, Object: object})
		}
		return nil
	})
	schema.SortDependents(c.db)
	return err
}
