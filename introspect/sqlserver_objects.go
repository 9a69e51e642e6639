package introspect

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// SQL Server views, functions, procedures, triggers and sequences: one
// catalog query per kind, plus one for the references of views and
// functions. The text of a module is sys.sql_modules.definition, "SQL text
// that defines this module" as it was written, header and comments
// included; uses_ansi_nulls and uses_quoted_identifier are the SET options
// it was created under; NULL definition = encrypted (Microsoft Learn,
// sys.sql_modules). CLR modules (no sys.sql_modules row) stay warnings of
// sqlserver_unmodelled.go.

// msViewsQuery reads the views (sys.views), their module and comment;
// with_check_option and has_opaque_metadata (WITH VIEW_METADATA) are
// sys.views columns, is_indexed says whether an index exists on the view
// (sys.indexes, type > 0: an indexed view).
const msViewsQuery = `-- schemadiff:views
SELECT v.object_id, s.name AS schema_name, v.name, m.definition,
       m.uses_ansi_nulls, m.uses_quoted_identifier, m.is_schema_bound,
       v.with_check_option, v.has_opaque_metadata,
       CAST(CASE WHEN EXISTS (SELECT 1 FROM sys.indexes AS i WHERE i.object_id = v.object_id AND i.type > 0) THEN 1 ELSE 0 END AS bit) AS is_indexed,
       CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.views AS v
JOIN sys.schemas AS s ON s.schema_id = v.schema_id
JOIN sys.sql_modules AS m ON m.object_id = v.object_id
LEFT JOIN sys.extended_properties AS ep
       ON ep.class = 1 AND ep.major_id = v.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
WHERE v.is_ms_shipped = 0
ORDER BY s.name, v.name`

// msRoutinesQuery reads the T-SQL functions (sys.objects type FN scalar, IF
// inline table-valued, TF table-valued) and procedures (P), their module
// and comment.
const msRoutinesQuery = `-- schemadiff:routines
SELECT o.object_id, s.name AS schema_name, o.name,
       CAST(CASE WHEN o.type = 'P' THEN 1 ELSE 0 END AS bit) AS is_procedure,
       m.definition, m.uses_ansi_nulls, m.uses_quoted_identifier,
       CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.objects AS o
JOIN sys.schemas AS s ON s.schema_id = o.schema_id
JOIN sys.sql_modules AS m ON m.object_id = o.object_id
LEFT JOIN sys.extended_properties AS ep
       ON ep.class = 1 AND ep.major_id = o.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
WHERE o.is_ms_shipped = 0 AND o.type IN ('FN', 'IF', 'TF', 'P')
ORDER BY s.name, o.name`

// msTriggersQuery reads the T-SQL DML triggers (sys.triggers parent_class
// 1: on a table or view), their module, state and comment, one row per
// event (sys.trigger_events: type_desc INSERT, UPDATE, DELETE).
const msTriggersQuery = `-- schemadiff:triggers
SELECT tr.object_id, s.name AS schema_name, p.name AS table_name, tr.name, m.definition,
       m.uses_ansi_nulls, m.uses_quoted_identifier, tr.is_disabled, tr.is_instead_of_trigger,
       te.type_desc AS event, CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.triggers AS tr
JOIN sys.objects AS p ON p.object_id = tr.parent_id
JOIN sys.schemas AS s ON s.schema_id = p.schema_id
JOIN sys.sql_modules AS m ON m.object_id = tr.object_id
LEFT JOIN sys.trigger_events AS te ON te.object_id = tr.object_id
LEFT JOIN sys.extended_properties AS ep
       ON ep.class = 1 AND ep.major_id = tr.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
WHERE tr.parent_class = 1 AND tr.is_ms_shipped = 0
ORDER BY s.name, p.name, tr.name, te.type`

// msSequencesQuery reads the sequences (sys.sequences). Their values are
// sql_variant of the sequence's own type (tinyint … bigint, decimal or
// numeric up to 38 digits); they are read as text, which holds any of them.
// minimum_value and maximum_value are the type's bounds when none was
// given; cache_size is NULL for NO CACHE and for CACHE without a size
// (is_cached tells which).
const msSequencesQuery = `-- schemadiff:sequences
SELECT s.name AS schema_name, sq.name,
       CASE WHEN ty.is_user_defined = 1 THEN bt.name ELSE ty.name END AS type_name, sq.precision,
       CONVERT(nvarchar(40), sq.start_value) AS start_value, CONVERT(nvarchar(40), sq.increment) AS increment,
       CONVERT(nvarchar(40), sq.minimum_value) AS minimum_value, CONVERT(nvarchar(40), sq.maximum_value) AS maximum_value,
       sq.is_cycling, sq.is_cached, sq.cache_size, CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.sequences AS sq
JOIN sys.schemas AS s ON s.schema_id = sq.schema_id
JOIN sys.types AS ty ON ty.user_type_id = sq.user_type_id
LEFT JOIN sys.types AS bt ON bt.user_type_id = ty.system_type_id
LEFT JOIN sys.extended_properties AS ep
       ON ep.class = 1 AND ep.major_id = sq.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
WHERE sq.is_ms_shipped = 0
ORDER BY s.name, sq.name`

// msModuleDependenciesQuery reads what modules reference
// (sys.sql_expression_dependencies, objects only: referencing_class and
// referenced_class 1): tables, views, functions, procedures and
// sequences, and the columns of a reference (referenced_minor_id, recorded
// for schema-bound references only). References SQL Server could not
// resolve (referenced_id NULL: deferred name resolution) are left out.
const msModuleDependenciesQuery = `-- schemadiff:module_dependencies
SELECT d.referencing_id, rs.name AS ref_schema, ro.name AS ref_name,
       CASE WHEN ro.type = 'U' THEN N'table' WHEN ro.type = 'V' THEN N'view' WHEN ro.type = 'SO' THEN N'sequence'
            ELSE N'function' END AS ref_kind,
       c.name AS column_name
FROM sys.sql_expression_dependencies AS d
JOIN sys.objects AS ro ON ro.object_id = d.referenced_id
JOIN sys.schemas AS rs ON rs.schema_id = ro.schema_id
LEFT JOIN sys.columns AS c ON c.object_id = d.referenced_id AND c.column_id = d.referenced_minor_id AND d.referenced_minor_id > 0
WHERE d.referencing_class = 1 AND d.referenced_class = 1
  AND ro.type IN ('U', 'V', 'FN', 'IF', 'TF', 'P', 'SO')
ORDER BY d.referencing_id, ref_schema, ref_name, column_name`

// msModule is what the module queries share: the columns Scan fills.
type msModule struct {
	schema, name           string
	definition, comment    sql.NullString // definition NULL: WITH ENCRYPTION
	ansiNulls, quotedIdent sql.NullBool
}

// settings returns the SET options m was created under.
func (m *msModule) settings() schema.ModuleSettings {
	return schema.ModuleSettings{ANSINullsOff: !m.ansiNulls.Bool, QuotedIdentifierOff: !m.quotedIdent.Bool}
}

// msModuleName names a module as sqlserver_unmodelled.go's queries do
// ("view dbo.v", "trigger dbo.t on dbo.orders").
func msModuleName(kind string, q schema.QName, table string) string {
	s := kind + " " + q.String()
	if table != "" {
		s += " on " + q.Schema + "." + table
	}
	return s
}

// module names module m of kind (a trigger: on table) and reports whether
// it is read: its schema is, and the model can hold it (not encrypted, a
// header of its kind). A module the model cannot hold is a warning, and
// one that lives in its schema on its own (not a trigger) a dependent of
// the schema (DROP SCHEMA fails while it is there).
func (c *msCatalog) module(m *msModule, kind, table string) (string, bool) {
	if c.db.Schema(m.schema) == nil {
		return "", false
	}
	object := msModuleName(kind, schema.QName{Schema: m.schema, Name: m.name}, table)
	problem := ""
	if !m.definition.Valid {
		problem = "created WITH ENCRYPTION: its definition cannot be read"
	} else if h, err := schema.ParseModule(m.definition.String); err != nil {
		problem = "its definition cannot be read: " + err.Error()
	} else if h.Kind != kind {
		problem = "its definition creates a " + h.Kind
	}
	if problem == "" {
		c.modules[object] = true
		return object, true
	}
	c.warn(object, "%s, so it is neither compared nor dropped", problem)
	if table == "" {
		c.db.Dependents = append(c.db.Dependents, schema.Dependent{Schema: m.schema, Object: object})
	}
	return object, false
}

// readViews runs msViewsQuery.
func (c *msCatalog) readViews(ctx context.Context, _ Options) error {
	return c.query(ctx, msViewsQuery, func(r *sql.Rows) error {
		var (
			id                  int64
			m                   msModule
			schemaBound         sql.NullBool
			checkOption, opaque bool
			indexed             sql.NullBool
		)
		if err := r.Scan(&id, &m.schema, &m.name, &m.definition, &m.ansiNulls, &m.quotedIdent, &schemaBound,
			&checkOption, &opaque, &indexed, &m.comment); err != nil {
			return err
		}
		object, ok := c.module(&m, schema.ModuleView, "")
		if !ok {
			return nil
		}
		v := &schema.View{Schema: m.schema, Name: m.name, Source: schema.SourceText(m.definition.String),
			SchemaBinding: schemaBound.Bool, Settings: m.settings(), Comment: m.comment.String}
		if checkOption {
			v.CheckOption = "cascaded"
		}
		if opaque {
			c.warn(object, "WITH VIEW_METADATA: not modelled, so it is not compared (the view is re-created with it only from its own text)")
		}
		if indexed.Bool {
			c.warn(object, "indexed view: its indexes are not read, so they are neither compared nor re-created")
		}
		c.views[id] = v
		c.db.Views = append(c.db.Views, v)
		return nil
	})
}

// readRoutines runs msRoutinesQuery.
func (c *msCatalog) readRoutines(ctx context.Context, _ Options) error {
	return c.query(ctx, msRoutinesQuery, func(r *sql.Rows) error {
		var (
			id        int64
			m         msModule
			procedure sql.NullBool
		)
		if err := r.Scan(&id, &m.schema, &m.name, &procedure, &m.definition, &m.ansiNulls, &m.quotedIdent, &m.comment); err != nil {
			return err
		}
		kind := schema.ModuleFunction
		if procedure.Bool {
			kind = schema.ModuleProcedure
		}
		if _, ok := c.module(&m, kind, ""); !ok {
			return nil
		}
		f := &schema.Function{Schema: m.schema, Name: m.name, Procedure: procedure.Bool, Body: m.definition.String,
			Source: schema.SourceText(m.definition.String), Settings: m.settings(), Comment: m.comment.String}
		c.functions[id] = f
		c.db.Functions = append(c.db.Functions, f)
		return nil
	})
}

// readTriggers runs msTriggersQuery: one row per event of a trigger.
func (c *msCatalog) readTriggers(ctx context.Context, opts Options) error {
	var last int64
	var cur *schema.Trigger
	return c.query(ctx, msTriggersQuery, func(r *sql.Rows) error {
		var (
			id                  int64
			m                   msModule
			table               string
			disabled, insteadOf bool
			event               sql.NullString
		)
		if err := r.Scan(&id, &m.schema, &table, &m.name, &m.definition, &m.ansiNulls, &m.quotedIdent, &disabled, &insteadOf,
			&event, &m.comment); err != nil {
			return err
		}
		if id == last {
			if cur != nil && event.Valid {
				cur.Events = append(cur.Events, strings.ToLower(event.String))
			}
			return nil
		}
		last, cur = id, nil
		if skip, err := opts.excluded(m.schema, table); err != nil || skip {
			return err
		}
		if _, ok := c.module(&m, schema.ModuleTrigger, table); !ok {
			return nil
		}
		cur = &schema.Trigger{Schema: m.schema, Table: table, Name: m.name, Timing: "after", Body: m.definition.String,
			Source: schema.SourceText(m.definition.String), Settings: m.settings(), Comment: m.comment.String}
		if insteadOf {
			cur.Timing = "instead of"
		}
		if disabled {
			cur.Enabled = "disabled"
		}
		if event.Valid {
			cur.Events = []string{strings.ToLower(event.String)}
		}
		c.db.Triggers = append(c.db.Triggers, cur)
		return nil
	})
}

// readSequences runs msSequencesQuery. A value the model cannot hold (a
// decimal sequence's value beyond bigint's range, other than the type's
// own bound) leaves the sequence out with a warning.
func (c *msCatalog) readSequences(ctx context.Context, _ Options) error {
	return c.query(ctx, msSequencesQuery, func(r *sql.Rows) error {
		var (
			s                  schema.Sequence
			typeName           sql.NullString
			precision          int64
			start, increment   sql.NullString
			minValue, maxValue sql.NullString
			cycling, cached    bool
			cacheSize          sql.NullInt64
			comment            sql.NullString
		)
		if err := r.Scan(&s.Schema, &s.Name, &typeName, &precision, &start, &increment, &minValue, &maxValue,
			&cycling, &cached, &cacheSize, &comment); err != nil {
			return err
		}
		if c.db.Schema(s.Schema) == nil {
			return nil
		}
		object := msModuleName("sequence", s.QName(), "")
		s.Type = typeName.String
		if s.Type == "decimal" || s.Type == "numeric" {
			s.Type = fmt.Sprintf("%s(%d,0)", s.Type, precision)
		}
		s.Cycle, s.Comment = cycling, comment.String
		switch {
		case !cached:
			s.Cache = 1
		case cacheSize.Valid:
			s.Cache = cacheSize.Int64
		}
		lo, hi, err := schema.SQLServerSequenceBounds(s.Type)
		if err != nil {
			c.warn(object, "%v: left out of the schema, so it is neither compared nor dropped", err)
			c.db.Dependents = append(c.db.Dependents, schema.Dependent{Schema: s.Schema, Object: object})
			return nil
		}
		var bad []string
		parse := func(name, text string, bound string) *int64 {
			if text == bound {
				return nil
			}
			v, err := strconv.ParseInt(text, 10, 64)
			if err != nil {
				bad = append(bad, name+" "+text)
				return nil
			}
			return &v
		}
		if v := parse("START WITH", start.String, ""); v != nil {
			s.Start = *v
		}
		if v := parse("INCREMENT BY", increment.String, ""); v != nil {
			s.Increment = *v
		}
		s.MinValue = parse("MINVALUE", minValue.String, lo.String())
		s.MaxValue = parse("MAXVALUE", maxValue.String, hi.String())
		if len(bad) > 0 {
			c.warn(object, "%s: beyond the range the model holds (bigint): left out of the schema, so it is neither compared nor dropped", strings.Join(bad, ", "))
			c.db.Dependents = append(c.db.Dependents, schema.Dependent{Schema: s.Schema, Object: object})
			return nil
		}
		c.modules[object] = true
		c.db.Sequences = append(c.db.Sequences, &s)
		return nil
	})
}

// readModuleDependencies runs msModuleDependenciesQuery: the DependsOn of
// the views and functions read.
func (c *msCatalog) readModuleDependencies(ctx context.Context, _ Options) error {
	return c.query(ctx, msModuleDependenciesQuery, func(r *sql.Rows) error {
		var (
			id                    int64
			refSchema, name, kind string
			column                sql.NullString
		)
		if err := r.Scan(&id, &refSchema, &name, &kind, &column); err != nil {
			return err
		}
		ref := schema.ObjectRef{Kind: schema.ObjectKind(kind), Schema: refSchema, Name: name}
		switch {
		case column.Valid:
			ref.Kind, ref.Column = schema.KindColumn, column.String
		case ref.Kind == schema.KindFunction:
			ref.Name += "()" // a signature: T-SQL functions have no overloads
		}
		if v := c.views[id]; v != nil && !slices.Contains(v.DependsOn, ref) {
			v.DependsOn = append(v.DependsOn, ref)
		}
		if f := c.functions[id]; f != nil && !slices.Contains(f.DependsOn, ref) {
			f.DependsOn = append(f.DependsOn, ref)
		}
		return nil
	})
}
