package introspect

// The SQL Server catalog queries. Each names itself in its first line
// ("-- schemadiff:<name>"): errors say which query failed, and the TDS test
// server (internal/tdstest) answers each by that name and the hash of its
// text, so editing a query means recording it again. They only SELECT. Rows of tables that are not read (Microsoft-shipped, other schemas,
// excluded) are dropped by the caller, which keeps the queries free of
// parameters and their number fixed.

// msSnapshotQuery reads whether the database allows SNAPSHOT isolation
// (ALTER DATABASE … SET ALLOW_SNAPSHOT_ISOLATION ON makes it "ON"; see
// sys.databases on Microsoft Learn). It runs before the transaction begins.
const msSnapshotQuery = `-- schemadiff:snapshot_isolation
SELECT d.snapshot_isolation_state_desc
FROM sys.databases AS d
WHERE d.name = DB_NAME()`

// msDatabaseQuery reads the database's default collation.
const msDatabaseQuery = `-- schemadiff:database
SELECT CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS nvarchar(128)) AS collation_name`

// msSchemasQuery reads dbo and the user-created schemas: ids 1-4 are dbo, guest,
// INFORMATION_SCHEMA and sys; 16384 and up are the fixed database roles' schemas.
const msSchemasQuery = `-- schemadiff:schemas
SELECT s.name
FROM sys.schemas AS s
WHERE s.schema_id = 1 OR (s.schema_id > 4 AND s.schema_id < 16384)
ORDER BY s.name`

// msTablesQuery reads the user tables and their MS_Description comments. The
// tables SSMS's database diagrams add (sysdiagrams) are marked
// microsoft_database_tools_support and left out.
const msTablesQuery = `-- schemadiff:tables
SELECT t.object_id, s.name AS schema_name, t.name AS table_name,
       CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
LEFT JOIN sys.extended_properties AS ep
       ON ep.class = 1 AND ep.major_id = t.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
WHERE t.is_ms_shipped = 0
  AND s.name NOT IN (N'sys', N'INFORMATION_SCHEMA')
  AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS tools
                  WHERE tools.class = 1 AND tools.major_id = t.object_id AND tools.minor_id = 0
                    AND tools.name = N'microsoft_database_tools_support')
ORDER BY s.name, t.name`

// msColumnsQuery reads every column with its type (the base type of an alias
// type), identity, computed definition, DEFAULT constraint and comment.
// max_length is in bytes; sql_variant identity values are cast to bigint;
// is_not_for_replication is IDENTITY … NOT FOR REPLICATION (sys.identity_columns).
const msColumnsQuery = `-- schemadiff:columns
SELECT c.object_id, c.name,
       CASE WHEN ty.is_user_defined = 1 THEN bt.name ELSE ty.name END AS type_name,
       c.max_length, c.precision, c.scale, c.is_nullable, c.collation_name,
       c.is_identity,
       CAST(ic.seed_value AS bigint) AS identity_seed,
       CAST(ic.increment_value AS bigint) AS identity_increment,
       ic.is_not_for_replication AS identity_not_for_replication,
       c.is_computed, cc.definition AS computed_definition, cc.is_persisted,
       dc.name AS default_name, dc.definition AS default_definition, dc.is_system_named AS default_is_system_named,
       CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.columns AS c
JOIN sys.tables AS t ON t.object_id = c.object_id AND t.is_ms_shipped = 0
JOIN sys.types AS ty ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.types AS bt ON bt.user_type_id = ty.system_type_id
LEFT JOIN sys.identity_columns AS ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
LEFT JOIN sys.computed_columns AS cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
LEFT JOIN sys.default_constraints AS dc ON dc.object_id = c.default_object_id
LEFT JOIN sys.extended_properties AS ep
       ON ep.class = 1 AND ep.major_id = c.object_id AND ep.minor_id = c.column_id AND ep.name = N'MS_Description'
ORDER BY c.object_id, c.column_id`

// msIndexesQuery reads every index but heaps (type 0): clustered (1) and
// nonclustered (2) rowstore indexes and clustered (5) and nonclustered (6)
// columnstore indexes are modelled; XML (3), spatial (4) and hash (7)
// indexes are read only to be named in a warning (type_desc says which
// kind). A constraint's index carries its constraint's is_system_named.
// The options FILLFACTOR, PAD_INDEX and IGNORE_DUP_KEY are sys.indexes'
// fill_factor, is_padded and ignore_dup_key; DATA_COMPRESSION is
// sys.partitions' data_compression_desc of the first partition (the model
// holds no partitioning).
const msIndexesQuery = `-- schemadiff:indexes
SELECT i.object_id, i.index_id, i.name, i.type, i.type_desc, i.is_unique, i.is_primary_key, i.is_unique_constraint,
       i.filter_definition, kc.is_system_named AS constraint_is_system_named,
       i.fill_factor, i.is_padded, i.ignore_dup_key, p.data_compression_desc
FROM sys.indexes AS i
JOIN sys.tables AS t ON t.object_id = i.object_id AND t.is_ms_shipped = 0
LEFT JOIN sys.key_constraints AS kc ON kc.parent_object_id = i.object_id AND kc.unique_index_id = i.index_id
LEFT JOIN sys.partitions AS p ON p.object_id = i.object_id AND p.index_id = i.index_id AND p.partition_number = 1
WHERE i.type > 0 AND i.is_hypothetical = 0
ORDER BY i.object_id, i.index_id`

// msIndexColumnsQuery reads the key columns in key order, then the included
// columns in the order they were declared. A columnstore index's columns
// are all "included" (key_ordinal 0, is_included_column 1: sys.index_columns).
const msIndexColumnsQuery = `-- schemadiff:index_columns
SELECT ic.object_id, ic.index_id, c.name AS column_name, ic.key_ordinal, ic.is_descending_key, ic.is_included_column
FROM sys.index_columns AS ic
JOIN sys.tables AS t ON t.object_id = ic.object_id AND t.is_ms_shipped = 0
JOIN sys.indexes AS i ON i.object_id = ic.object_id AND i.index_id = ic.index_id
JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
WHERE i.type IN (1, 2, 5, 6) AND i.is_hypothetical = 0
ORDER BY ic.object_id, ic.index_id, ic.is_included_column, ic.key_ordinal, ic.index_column_id`

// msForeignKeysQuery reads the foreign keys, the tables they reference and
// their state: disabled, not trusted (added or enabled WITH NOCHECK), NOT
// FOR REPLICATION.
const msForeignKeysQuery = `-- schemadiff:foreign_keys
SELECT fk.object_id, fk.parent_object_id, fk.name, fk.is_system_named,
       rs.name AS ref_schema, rt.name AS ref_table,
       fk.delete_referential_action_desc, fk.update_referential_action_desc,
       fk.is_disabled, fk.is_not_trusted, fk.is_not_for_replication
FROM sys.foreign_keys AS fk
JOIN sys.tables AS t ON t.object_id = fk.parent_object_id AND t.is_ms_shipped = 0
JOIN sys.tables AS rt ON rt.object_id = fk.referenced_object_id
JOIN sys.schemas AS rs ON rs.schema_id = rt.schema_id
ORDER BY fk.parent_object_id, fk.name`

// msForeignKeyColumnsQuery reads the column pairs of the foreign keys, in order.
const msForeignKeyColumnsQuery = `-- schemadiff:foreign_key_columns
SELECT fkc.constraint_object_id, pc.name AS column_name, rc.name AS ref_column_name
FROM sys.foreign_key_columns AS fkc
JOIN sys.tables AS t ON t.object_id = fkc.parent_object_id AND t.is_ms_shipped = 0
JOIN sys.columns AS pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
JOIN sys.columns AS rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
ORDER BY fkc.constraint_object_id, fkc.constraint_column_id`

// msChecksQuery reads the CHECK constraints (table and column level alike)
// and their state, as msForeignKeysQuery does.
const msChecksQuery = `-- schemadiff:checks
SELECT cc.parent_object_id, cc.name, cc.definition, cc.is_system_named,
       cc.is_disabled, cc.is_not_trusted, cc.is_not_for_replication
FROM sys.check_constraints AS cc
JOIN sys.tables AS t ON t.object_id = cc.parent_object_id AND t.is_ms_shipped = 0
ORDER BY cc.parent_object_id, cc.name`

// SQLServerCatalogQueries returns every SQL Server catalog query, in the
// order Inspect runs them, for recording their results from a live server
// (internal/tdstest/cmd/record).
func SQLServerCatalogQueries() []string {
	return []string{
		msSnapshotQuery, msDatabaseQuery, msSchemasQuery, msTablesQuery, msColumnsQuery, msIndexesQuery, msIndexColumnsQuery,
		msForeignKeysQuery, msForeignKeyColumnsQuery, msChecksQuery,
		msViewsQuery, msRoutinesQuery, msTriggersQuery, msSequencesQuery, msModuleDependenciesQuery,
		msUnmodelledQuery, msDependentsQuery,
	}
}
