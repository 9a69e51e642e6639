package introspect

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/schema"
)

// pgViewsQuery reads the views and materialized views of the selected
// schemas ($1), one row each, with what the model does not hold (options,
// privileges, rules, column comments: warned about) and what each depends
// on: the relations, columns, functions and types its _RETURN rule
// references in pg_depend
// (https://www.postgresql.org/docs/15/catalog-pg-depend.html), as
// "kind\tschema\tname\tcolumn" strings. pg_get_viewdef prints the query with
// the session's search_path (public): relations of public unqualified.
// Views an extension owns are left out.
var pgViewsQuery = `
SELECT c.oid, n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid), coalesce(c.reloptions, '{}'),
       c.relkind = 'm' AND NOT c.relispopulated, coalesce(ds.description, ''),
       c.relacl IS NOT NULL AND EXISTS (SELECT 1 FROM aclexplode(c.relacl) x WHERE x.grantee <> c.relowner),
       ARRAY(SELECT rulename::text FROM pg_rewrite WHERE ev_class = c.oid AND rulename <> '_RETURN' ORDER BY 1),
       EXISTS (SELECT 1 FROM pg_description cd WHERE cd.objoid = c.oid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid > 0),
       ARRAY(SELECT DISTINCT CASE
                WHEN d.refclassid = 'pg_class'::regclass THEN
                     CASE WHEN rc.relkind IN ('v', 'm') THEN 'view' ELSE 'table' END || E'\t' || rn.nspname || E'\t' || rc.relname ||
                     E'\t' || coalesce(ra.attname, '')
                WHEN d.refclassid = 'pg_proc'::regclass THEN
                     'function' || E'\t' || pn.nspname || E'\t' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' || E'\t'
                ELSE 'type' || E'\t' || tn.nspname || E'\t' || t.typname || E'\t' END
             FROM pg_rewrite r
             JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.deptype = 'n'
             LEFT JOIN pg_class rc ON d.refclassid = 'pg_class'::regclass AND rc.oid = d.refobjid
             LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
             LEFT JOIN pg_attribute ra ON ra.attrelid = rc.oid AND ra.attnum = d.refobjsubid AND d.refobjsubid > 0
             LEFT JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
             LEFT JOIN pg_namespace pn ON pn.oid = p.pronamespace
             LEFT JOIN pg_type t ON d.refclassid = 'pg_type'::regclass AND t.oid = d.refobjid
             LEFT JOIN pg_namespace tn ON tn.oid = t.typnamespace
             WHERE r.ev_class = c.oid AND r.rulename = '_RETURN'
               AND d.refobjid <> c.oid
               AND coalesce(rn.nspname, pn.nspname, tn.nspname) NOT IN ('pg_catalog', 'information_schema')
             ORDER BY 1)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
WHERE c.relkind IN ('v', 'm') AND c.relnamespace = ANY($1::oid[])
  AND ` + fmt.Sprintf(pgNotExtensionMember, "pg_class", "c.oid") + `
ORDER BY n.nspname, c.relname`

// readViews reads the views and materialized views (pgViewsQuery). A
// materialized view is also listed with the tables whose columns and
// indexes the next steps read, under a table of its own that is not part
// of the schema: readIndexes' indexes of it go to the view (viewIndexes).
func (c *pgCatalog) readViews(ctx context.Context, tx pgx.Tx, opts Options) error {
	rows, err := tx.Query(ctx, pgViewsQuery, c.schemaIDs)
	if err != nil {
		return err
	}
	var (
		oid                          uint32
		nsp, name, def, comment      string
		materialized, noData, grants bool
		options, deps, rules         []string
		colComments                  bool
	)
	_, err = pgx.ForEachRow(rows, []any{&oid, &nsp, &name, &materialized, &def, &options, &noData, &comment, &grants,
		&rules, &colComments, &deps}, func() error {
		if skip, err := opts.excluded(nsp, name); err != nil || skip {
			return err
		}
		v := &schema.View{Schema: nsp, Name: name, Materialized: materialized, Comment: comment, WithNoData: noData,
			Query: strings.TrimSuffix(strings.TrimSpace(def), ";")}
		var unread []string
		for _, o := range options {
			k, val, _ := strings.Cut(o, "=")
			switch {
			case k == "check_option" && !materialized:
				v.CheckOption = val
			case k == "security_barrier" && !materialized:
				v.SecurityBarrier = val == "true" || val == "on"
			case k == "security_invoker" && !materialized:
				v.SecurityInvoker = val == "true" || val == "on"
			default:
				unread = append(unread, o)
			}
		}
		object := v.Describe()
		var unmodelled []string
		if len(unread) > 0 {
			unmodelled = append(unmodelled, "options ("+strings.Join(unread, ", ")+") are not read")
		}
		if grants {
			unmodelled = append(unmodelled, "privileges are not read")
		}
		if len(rules) > 0 {
			unmodelled = append(unmodelled, "rules ("+strings.Join(rules, ", ")+") are not read")
		}
		if colComments {
			unmodelled = append(unmodelled, "column comments are not read")
		}
		if len(unmodelled) > 0 {
			c.db.Warnings = append(c.db.Warnings, schema.Warning{Object: object, Message: strings.Join(unmodelled, "; ") + pgIgnored})
		}
		for _, d := range deps {
			f := strings.Split(d, "\t")
			if len(f) != 4 {
				return fmt.Errorf("%s: unexpected dependency %q", object, d)
			}
			ref := schema.ObjectRef{Kind: schema.ObjectKind(f[0]), Schema: f[1], Name: f[2]}
			v.DependsOn = append(v.DependsOn, ref)
			if f[3] != "" {
				v.DependsOn = append(v.DependsOn, schema.ObjectRef{Kind: schema.KindColumn, Schema: f[1], Name: f[2], Column: f[3]})
			}
		}
		v.DependsOn = schema.SortRefs(v.DependsOn)
		c.db.Views = append(c.db.Views, v)
		if materialized {
			tb := &pgTable{Table: &schema.Table{Schema: nsp, Name: name}, attnames: map[int16]string{}, attcolls: map[int16]uint32{}}
			c.tables[oid] = tb
			c.tableIDs = append(c.tableIDs, oid)
			c.matviews = append(c.matviews, matview{tb, v})
		}
		return nil
	})
	return err
}

// matview pairs a materialized view with the table its columns and
// indexes are read into.
type matview struct {
	t *pgTable
	v *schema.View
}

// viewIndexes moves the indexes read for the materialized views to them.
func (c *pgCatalog) viewIndexes() {
	for _, m := range c.matviews {
		m.v.Indexes = m.t.Indexes
	}
}
