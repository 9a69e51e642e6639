package introspect

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/schema"
)

// The catalog queries of extensions, sequences, domains and composite types:
// one each, for all selected schemas ($1) at once. Objects an extension owns
// (pg_depend deptype 'e') are left out: the extension manages them.

// pgUserTypeName is the SQL of the qualified name ("schema.name") of the
// type whose pg_type row is %[1]s and pg_namespace row %[2]s when it is an
// enum, a domain or a composite type (CREATE TYPE … AS) that no extension
// owns — the types the model names qualified (schema.Column.Type) — and
// NULL otherwise.
const pgUserTypeName = `CASE WHEN (%[1]s.typtype IN ('e', 'd')
            OR %[1]s.typtype = 'c' AND (SELECT r.relkind FROM pg_class r WHERE r.oid = %[1]s.typrelid) = 'c')
           AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_type'::regclass AND x.objid = %[1]s.oid AND x.deptype = 'e')
      THEN %[2]s.nspname || '.' || %[1]s.typname END`

// pgTypeName is the SQL of the model's name of the type with oid %[1]s and
// type modifier %[2]s: qualified for enums, domains and composite types
// (and arrays of them, "schema.name[]"), as format_type prints it
// otherwise.
func pgTypeName(oid, typmod string) string {
	return fmt.Sprintf(`(SELECT coalesce(%s, %s || '[]', format_type(%s, %s))
	FROM pg_type ut JOIN pg_namespace un ON un.oid = ut.typnamespace
	LEFT JOIN pg_type ue ON ue.oid = ut.typelem AND ut.typcategory = 'A'
	LEFT JOIN pg_namespace uen ON uen.oid = ue.typnamespace
	WHERE ut.oid = %s)`, fmt.Sprintf(pgUserTypeName, "ut", "un"), fmt.Sprintf(pgUserTypeName, "ue", "uen"), oid, typmod, oid)
}

var (
	// pgExtensionsQuery reads the extensions installed in the selected
	// schemas, but plpgsql (which every database has). The comment an
	// extension's control file gives it (pg_available_extensions.comment)
	// is read as no comment, as schema files never write it.
	pgExtensionsQuery = `
SELECT x.extname, n.nspname, x.extversion,
       CASE WHEN ds.description IS DISTINCT FROM ae.comment THEN coalesce(ds.description, '') ELSE '' END
FROM pg_extension x
JOIN pg_namespace n ON n.oid = x.extnamespace
LEFT JOIN pg_available_extensions ae ON ae.name = x.extname
LEFT JOIN pg_description ds ON ds.objoid = x.oid AND ds.classoid = 'pg_extension'::regclass AND ds.objsubid = 0
WHERE x.extnamespace = ANY($1::oid[]) AND x.extname <> 'plpgsql'
ORDER BY x.extname`

	// pgSequencesQuery reads the standalone sequences: not those of
	// identity columns (deptype 'i') nor those of serial columns (owned
	// by an integer column whose default is its nextval(), as readColumns
	// reads serials). OWNED BY comes from the 'a' dependency on a column.
	pgSequencesQuery = `
SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
       s.seqcache, s.seqcycle,
       coalesce((SELECT tn.nspname || '.' || t.relname || '.' || a.attname
                 FROM pg_depend o
                 JOIN pg_class t ON t.oid = o.refobjid
                 JOIN pg_namespace tn ON tn.oid = t.relnamespace
                 JOIN pg_attribute a ON a.attrelid = o.refobjid AND a.attnum = o.refobjsubid
                 WHERE o.classid = 'pg_class'::regclass AND o.objid = c.oid AND o.deptype = 'a'
                   AND o.refclassid = 'pg_class'::regclass AND o.refobjsubid > 0), ''),
       coalesce(ds.description, '')
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
WHERE c.relkind = 'S' AND c.relnamespace = ANY($1::oid[])
  AND ` + fmt.Sprintf(pgNotExtensionMember, "pg_class", "c.oid") + `
  AND NOT EXISTS (
       SELECT 1 FROM pg_depend o
       LEFT JOIN pg_attribute oa ON oa.attrelid = o.refobjid AND oa.attnum = o.refobjsubid
       LEFT JOIN pg_attrdef ad ON ad.adrelid = o.refobjid AND ad.adnum = o.refobjsubid
       WHERE o.classid = 'pg_class'::regclass AND o.objid = c.oid
         AND (o.deptype = 'i' OR o.deptype = 'a' AND oa.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)
              AND pg_get_expr(ad.adbin, ad.adrelid) = 'nextval(' || quote_literal(c.oid::regclass::text) || '::regclass)'))
ORDER BY n.nspname, c.relname`

	// pgDomainsQuery reads the domains with their check constraints
	// (pg_constraint.contypid), in name order. The collation is read when
	// it is not the base type's.
	pgDomainsQuery = `
SELECT n.nspname, t.typname, ` + pgTypeName("t.typbasetype", "t.typtypmod") + `,
       t.typnotnull, pg_get_expr(t.typdefaultbin, 0),
       coalesce(CASE WHEN t.typcollation <> bt.typcollation THEN co.collname END, ''),
       coalesce(ds.description, ''),
       ARRAY(SELECT k.conname FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname)::text[],
       ARRAY(SELECT pg_get_expr(k.conbin, 0) FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname)::text[],
       ARRAY(SELECT NOT k.convalidated FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname)::bool[]
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_collation co ON co.oid = t.typcollation
LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0
WHERE t.typtype = 'd' AND t.typnamespace = ANY($1::oid[])
  AND ` + fmt.Sprintf(pgNotExtensionMember, "pg_type", "t.oid") + `
ORDER BY n.nspname, t.typname`

	// pgCompositeTypesQuery reads the composite types made by CREATE TYPE
	// … AS (pg_class relkind 'c'; not the row types of tables), with their
	// attributes in order; an attribute's collation is read when it is not
	// its type's.
	pgCompositeTypesQuery = `
SELECT n.nspname, t.typname, coalesce(ds.description, ''),
       ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)::text[],
       ARRAY(SELECT ` + pgTypeName("a.atttypid", "a.atttypmod") + ` FROM pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)::text[],
       ARRAY(SELECT coalesce(CASE WHEN a.attcollation <> at.typcollation THEN co.collname END, '')
             FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid LEFT JOIN pg_collation co ON co.oid = a.attcollation
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)::text[]
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0
WHERE t.typtype = 'c' AND t.typnamespace = ANY($1::oid[])
  AND ` + fmt.Sprintf(pgNotExtensionMember, "pg_type", "t.oid") + `
ORDER BY n.nspname, t.typname`
)

// readExtensions reads the extensions of the selected schemas.
func (c *pgCatalog) readExtensions(ctx context.Context, tx pgx.Tx, _ Options) error {
	rows, err := tx.Query(ctx, pgExtensionsQuery, c.schemaIDs)
	if err != nil {
		return err
	}
	var x schema.Extension
	_, err = pgx.ForEachRow(rows, []any{&x.Name, &x.Schema, &x.Version, &x.Comment}, func() error {
		v := x
		c.db.Extensions = append(c.db.Extensions, &v)
		return nil
	})
	return err
}

// readSequences reads the sequences (those whose name opts excludes are
// left out, as tables are).
func (c *pgCatalog) readSequences(ctx context.Context, tx pgx.Tx, opts Options) error {
	rows, err := tx.Query(ctx, pgSequencesQuery, c.schemaIDs)
	if err != nil {
		return err
	}
	var s schema.Sequence
	var lo, hi int64
	_, err = pgx.ForEachRow(rows, []any{&s.Schema, &s.Name, &s.Type, &s.Start, &s.Increment, &lo, &hi, &s.Cache, &s.Cycle,
		&s.OwnedBy, &s.Comment}, func() error {
		if skip, err := opts.excluded(s.Schema, s.Name); err != nil || skip {
			return err
		}
		v := s
		lo, hi := lo, hi // this row's: Normalize leaves out the defaults
		v.MinValue, v.MaxValue = &lo, &hi
		c.db.Sequences = append(c.db.Sequences, &v)
		return nil
	})
	return err
}

// readDomains reads the domains with their checks.
func (c *pgCatalog) readDomains(ctx context.Context, tx pgx.Tx, _ Options) error {
	rows, err := tx.Query(ctx, pgDomainsQuery, c.schemaIDs)
	if err != nil {
		return err
	}
	var (
		d            schema.Domain
		def          *string
		names, exprs []string
		notValid     []bool
	)
	_, err = pgx.ForEachRow(rows, []any{&d.Schema, &d.Name, &d.Type, &d.NotNull, &def, &d.Collation, &d.Comment,
		&names, &exprs, &notValid}, func() error {
		v := d
		if def != nil {
			v.Default = pgDefault(*def, d.Type)
		}
		for i, name := range names {
			v.Checks = append(v.Checks, &schema.Check{Name: name, Expr: exprs[i], NotValid: notValid[i]})
		}
		c.db.Domains = append(c.db.Domains, &v)
		return nil
	})
	return err
}

// readCompositeTypes reads the composite types with their attributes.
func (c *pgCatalog) readCompositeTypes(ctx context.Context, tx pgx.Tx, _ Options) error {
	rows, err := tx.Query(ctx, pgCompositeTypesQuery, c.schemaIDs)
	if err != nil {
		return err
	}
	var (
		ct                 schema.CompositeType
		names, types, coll []string
	)
	_, err = pgx.ForEachRow(rows, []any{&ct.Schema, &ct.Name, &ct.Comment, &names, &types, &coll}, func() error {
		v := ct
		v.Attributes = nil
		if len(types) != len(names) || len(coll) != len(names) {
			return fmt.Errorf("composite type %s: %d attributes, %d types, %d collations", v.QName(), len(names), len(types), len(coll))
		}
		for i, name := range names {
			v.Attributes = append(v.Attributes, &schema.TypeAttribute{Name: name, Type: types[i], Collation: coll[i]})
		}
		c.db.CompositeTypes = append(c.db.CompositeTypes, &v)
		return nil
	})
	return err
}
