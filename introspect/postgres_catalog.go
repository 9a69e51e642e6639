package introspect

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/schema"
)

// The PostgreSQL catalog queries. Each reads one kind of object for all selected tables
// at once: their number is fixed, whatever the size of the database.

// pgNotExtensionMember is true for objects no extension owns; %s is the catalog
// of the object (pg_namespace, pg_type, pg_class) and %s its oid.
const pgNotExtensionMember = `NOT EXISTS (SELECT 1 FROM pg_depend e
	WHERE e.classid = '%s'::regclass AND e.objid = %s AND e.deptype = 'e')`

var (
	pgSchemasQuery = `
SELECT n.oid, n.nspname, coalesce(ds.description, '')
FROM pg_namespace n
LEFT JOIN pg_description ds ON ds.objoid = n.oid AND ds.classoid = 'pg_namespace'::regclass AND ds.objsubid = 0
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_)'
  AND ` + fmt.Sprintf(pgNotExtensionMember, "pg_namespace", "n.oid") + `
  AND ($1::text[] IS NULL OR n.nspname = ANY($1::text[]))
ORDER BY n.nspname`

	pgEnumsQuery = `
SELECT n.nspname, t.typname,
       coalesce(array_agg(e.enumlabel ORDER BY e.enumsortorder) FILTER (WHERE e.enumlabel IS NOT NULL), '{}'),
       coalesce(min(ds.description), '')
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_enum e ON e.enumtypid = t.oid
LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0
WHERE t.typtype = 'e' AND t.typnamespace = ANY($1::oid[])
  AND ` + fmt.Sprintf(pgNotExtensionMember, "pg_type", "t.oid") + `
GROUP BY n.nspname, t.typname
ORDER BY n.nspname, t.typname`

	pgTablesQuery = `
SELECT c.oid, n.nspname, c.relname, coalesce(ds.description, ''),
       c.relpersistence = 'u',
       coalesce(c.reloptions, '{}') || ARRAY(SELECT 'toast.' || o FROM unnest(tc.reloptions) o), c.relreplident::text,
       coalesce((SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                 WHERE i.indrelid = c.oid AND i.indisreplident), ''),
       c.relrowsecurity, c.relforcerowsecurity,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) ELSE '' END,
       coalesce((SELECT pn.nspname || '.' || pc.relname FROM pg_inherits ih
                 JOIN pg_class pc ON pc.oid = ih.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                 WHERE c.relispartition AND ih.inhrelid = c.oid), ''),
       coalesce(pg_get_expr(c.relpartbound, c.oid), '')
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
WHERE c.relkind IN ('r', 'p') AND c.relnamespace = ANY($1::oid[])
  AND ` + fmt.Sprintf(pgNotExtensionMember, "pg_class", "c.oid") + `
ORDER BY n.nspname, c.relname`

	// pgColumnsQuery also finds the sequence a column owns: through an 'a'
	// dependency (serial, OWNED BY) or an 'i' one (identity). It says
	// whether a column is inherited (attinhcount): a partition's are its
	// parent's, and left out of it.
	pgColumnsQuery = `
SELECT a.attrelid, a.attnum, a.attname,
       format_type(a.atttypid, a.atttypmod),
       coalesce(` + fmt.Sprintf(pgUserTypeName, "t", "tn") + `,
                ` + fmt.Sprintf(pgUserTypeName, "et", "etn") + ` || '[]'),
       a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid),
       a.attidentity::text, a.attgenerated::text,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
       coalesce(ds.description, ''),
       CASE a.attcompression WHEN 'l' THEN 'lz4' WHEN 'p' THEN 'pglz' ELSE '' END,
       CASE WHEN a.attstorage <> t.typstorage THEN
            CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main' ELSE 'extended' END
            ELSE '' END,
       s.seqrelid::regclass::text, s.deptype::text, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
       a.attinhcount > 0, a.attcollation
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_description ds ON ds.objoid = a.attrelid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum
LEFT JOIN (
	SELECT DISTINCT ON (dep.refobjid, dep.refobjsubid)
	       dep.refobjid, dep.refobjsubid, dep.objid AS seqrelid, dep.deptype, sq.seqstart, sq.seqincrement,
	       sq.seqmin, sq.seqmax, sq.seqcache, sq.seqcycle
	FROM pg_depend dep
	JOIN pg_sequence sq ON sq.seqrelid = dep.objid
	WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
	  AND dep.deptype IN ('a', 'i') AND dep.refobjid = ANY($1::oid[])
	ORDER BY dep.refobjid, dep.refobjsubid, dep.deptype DESC, dep.objid
) s ON s.refobjid = a.attrelid AND s.refobjsubid = a.attnum
WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`

	// pgConstraintsQuery skips the constraints that partitions inherit
	// (conparentid; checks: not conislocal), which PostgreSQL creates by itself.
	// It reads the columns of a constraint, and those a foreign key references
	// in a selected table, as attribute numbers: readCatalog names them from
	// the columns read (a subquery per constraint cost two thirds of the
	// query). It names those of a referenced table outside the selection.
	pgConstraintsQuery = `
SELECT c.conrelid, c.conname, c.contype::text,
       coalesce(c.conkey, '{}'), c.confrelid,
       coalesce(fn.nspname, ''), coalesce(fc.relname, ''), coalesce(c.confkey, '{}'),
       CASE WHEN c.confrelid <> 0 AND NOT c.confrelid = ANY($1::oid[]) THEN
            ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(num, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.i)::text[] END,
       c.confdeltype::text, c.confupdtype::text, c.condeferrable, c.condeferred,
       coalesce(CASE WHEN c.contype = 'c' THEN pg_get_expr(c.conbin, c.conrelid) END, ''),
       NOT c.convalidated, c.confmatchtype = 'f', c.connoinherit,
       coalesce(%[1]s, false),
       coalesce(dc.description, '')
FROM pg_constraint c
LEFT JOIN pg_description dc ON dc.objoid = c.oid AND dc.classoid = 'pg_constraint'::regclass
LEFT JOIN pg_class fc ON fc.oid = c.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_index ci ON ci.indexrelid = c.conindid AND c.contype = 'u'
WHERE c.conrelid = ANY($1::oid[]) AND c.contype IN ('p', 'u', 'f', 'c', 'x') AND c.conparentid = 0
  AND NOT (c.contype = 'c' AND NOT c.conislocal AND EXISTS (SELECT 1 FROM pg_class r WHERE r.oid = c.conrelid AND r.relispartition))
ORDER BY c.conrelid, c.conname`

	// pgIndexesQuery skips the indexes behind PRIMARY KEY and UNIQUE
	// constraints: they are read as constraints. The index behind an EXCLUDE
	// constraint is read with the constraint's name and operators
	// (pg_constraint.conexclop, one per key, named with their schema outside
	// pg_catalog): it holds the constraint's elements. It deparses expression key
	// parts only (pg_get_indexdef is costly); columns are named by attnum.
	// Per key it reads the operator class and the collation as oids
	// (indclass, indcollation), named by readIndexes and nameIndexKeys from
	// pgIndexNamesQuery and the columns read: subqueries per key were 45% of
	// the query at 15,000 indexes. For expression keys it reads the
	// collation of the key's type. The collation of an expression key is the
	// expression's own unless COLLATE says otherwise, which the catalog does
	// not tell apart: for those (rare) indexes the whole definition is read,
	// and the key's collation is kept only when it says COLLATE.
	// The copies of a partitioned table's indexes that PostgreSQL makes on
	// its partitions (an index that is a partition of another, pg_inherits)
	// are left out: they belong to the parent's index.
	// indnullsnotdistinct is read as pgNullsNotDistinct says (%[1]s: of the
	// constraint's index ci, %[2]s: of i).
	// Comments come from pg_description joins rather than
	// obj_description/col_description, which cost a function call per row.
	pgIndexesQuery = `
SELECT i.indrelid, i.indexrelid, ic.relname, i.indisunique, am.amname, i.indnkeyatts,
       i.indkey::int2[], i.indoption::int2[],
       coalesce(pg_get_expr(i.indpred, i.indrelid), ''),
       ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k, false) ELSE '' END
             FROM generate_series(1, i.indnatts) k ORDER BY k),
       i.indclass::oid[], i.indcollation::oid[],
       CASE WHEN i.indexprs IS NOT NULL THEN
            ARRAY(SELECT kt.typcollation FROM generate_series(1, i.indnkeyatts) k
                  JOIN pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k
                  JOIN pg_type kt ON kt.oid = ia.atttypid
                  ORDER BY k) END,
       %[2]s,
       coalesce(ic.reloptions, '{}'),
       CASE WHEN EXISTS (SELECT 1 FROM generate_series(1, i.indnkeyatts) k
                         JOIN pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k
                         JOIN pg_type kt ON kt.oid = ia.atttypid
                         WHERE i.indkey[k - 1] = 0 AND i.indcollation[k - 1] NOT IN (0, kt.typcollation))
            THEN pg_get_indexdef(i.indexrelid) ELSE '' END,
       coalesce(ds.description, ''),
       coalesce(xc.conname, ''),
       ARRAY(SELECT CASE WHEN opn.nspname = 'pg_catalog' THEN op.oprname ELSE opn.nspname || '.' || op.oprname END
             FROM unnest(xc.conexclop) WITH ORDINALITY e(oid, k)
             JOIN pg_operator op ON op.oid = e.oid
             JOIN pg_namespace opn ON opn.oid = op.oprnamespace
             ORDER BY e.k)::text[]
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
LEFT JOIN pg_description ds ON ds.objoid = i.indexrelid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_constraint xc ON xc.conindid = i.indexrelid AND xc.conrelid = i.indrelid AND xc.contype = 'x'
WHERE i.indrelid = ANY($1::oid[])
  AND NOT EXISTS (SELECT 1 FROM pg_inherits ii WHERE ii.inhrelid = i.indexrelid)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                  WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u'))
ORDER BY i.indrelid, ic.relname`
)

// nullsNotDistinct returns query (pgConstraintsQuery, pgIndexesQuery) with
// the SQL of pg_index.indnullsnotdistinct of its aliases ci and i: the
// column on PostgreSQL 15 and later; before, which has no such column (and
// no NULLS NOT DISTINCT), read through to_jsonb of the row, which is false.
// to_jsonb of every pg_index row cost 0.1 s of a 0.4 s query at 15,000
// indexes. The server's version is the one it reported at connection
// (server_version, https://www.postgresql.org/docs/15/protocol-flow.html#PROTOCOL-ASYNC).
func (c *pgCatalog) nullsNotDistinct(query string) string {
	if c.major >= 15 {
		return fmt.Sprintf(query, "ci.indnullsnotdistinct", "i.indnullsnotdistinct")
	}
	return fmt.Sprintf(query, "(to_jsonb(ci) ->> 'indnullsnotdistinct')::boolean", "coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false)")
}

// pgMajor returns the major version of the server of conn (15 for "15.18
// (Debian 15.18-0+deb12u1)"), 0 when it cannot tell.
func pgMajor(conn *pgx.Conn) int {
	v := conn.PgConn().ParameterStatus("server_version")
	end := strings.IndexFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(v)
	}
	major, _ := strconv.Atoi(v[:end])
	return major
}

// pgIndexNamesQuery reads the names of the operator classes ('o', with
// opcdefault: the default one of its input type) and collations ('c'), and
// the parameters of index keys ('k': pg_attribute.attoptions of the indexes
// of the selected tables $1, by index oid and key number), which
// readIndexes needs to name the keys of indexes.
const pgIndexNamesQuery = `
SELECT 'o', oid, 0::int2, opcname::text, opcdefault FROM pg_opclass
UNION ALL
SELECT 'c', oid, 0::int2, collname::text, false FROM pg_collation
UNION ALL
SELECT 'k', ia.attrelid, ia.attnum, array_to_string(ia.attoptions, ','), false
FROM pg_index i JOIN pg_attribute ia ON ia.attrelid = i.indexrelid
WHERE i.indrelid = ANY($1::oid[]) AND ia.attoptions IS NOT NULL`

// pgIndexNames are the names pgIndexNamesQuery reads.
type pgIndexNames struct {
	opclasses  map[uint32]pgOpclass
	collations map[uint32]string
	keyOptions map[pgIndexKey]string // "fillfactor=70,…" by index key
}

// pgOpclass is an operator class: its name, and whether it is the default
// one of its input type.
type pgOpclass struct {
	name string
	def  bool
}

// pgIndexKey is key number num (from 1) of the index with oid index.
type pgIndexKey struct {
	index uint32
	num   int16
}

// readIndexNames runs pgIndexNamesQuery.
func (c *pgCatalog) readIndexNames(ctx context.Context, tx pgx.Tx) (*pgIndexNames, error) {
	rows, err := tx.Query(ctx, pgIndexNamesQuery, c.tableIDs)
	if err != nil {
		return nil, err
	}
	n := &pgIndexNames{opclasses: map[uint32]pgOpclass{}, collations: map[uint32]string{}, keyOptions: map[pgIndexKey]string{}}
	var (
		kind, name string
		oid        uint32
		num        int16
		def        bool
	)
	_, err = pgx.ForEachRow(rows, []any{&kind, &oid, &num, &name, &def}, func() error {
		switch kind {
		case "o":
			n.opclasses[oid] = pgOpclass{name, def}
		case "c":
			n.collations[oid] = name
		case "k":
			n.keyOptions[pgIndexKey{oid, num}] = name
		}
		return nil
	})
	return n, err
}

// opclass returns the operator class of key num of index, as the model
// writes it: empty when it is the default one and has no parameters, else
// its name with its parameters in parentheses.
func (n *pgIndexNames) opclass(index uint32, num int16, class uint32) string {
	oc, options := n.opclasses[class], n.keyOptions[pgIndexKey{index, num}]
	switch {
	case oc.def && options == "":
		return ""
	case options == "":
		return oc.name
	}
	return oc.name + "(" + options + ")"
}

// pgTable is a table being read, with its attribute numbers.
type pgTable struct {
	*schema.Table
	attnames map[int16]string
	attcolls map[int16]uint32 // the columns' collations (attcollation), by number
}

// pgCatalog holds what the queries read so far.
type pgCatalog struct {
	db        *schema.Database
	major     int      // the server's major version (pgMajor)
	schemaIDs []uint32 // oids of the selected schemas
	tables    map[uint32]*pgTable
	tableIDs  []uint32 // oids of the selected tables, in order
	// matviews are the materialized views, whose columns and indexes are
	// read with the tables' (readViews).
	matviews []matview
	// keys are the columns of the constraints read, and indexKeys those
	// of the indexes, named once the columns are read too (nameKeys,
	// nameIndexKeys).
	keys      []pgKey
	indexKeys []pgIndexKeys
	// collations names collations by oid (read by readIndexes).
	collations map[uint32]string
	// exclusions are the indexes of exclusion constraints, joined to the
	// constraints (read in parallel) once both are read.
	exclusions []pgExclusion
}

// pgExclusion is the index of an exclusion constraint, with its operators.
type pgExclusion struct {
	table *pgTable
	name  string
	ops   []string
	idx   *schema.Index
}

// step is one catalog read.
type step struct {
	what string
	run  func(context.Context, pgx.Tx, Options) error
}

// readCatalog reads the selected schemas in tx. open, when not nil, opens
// another read-only transaction on tx's snapshot (and returns the function
// that ends it): two are opened while tx reads the schemas, tables and
// views, and then read the indexes on one and the other kinds, the
// constraints and what is not modelled on the other, at the same time as tx
// reads the columns, so that the server's work on these queries (most of
// the time inspect takes) is spread over three backends. The steps fill
// disjoint parts of the model, and those that append warnings run in the
// same order on one connection; the columns of indexes and constraints,
// read as numbers, are named once all are read. Without open, or when it
// fails, every step runs on tx in turn, with the same result.
func readCatalog(ctx context.Context, tx pgx.Tx, opts Options, open func(context.Context) (pgx.Tx, func(), error)) (*schema.Database, error) {
	c := &pgCatalog{db: &schema.Database{Dialect: schema.Postgres}, major: pgMajor(tx.Conn()), tables: map[uint32]*pgTable{}}
	run := func(tx pgx.Tx, s step) error {
		if err := s.run(ctx, tx, opts); err != nil {
			return fmt.Errorf("introspect: reading %s: %w", s.what, err)
		}
		return nil
	}
	// The steps the others need: the tables and materialized views read.
	// Warnings and dependents are appended by the steps that find them:
	// readViews here, before the others start, the others one after the
	// other on the second connection aside (readColumns and readIndexes
	// append none), so that their order never depends on timing.
	first := []step{{"schemas", c.readSchemasAndEnums}, {"tables", c.readTables}, {"views and what they depend on", c.readViews}}
	// Each group of steps aside runs on a connection of its own, at the same
	// time as the main one reads the columns: the server's work is spread
	// over three backends, about evenly at 5,000 tables (docs/performance.md).
	aside := [][]step{{{"indexes", c.readIndexes}},
		{{"functions", c.readFunctions}, {"triggers", c.readTriggers}, {"policies", c.readPolicies},
			{"extensions", c.readExtensions}, {"sequences", c.readSequences}, {"domains", c.readDomains},
			{"composite types", c.readCompositeTypes}, {"constraints", c.readConstraints},
			{"objects and attributes not modelled, and dependents", c.readUnmodelled}}}
	others, ends := make([]pgx.Tx, len(aside)), make([]func(), len(aside))
	var opening sync.WaitGroup
	if open != nil {
		for i := range aside {
			opening.Add(1)
			go func() {
				defer opening.Done()
				if other, end, err := open(ctx); err == nil {
					others[i], ends[i] = other, end
				}
			}()
		}
	}
	for _, s := range first {
		if err := run(tx, s); err != nil {
			opening.Wait()
			for _, end := range ends {
				if end != nil {
					end()
				}
			}
			return nil, err
		}
	}
	opening.Wait()
	serial := []step{{"columns", c.readColumns}}
	var wg sync.WaitGroup
	errs := make([]error, len(aside))
	for i, steps := range aside {
		if others[i] == nil {
			serial = append(serial, steps...)
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer ends[i]()
			for _, s := range steps {
				if errs[i] = run(others[i], s); errs[i] != nil {
					return
				}
			}
		}()
	}
	for _, s := range serial {
		if err := run(tx, s); err != nil {
			wg.Wait()
			return nil, err
		}
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if err := c.nameKeys(); err != nil {
		return nil, fmt.Errorf("introspect: reading constraints: %w", err)
	}
	if err := c.nameIndexKeys(); err != nil {
		return nil, fmt.Errorf("introspect: reading indexes: %w", err)
	}
	c.viewIndexes()
	for _, x := range c.exclusions {
		if err := x.table.exclusionIndex(x.name, x.ops, x.idx); err != nil {
			return nil, fmt.Errorf("introspect: reading indexes: %w", err)
		}
	}
	return c.db, nil
}

// readSchemasAndEnums reads the selected schemas, then their enums.
func (c *pgCatalog) readSchemasAndEnums(ctx context.Context, tx pgx.Tx, opts Options) error {
	var want []string
	if len(opts.Schemas) > 0 {
		want = opts.Schemas
	}
	rows, err := tx.Query(ctx, pgSchemasQuery, want)
	if err != nil {
		return err
	}
	var s schema.Schema
	var oid uint32
	if _, err := pgx.ForEachRow(rows, []any{&oid, &s.Name, &s.Comment}, func() error {
		sc := s
		if sc.Name == "public" && sc.Comment == pgDefaultPublicComment {
			sc.Comment = ""
		}
		c.db.Schemas = append(c.db.Schemas, &sc)
		c.schemaIDs = append(c.schemaIDs, oid)
		return nil
	}); err != nil {
		return err
	}
	for _, name := range want {
		if c.db.Schema(name) == nil {
			return fmt.Errorf("schema %q does not exist (or belongs to an extension)", name)
		}
	}
	rows, err = tx.Query(ctx, pgEnumsQuery, c.schemaIDs)
	if err != nil {
		return err
	}
	var e schema.Enum
	_, err = pgx.ForEachRow(rows, []any{&e.Schema, &e.Name, &e.Values, &e.Comment}, func() error {
		en := e
		c.db.Enums = append(c.db.Enums, &en)
		return nil
	})
	return err
}

// pgDefaultPublicComment is the comment PostgreSQL gives the public schema; it
// is read as no comment, as schema files never write it.
const pgDefaultPublicComment = "standard public schema"

// readTables reads the tables of the schemas readSchemasAndEnums found,
// leaving out the excluded ones.
func (c *pgCatalog) readTables(ctx context.Context, tx pgx.Tx, opts Options) error {
	rows, err := tx.Query(ctx, pgTablesQuery, c.schemaIDs)
	if err != nil {
		return err
	}
	var oid uint32
	var t schema.Table
	var replident, partKey, parent, bound string
	_, err = pgx.ForEachRow(rows, []any{&oid, &t.Schema, &t.Name, &t.Comment,
		&t.Unlogged, &t.StorageParameters, &replident, &t.ReplicaIdentityIndex,
		&t.RowSecurity, &t.ForceRowSecurity, &partKey, &parent, &bound}, func() error {
		skip, err := opts.excluded(t.Schema, t.Name)
		if err != nil || skip {
			return err
		}
		tb := &pgTable{Table: &schema.Table{Schema: t.Schema, Name: t.Name, Comment: t.Comment, TableOptions: t.TableOptions,
			RowSecurity: t.RowSecurity, ForceRowSecurity: t.ForceRowSecurity}, attnames: map[int16]string{}, attcolls: map[int16]uint32{}}
		tb.ReplicaIdentity = pgReplicaIdentities[replident]
		if partKey != "" {
			tb.PartitionBy = schema.ParsePartitionKey(partKey)
		}
		if parent != "" {
			tb.PartitionOf = &schema.PartitionOf{Parent: parent, Bound: bound}
		}
		c.db.Tables = append(c.db.Tables, tb.Table)
		c.tables[oid] = tb
		c.tableIDs = append(c.tableIDs, oid)
		return nil
	})
	return err
}

// pgReplicaIdentities maps pg_class.relreplident to TableOptions.ReplicaIdentity.
var pgReplicaIdentities = map[string]string{"d": "", "f": "full", "n": "nothing", "i": "index"}

// readColumns reads the columns of every selected table.
func (c *pgCatalog) readColumns(ctx context.Context, tx pgx.Tx, _ Options) error {
	rows, err := tx.Query(ctx, pgColumnsQuery, c.tableIDs)
	if err != nil {
		return err
	}
	var (
		rel                                   uint32
		num                                   int16
		name, typ, identity, generated, cmt   string
		compression, storage                  string
		enumType, def, collation, seq, seqDep *string
		notNull                               bool
		seqStart, seqIncrement, seqMin        *int64
		seqMax, seqCache                      *int64
		seqCycle                              *bool
		inherited                             bool
		attColl                               uint32
	)
	_, err = pgx.ForEachRow(rows, []any{&rel, &num, &name, &typ, &enumType, &notNull, &def, &identity, &generated,
		&collation, &cmt, &compression, &storage, &seq, &seqDep, &seqStart, &seqIncrement, &seqMin, &seqMax, &seqCache, &seqCycle, &inherited, &attColl}, func() error {
		t := c.tables[rel]
		t.attnames[num], t.attcolls[num] = name, attColl
		if inherited && t.PartitionOf != nil {
			return nil // the parent's
		}
		col := &schema.Column{Name: name, Type: typ, Null: !notNull, Comment: cmt, Compression: compression, Storage: storage}
		if enumType != nil {
			col.Type = *enumType
		}
		if collation != nil {
			col.Collation = *collation
		}
		switch {
		case generated == "s" && def != nil:
			col.Computed = &schema.Computed{Expr: *def, Persisted: true}
		case identity == "a" || identity == "d":
			col.Identity = &schema.Identity{Always: identity == "a"}
			if seqStart != nil {
				col.Identity.Seed, col.Identity.Increment = *seqStart, *seqIncrement
				col.Identity.MinValue, col.Identity.MaxValue = seqMin, seqMax
				col.Identity.Cache, col.Identity.Cycle = *seqCache, *seqCycle
			}
			schema.CanonicalIdentity(typ, col.Identity)
		case def != nil && seq != nil && *seqDep == "a" && pgSerialTypes[typ] != "" &&
			*def == "nextval('"+*seq+"'::regclass)":
			col.Type = pgSerialTypes[typ]
		case def != nil:
			col.Default = pgDefault(*def, typ)
		}
		t.Columns = append(t.Columns, col)
		return nil
	})
	return err
}

// pgSerialTypes maps an integer type to its serial pseudo-type.
var pgSerialTypes = map[string]string{"smallint": "smallserial", "integer": "serial", "bigint": "bigserial"}

// pgFkActions maps pg_constraint's confdeltype/confupdtype codes to SQL.
var pgFkActions = map[string]string{"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}

// readConstraints reads primary keys, unique, foreign key, check and
// exclusion constraints. Their columns are named by nameKeys, once the
// columns are read.
func (c *pgCatalog) readConstraints(ctx context.Context, tx pgx.Tx, _ Options) error {
	rows, err := tx.Query(ctx, c.nullsNotDistinct(pgConstraintsQuery), c.tableIDs)
	if err != nil {
		return err
	}
	var (
		rel, refRel                          uint32
		name, typ, refSchema, refTable, expr string
		onDelete, onUpdate                   string
		keys, refKeys                        []int16
		refCols                              []string
		deferrable, deferred                 bool
		notValid, matchFull, noInherit       bool
		nullsNotDistinct                     bool
		comment                              string
	)
	_, err = pgx.ForEachRow(rows, []any{&rel, &name, &typ, &keys, &refRel, &refSchema, &refTable, &refKeys, &refCols,
		&onDelete, &onUpdate, &deferrable, &deferred, &expr, &notValid, &matchFull, &noInherit, &nullsNotDistinct, &comment}, func() error {
		t := c.tables[rel]
		key := func(cols *[]string) {
			c.keys = append(c.keys, pgKey{what: t.QName().String() + "." + name, rel: rel, nums: slices.Clone(keys), cols: cols})
		}
		switch typ {
		case "p":
			t.PrimaryKey = &schema.PrimaryKey{Name: name, Deferrable: deferrable, InitiallyDeferred: deferred, Comment: comment}
			key(&t.PrimaryKey.Columns)
		case "u":
			u := &schema.Unique{Name: name, NullsNotDistinct: nullsNotDistinct,
				Deferrable: deferrable, InitiallyDeferred: deferred, Comment: comment}
			t.Uniques = append(t.Uniques, u)
			key(&u.Columns)
		case "c":
			t.Checks = append(t.Checks, &schema.Check{Name: name, Expr: expr, NotValid: notValid, NoInherit: noInherit, Comment: comment})
		case "f":
			fk := &schema.ForeignKey{
				Name: name, RefSchema: refSchema, RefTable: refTable, RefColumns: refCols,
				OnDelete: pgFkActions[onDelete], OnUpdate: pgFkActions[onUpdate],
				Deferrable: deferrable, InitiallyDeferred: deferred, MatchFull: matchFull, NotValid: notValid, Comment: comment,
			}
			t.ForeignKeys = append(t.ForeignKeys, fk)
			key(&fk.Columns)
			if refCols == nil { // a selected table's: named from its columns
				c.keys = append(c.keys, pgKey{what: t.QName().String() + "." + name, rel: refRel, nums: slices.Clone(refKeys), cols: &fk.RefColumns})
			}
		case "x": // its elements come with its index (readIndexes)
			t.Excludes = append(t.Excludes, &schema.Exclude{Name: name, Deferrable: deferrable, InitiallyDeferred: deferred, Comment: comment})
		}
		return nil
	})
	return err
}

// pgIndexKeys are the attribute numbers (pg_index.indkey: the keys, then
// the INCLUDE columns; 0 for an expression) of an index read.
type pgIndexKeys struct {
	t    *pgTable
	idx  *schema.Index
	nums []int16
	// colls are the collations of the keys (indcollation), named for the
	// column keys whose collation is not their column's.
	colls []uint32
}

// column returns the name of column number num of t, read by
// readColumns; an error naming what (the index or constraint that uses it)
// when no such column was read.
func (t *pgTable) column(num int16, what string) (string, error) {
	name, ok := t.attnames[num]
	if !ok {
		return "", fmt.Errorf("%s: column number %d of %s was not read", what, num, t.QName())
	}
	return name, nil
}

// nameIndexKeys names the key and INCLUDE columns of the indexes read, and
// the collations of column keys that are not their column's, once the
// columns are read too (readIndexes and readColumns run at the same time).
func (c *pgCatalog) nameIndexKeys() error {
	for _, k := range c.indexKeys {
		for i, num := range k.nums {
			if num == 0 {
				continue // an expression
			}
			name, err := k.t.column(num, "index "+k.idx.Name)
			if err != nil {
				return err
			}
			if i < len(k.idx.Parts) {
				k.idx.Parts[i].Column = name
				if coll := k.colls[i]; coll != 0 && coll != k.t.attcolls[num] {
					k.idx.Parts[i].Collation = c.collations[coll]
				}
			} else {
				k.idx.Include = append(k.idx.Include, name)
			}
		}
	}
	return nil
}

// pgKey is a list of columns of a constraint read as attribute numbers
// (pg_constraint.conkey, confkey) of the table rel.
type pgKey struct {
	what string // the constraint, for errors
	rel  uint32
	nums []int16
	cols *[]string // where the names go
}

// nameKeys names the columns of the constraints read, from the columns
// read (pgTable.attnames): readConstraints and readColumns run at the same
// time, so this comes after both.
func (c *pgCatalog) nameKeys() error {
	for _, k := range c.keys {
		t := c.tables[k.rel]
		names := make([]string, len(k.nums))
		for i, num := range k.nums {
			name, err := t.column(num, "constraint "+k.what)
			if err != nil {
				return err
			}
			names[i] = name
		}
		*k.cols = names
	}
	return nil
}

// exclusionIndex fills the exclusion constraint called name (read by
// readConstraints) from its index idx and its operators ops, one per key.
func (t *pgTable) exclusionIndex(name string, ops []string, idx *schema.Index) error {
	for _, x := range t.Excludes {
		if x.Name != name {
			continue
		}
		if len(ops) != len(idx.Parts) {
			return fmt.Errorf("exclusion constraint %s.%s: %d operators for %d keys", t.QName(), name, len(ops), len(idx.Parts))
		}
		x.Using, x.Include, x.Where, x.With = idx.Using, idx.Include, idx.Where, idx.With
		for k, p := range idx.Parts {
			x.Elements = append(x.Elements, schema.ExcludeElement{IndexPart: p, Operator: ops[k]})
		}
		return nil
	}
	return fmt.Errorf("exclusion constraint %s.%s: its index %s was read but not the constraint", t.QName(), name, idx.Name)
}

// indoption bits of pg_index.
const (
	pgIndoptionDesc       = 1
	pgIndoptionNullsFirst = 2
)

// readIndexes reads the indexes that no constraint owns.
func (c *pgCatalog) readIndexes(ctx context.Context, tx pgx.Tx, _ Options) error {
	names, err := c.readIndexNames(ctx, tx)
	if err != nil {
		return err
	}
	c.collations = names.collations
	rows, err := tx.Query(ctx, c.nullsNotDistinct(pgIndexesQuery), c.tableIDs)
	if err != nil {
		return err
	}
	var (
		rel, oid                  uint32
		name, am, where           string
		unique                    bool
		nkey                      int16
		keys, options             []int16
		defs                      []string
		classes, colls, exprColls []uint32
		with                      []string
		nnd                       bool
		fullDef, comment          string
		excl                      string
		exclOps                   []string
	)
	_, err = pgx.ForEachRow(rows, []any{&rel, &oid, &name, &unique, &am, &nkey, &keys, &options, &where, &defs,
		&classes, &colls, &exprColls, &nnd, &with, &fullDef, &comment, &excl, &exclOps}, func() error {
		t := c.tables[rel]
		idx := &schema.Index{Name: name, Unique: unique, Where: where, NullsNotDistinct: nnd, With: with, Comment: comment}
		if am != "btree" {
			idx.Using = am
		}
		c.indexKeys = append(c.indexKeys, pgIndexKeys{t: t, idx: idx, nums: slices.Clone(keys), colls: slices.Clone(colls)})
		for k, attnum := range keys {
			if k >= int(nkey) {
				continue // named by nameIndexKeys, with the key columns
			}
			part := schema.IndexPart{Opclass: names.opclass(oid, int16(k+1), classes[k])}
			if attnum == 0 {
				part.Expr = defs[k]
				// its collation, when not its type's and written COLLATE
				if coll := colls[k]; coll != 0 && k < len(exprColls) && coll != exprColls[k] &&
					strings.Contains(fullDef, defs[k]+" COLLATE ") {
					part.Collation = names.collations[coll]
				}
			}
			opt := options[k]
			part.Desc = opt&pgIndoptionDesc != 0
			switch nullsFirst := opt&pgIndoptionNullsFirst != 0; {
			case nullsFirst && !part.Desc:
				part.Nulls = "first"
			case !nullsFirst && part.Desc:
				part.Nulls = "last"
			}
			idx.Parts = append(idx.Parts, part)
		}
		if excl != "" {
			c.exclusions = append(c.exclusions, pgExclusion{table: t, name: excl, ops: slices.Clone(exclOps), idx: idx})
			return nil
		}
		t.Indexes = append(t.Indexes, idx)
		return nil
	})
	return err
}

// pgCastLiteral matches a quoted literal with a cast, as PostgreSQL stores
// constant defaults: 'text'::type.
var pgCastLiteral = regexp.MustCompile(`^'((?:[^']|'')*)'::(.+)$`)

// pgNumberLiteral matches a numeric constant.
var pgNumberLiteral = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

// pgTypmod matches a type modifier, e.g. "(50)" or "(10,2)".
var pgTypmod = regexp.MustCompile(`\([0-9, ]+\)`)

// pgNumericTypes are the types whose constants are numbers.
var pgNumericTypes = []string{"smallint", "integer", "bigint", "numeric", "real", "double precision"}

// pgDefault reads a default as pg_get_expr prints it for a column of type
// colType (format_type spelling): constants are literals, anything else is an
// expression kept as the database prints it.
func pgDefault(expr, colType string) *schema.Default {
	baseType := pgTypmod.ReplaceAllString(colType, "")
	switch {
	case expr == "true" || expr == "false":
		return &schema.Default{Kind: schema.DefaultBool, Value: expr}
	case pgNumberLiteral.MatchString(expr):
		return &schema.Default{Kind: schema.DefaultNumber, Value: expr}
	}
	m := pgCastLiteral.FindStringSubmatch(expr)
	if m == nil {
		return &schema.Default{Kind: schema.DefaultExpr, Value: expr}
	}
	value, castType := strings.ReplaceAll(m[1], "''", "'"), m[2]
	numeric := slices.Contains(pgNumericTypes, baseType)
	switch {
	// A negative or large constant is stored as '-1.5'::numeric whatever
	// the numeric type of the column.
	case numeric && slices.Contains(pgNumericTypes, castType) && pgNumberLiteral.MatchString(value):
		return &schema.Default{Kind: schema.DefaultNumber, Value: value}
	case castType != baseType:
		return &schema.Default{Kind: schema.DefaultExpr, Value: expr}
	case baseType == "boolean" && (value == "true" || value == "false"):
		return &schema.Default{Kind: schema.DefaultBool, Value: value}
	}
	return &schema.Default{Kind: schema.DefaultString, Value: value}
}
