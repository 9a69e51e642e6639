package introspect

import (
	"context"
	"database/sql"

	"github.com/schemadiff/schemadiff/schema"
)

// msObjectKind names the kind of a sys.objects row o (type codes: Microsoft
// Learn, sys.objects, column type), in the words of the warnings.
const msObjectKind = `CASE o.type WHEN 'V' THEN N'view' WHEN 'P' THEN N'procedure' WHEN 'PC' THEN N'CLR procedure'
            WHEN 'X' THEN N'extended procedure' WHEN 'FN' THEN N'function' WHEN 'IF' THEN N'function'
            WHEN 'TF' THEN N'function' WHEN 'FS' THEN N'CLR function' WHEN 'FT' THEN N'CLR function'
            WHEN 'AF' THEN N'CLR aggregate' WHEN 'TR' THEN N'trigger' WHEN 'TA' THEN N'CLR trigger'
            WHEN 'SN' THEN N'synonym' WHEN 'SO' THEN N'sequence' WHEN 'SP' THEN N'security policy'
            WHEN 'R' THEN N'rule' END`

// msObjectName names sys.objects row o of schema s with its kind; a
// trigger also names its table p ("trigger dbo.t on dbo.orders").
const msObjectName = msObjectKind + ` + N' ' + s.name + N'.' + o.name +
       CASE WHEN o.type IN ('TR', 'TA') THEN N' on ' + s.name + N'.' + p.name ELSE N'' END`

// msUnmodelledQuery lists what the model cannot hold, one row per object,
// Microsoft-shipped objects left out: CLR and extended procedures, CLR
// functions, aggregates and triggers, synonyms, security policies
// (row-level security) and old-style rules (sys.objects; the T-SQL views,
// functions, procedures, triggers and sequences are read by
// sqlserver_objects.go); database DDL triggers (sys.triggers,
// parent_class 0); user-defined table, alias and CLR types (sys.types,
// is_user_defined 1); XML schema collections (sys.xml_schema_collections,
// id 1 is sys's own); full-text catalogs and indexes
// (sys.fulltext_catalogs, sys.fulltext_indexes); partition functions and
// schemes (sys.partition_functions, sys.partition_schemes); and the
// permissions granted or denied on tables and their columns
// (sys.database_permissions, class 1 OBJECT_OR_COLUMN). Each row gives the
// kind, the schema (NULL for objects outside schemas), the table the object
// belongs to (NULL if none; excluded tables' rows are dropped by the
// caller), the object named with its kind, and whether it lives in the
// schema on its own, so that DROP SCHEMA fails while it is there (Msg 3729,
// "Cannot drop schema … because it is being referenced by object …").
const msUnmodelledQuery = `-- schemadiff:unmodelled
SELECT u.kind, u.schema_name, u.table_name, u.object, u.in_schema
FROM (
  SELECT ` + msObjectKind + ` AS kind, s.name AS schema_name, p.name AS table_name,
         ` + msObjectName + ` AS object,
         CAST(CASE WHEN o.parent_object_id = 0 THEN 1 ELSE 0 END AS bit) AS in_schema
  FROM sys.objects AS o
  JOIN sys.schemas AS s ON s.schema_id = o.schema_id
  LEFT JOIN sys.objects AS p ON p.object_id = o.parent_object_id AND o.parent_object_id <> 0
  WHERE o.is_ms_shipped = 0
    AND o.type IN ('PC', 'X', 'FS', 'FT', 'AF', 'TA', 'SN', 'SP', 'R')
  UNION ALL
  SELECT N'database trigger', NULL, NULL, N'database trigger ' + tr.name, CAST(0 AS bit)
  FROM sys.triggers AS tr
  WHERE tr.parent_class = 0 AND tr.is_ms_shipped = 0
  UNION ALL
  SELECT CASE WHEN ty.is_table_type = 1 THEN N'table type' WHEN ty.is_assembly_type = 1 THEN N'CLR type' ELSE N'alias type' END,
         s.name, NULL,
         CASE WHEN ty.is_table_type = 1 THEN N'table type ' WHEN ty.is_assembly_type = 1 THEN N'CLR type ' ELSE N'alias type ' END + s.name + N'.' + ty.name,
         CAST(1 AS bit)
  FROM sys.types AS ty
  JOIN sys.schemas AS s ON s.schema_id = ty.schema_id
  WHERE ty.is_user_defined = 1
  UNION ALL
  SELECT N'XML schema collection', s.name, NULL, N'XML schema collection ' + s.name + N'.' + x.name, CAST(1 AS bit)
  FROM sys.xml_schema_collections AS x
  JOIN sys.schemas AS s ON s.schema_id = x.schema_id
  WHERE x.xml_collection_id > 1
  UNION ALL
  SELECT N'full-text catalog', NULL, NULL, N'full-text catalog ' + fc.name, CAST(0 AS bit)
  FROM sys.fulltext_catalogs AS fc
  UNION ALL
  SELECT N'full-text index', s.name, t.name, N'full-text index on ' + s.name + N'.' + t.name, CAST(0 AS bit)
  FROM sys.fulltext_indexes AS fi
  JOIN sys.tables AS t ON t.object_id = fi.object_id
  JOIN sys.schemas AS s ON s.schema_id = t.schema_id
  UNION ALL
  SELECT N'partition function', NULL, NULL, N'partition function ' + pf.name, CAST(0 AS bit)
  FROM sys.partition_functions AS pf
  UNION ALL
  SELECT N'partition scheme', NULL, NULL, N'partition scheme ' + ps.name, CAST(0 AS bit)
  FROM sys.partition_schemes AS ps
  UNION ALL
  SELECT N'permission', s.name, t.name,
         N'permission ' + dp.state_desc + N' ' + dp.permission_name + N' on ' + s.name + N'.' + t.name +
         CASE WHEN dp.minor_id > 0 THEN N' (' + c.name + N')' ELSE N'' END + N' to ' + gr.name,
         CAST(0 AS bit)
  FROM sys.database_permissions AS dp
  JOIN sys.tables AS t ON t.object_id = dp.major_id AND t.is_ms_shipped = 0
  JOIN sys.schemas AS s ON s.schema_id = t.schema_id
  JOIN sys.database_principals AS gr ON gr.principal_id = dp.grantee_principal_id
  LEFT JOIN sys.columns AS c ON c.object_id = dp.major_id AND c.column_id = dp.minor_id
  WHERE dp.class = 1
) AS u
WHERE u.schema_name IS NULL OR u.schema_name NOT IN (N'sys', N'INFORMATION_SCHEMA')
ORDER BY u.object`

// msDependentsQuery lists the objects the model does not manage (views,
// procedures, functions, triggers) that reference a user table or one of
// its columns, from sys.sql_expression_dependencies (Microsoft Learn:
// referenced_minor_id is the referenced column's id, 0 for the table;
// is_schema_bound_reference is 1 when the reference is schema-bound, WITH
// SCHEMABINDING). A schema-bound reference makes SQL Server refuse to drop
// or alter what it references (Msg 5074 "The object … is dependent on
// column …" with Msg 4922 "ALTER TABLE DROP COLUMN / ALTER COLUMN … failed
// because one or more objects access this column"; Msg 3729 "Cannot DROP
// TABLE … because it is being referenced by object …"); any other reference
// does not block the statement but leaves the dependent failing when it
// next runs. Each row gives the table's object_id, the column (NULL for the
// table), whether the dependent belongs to that table (a trigger on it),
// the dependent named with its kind, and whether the reference is
// schema-bound.
const msDependentsQuery = `-- schemadiff:dependents
SELECT DISTINCT d.referenced_id, c.name AS column_name,
       CAST(CASE WHEN o.parent_object_id = d.referenced_id THEN 1 ELSE 0 END AS bit) AS attached,
       ` + msObjectName + ` AS object,
       d.is_schema_bound_reference
FROM sys.sql_expression_dependencies AS d
JOIN sys.objects AS o ON o.object_id = d.referencing_id
JOIN sys.schemas AS s ON s.schema_id = o.schema_id
LEFT JOIN sys.objects AS p ON p.object_id = o.parent_object_id AND o.parent_object_id <> 0
JOIN sys.tables AS t ON t.object_id = d.referenced_id AND t.is_ms_shipped = 0
LEFT JOIN sys.columns AS c ON c.object_id = d.referenced_id AND c.column_id = d.referenced_minor_id AND d.referenced_minor_id > 0
WHERE d.referencing_class = 1 AND d.referenced_class = 1 AND o.is_ms_shipped = 0
  AND o.type IN ('V', 'P', 'FN', 'IF', 'TF', 'TR')
ORDER BY d.referenced_id, object, column_name`

// msUnmodelledWhat returns what the warning about an object of kind (as
// msUnmodelledQuery names it) says is not read.
func msUnmodelledWhat(kind string) string {
	switch kind {
	case "security policy":
		return "security policies (row-level security)"
	case "database trigger":
		return "database (DDL) triggers"
	case "table type":
		return "user-defined table types"
	case "alias type":
		return "alias types (a column of one is read as its base type)"
	case "full-text index":
		return "full-text indexes"
	}
	return kind + "s"
}

// readUnmodelled runs msUnmodelledQuery: one warning per object the model
// cannot hold, in the schemas read and not on an excluded table; the
// objects living in a schema on their own become dependents of it.
func (c *msCatalog) readUnmodelled(ctx context.Context, opts Options) error {
	return c.query(ctx, msUnmodelledQuery, func(r *sql.Rows) error {
		var kind, object string
		var nsp, table sql.NullString
		var inSchema bool
		if err := r.Scan(&kind, &nsp, &table, &object, &inSchema); err != nil {
			return err
		}
		if nsp.Valid && c.db.Schema(nsp.String) == nil {
			return nil
		}
		if table.Valid {
			if skip, err := opts.excluded(nsp.String, table.String); err != nil || skip {
				return err
			}
		}
		c.warn(object, "%s are not read; the comparison ignores it", msUnmodelledWhat(kind))
		if inSchema {
			c.db.Dependents = append(c.db.Dependents, schema.Dependent{Schema: nsp.String, Object: object})
		}
		return nil
	})
}

// readDependents runs msDependentsQuery: the unmanaged dependents of the
// tables read, and of their columns: not the modules read into the model
// (c.modules), which diff orders itself, but those of the schemas not read.
// A reference that is not schema-bound does not block the statement
// (Breaks).
func (c *msCatalog) readDependents(ctx context.Context, _ Options) error {
	err := c.query(ctx, msDependentsQuery, func(r *sql.Rows) error {
		var id int64
		var column sql.NullString
		var attached, bound bool
		var object string
		if err := r.Scan(&id, &column, &attached, &object, &bound); err != nil {
			return err
		}
		t := c.tables[id]
		if t == nil || c.modules[object] {
			return nil
		}
		c.db.Dependents = append(c.db.Dependents, schema.Dependent{
			Schema: t.Schema, Table: t.Name, Column: column.String, Attached: attached, Object: object, Breaks: !bound,
		})
		return nil
	})
	schema.SortDependents(c.db)
	return err
}
