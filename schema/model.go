// Package schema holds schemadiff's model of a database schema, and everything
// about reading, checking, normalizing and writing desired-schema files.
//
// One model serves both dialects. Dialect-only options are typed fields. Every
// object keeps its source position (Pos) for errors and findings; positions
// never take part in comparisons.
//
// Canonical form (what Normalize produces and introspect returns) is documented
// on each field: "canonical:" notes say what a normalized value looks like.
package schema

import (
	"fmt"
	"strings"
)

// Dialect names the database flavour a schema is written for.
type Dialect string

// The dialects schemadiff supports.
const (
	Postgres  Dialect = "postgres"
	SQLServer Dialect = "sqlserver"
)

// DefaultSchema is the schema a table lives in when the file names none.
func (d Dialect) DefaultSchema() string {
	if d == SQLServer {
		return "dbo"
	}
	return "public"
}

// Pos is a position in a source file (1-based line and column). The zero Pos
// means "no source" (e.g. an object read from a live database).
type Pos struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// IsZero reports whether p carries no position.
func (p Pos) IsZero() bool { return p.File == "" && p.Line == 0 }

// String renders p as file:line:col (parts that are unknown are left out).
func (p Pos) String() string {
	switch {
	case p.IsZero():
		return ""
	case p.Line == 0:
		return p.File
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
	}
}

// QName is a schema-qualified object name.
type QName struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
}

// String renders the name as schema.name, without quoting (for messages).
func (q QName) String() string {
	if q.Schema == "" {
		return q.Name
	}
	return q.Schema + "." + q.Name
}

// ParseQName splits "schema.name" (or "name", which takes defaultSchema).
// Names holding a dot cannot be written this way; use the schema attribute.
func ParseQName(s, defaultSchema string) QName {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return QName{Schema: s[:i], Name: s[i+1:]}
	}
	return QName{Schema: defaultSchema, Name: s}
}

// Database is a whole schema: what a set of schema files describes, or what
// introspection read from a live database.
type Database struct {
	Dialect Dialect   `json:"dialect"`
	Schemas []*Schema `json:"schemas,omitempty"` // canonical: sorted by name; every schema a table or enum uses is listed
	Enums   []*Enum   `json:"enums,omitempty"`   // canonical: sorted by (schema, name)
	Tables  []*Table  `json:"tables,omitempty"`  // canonical: sorted by (schema, name)
	// The other kinds of object (objects.go). canonical: each sorted by
	// (schema, name); Functions by (schema, name, argument types); Triggers
	// and Policies by (schema, table, name).
	Extensions     []*Extension     `json:"extensions,omitempty"`
	Sequences      []*Sequence      `json:"sequences,omitempty"`
	Domains        []*Domain        `json:"domains,omitempty"`
	CompositeTypes []*CompositeType `json:"composite_types,omitempty"`
	Views          []*View          `json:"views,omitempty"`
	Functions      []*Function      `json:"functions,omitempty"`
	Triggers       []*Trigger       `json:"triggers,omitempty"`
	Policies       []*Policy        `json:"policies,omitempty"`
	// Warnings name what introspection read but the model cannot hold (left
	// out of the schema), in the order found; schema files have none.
	Warnings []Warning `json:"warnings,omitempty"`
	// Dependents are the objects introspection found that the model does not
	// manage (views, policies, rules, functions, triggers…) and that depend
	// on a schema, table or column it does: a statement dropping or retyping
	// what they depend on fails, and diff says so. canonical: sorted
	// (SortDependents); empty for schema files.
	Dependents []Dependent `json:"dependents,omitempty"`
}

// Warning is something read from a database that the model cannot hold.
type Warning struct {
	// Object names what the warning is about, e.g. "dbo.users.location".
	Object string `json:"object"`
	// Message says what was left out and why.
	Message string `json:"message"`
}

// Schema is a namespace (PostgreSQL schema, SQL Server schema).
type Schema struct {
	Name    string `json:"name"`
	Comment string `json:"comment,omitempty"`
	Pos     Pos    `json:"-"`
}

// Enum is a PostgreSQL enumerated type.
type Enum struct {
	Schema string   `json:"schema"`
	Name   string   `json:"name"`
	Values []string `json:"values"` // in declaration order (order matters)
	// Comment is the enum's comment (COMMENT ON TYPE; PostgreSQL).
	Comment string `json:"comment,omitempty"`
	Pos     Pos    `json:"-"`
}

// QName returns the enum's qualified name.
func (e *Enum) QName() QName { return QName{e.Schema, e.Name} }

// Table is a table with its columns, keys, indexes and constraints.
type Table struct {
	Schema  string `json:"schema"` // canonical: never empty (public / dbo by default)
	Name    string `json:"name"`
	Comment string `json:"comment,omitempty"`
	// RenamedFrom names the table this one was called before: "old" (same
	// schema) or "schema.old". It guides diff only; introspection never sets it
	// and comparisons ignore it.
	RenamedFrom string `json:"renamed_from,omitempty"`
	// TableOptions are PostgreSQL's UNLOGGED, storage parameters and
	// REPLICA IDENTITY (see pgoptions.go).
	TableOptions

	Columns     []*Column     `json:"columns"`               // in declaration order (order is kept)
	PrimaryKey  *PrimaryKey   `json:"primary_key,omitempty"` //
	Uniques     []*Unique     `json:"uniques,omitempty"`     // canonical: sorted by name; column `unique = true` shorthands are turned into entries here
	Indexes     []*Index      `json:"indexes,omitempty"`     // canonical: sorted by name
	ForeignKeys []*ForeignKey `json:"foreign_keys,omitempty"`
	Checks      []*Check      `json:"checks,omitempty"` // canonical: sorted by name
	// Excludes are PostgreSQL EXCLUDE constraints. canonical: sorted by name.
	Excludes []*Exclude `json:"excludes,omitempty"`
	// RowSecurity and ForceRowSecurity are PostgreSQL's ENABLE and FORCE ROW
	// LEVEL SECURITY (pg_class.relrowsecurity, relforcerowsecurity); the
	// policies are Database.Policies.
	RowSecurity      bool `json:"row_security,omitempty"`
	ForceRowSecurity bool `json:"force_row_security,omitempty"`
	// PartitionBy makes the table partitioned (PostgreSQL); nil otherwise.
	PartitionBy *Partitioning `json:"partition_by,omitempty"`
	// PartitionOf makes the table a partition of another; nil otherwise.
	// canonical: a partition lists only what is its own: the columns,
	// indexes and constraints it inherits from its parent are not repeated.
	PartitionOf *PartitionOf `json:"partition_of,omitempty"`
	Pos         Pos          `json:"-"`
}

// QName returns the table's qualified name.
func (t *Table) QName() QName { return QName{t.Schema, t.Name} }

// Column returns the column called name, or nil.
func (t *Table) Column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Column is a table column.
type Column struct {
	Name string `json:"name"`
	// Type is the column's type as written or read.
	// canonical (PostgreSQL): the spelling format_type() prints, lower case:
	// "integer", "bigint", "smallint", "character varying(50)", "character varying",
	// "character(1)", "text", "boolean", "numeric(10,2)", "numeric", "real",
	// "double precision", "timestamp without time zone", "timestamp(3) with time zone",
	// "date", "time without time zone", "uuid", "jsonb", "bytea", "integer[]", ...
	// serial columns keep the pseudo-types "smallserial", "serial", "bigserial"
	// (and then have no Default: the nextval() default is implied).
	// A column of an enum type names it qualified, unquoted: "public.user_role"
	// (arrays: "public.user_role[]"); built-in type spellings never hold a dot,
	// so a dot always means a user type whose parts the renderer quotes.
	// canonical (SQL Server): lower case, lengths in characters: "nvarchar(255)",
	// "nvarchar(max)", "datetime2" (precision 7 is dropped), "decimal(18,2)", "bit".
	Type      string    `json:"type"`
	Null      bool      `json:"null,omitempty"`
	Default   *Default  `json:"default,omitempty"`
	Identity  *Identity `json:"identity,omitempty"`
	Computed  *Computed `json:"computed,omitempty"`
	Collation string    `json:"collation,omitempty"` // canonical: empty when it is the type's default collation
	Comment   string    `json:"comment,omitempty"`
	// Compression is the column's TOAST compression method (PostgreSQL 14+:
	// "pglz" or "lz4"; ALTER TABLE … SET COMPRESSION). canonical: "" when the
	// column uses the server's default_toast_compression.
	Compression string `json:"compression,omitempty"`
	// Storage is the column's storage mode (PostgreSQL: "plain", "external",
	// "extended" or "main"; ALTER TABLE … SET STORAGE). canonical: "" when it
	// is the type's default (pg_type.typstorage; TypeStorage).
	Storage string `json:"storage,omitempty"`
	// Unique is the one-column UNIQUE shorthand of schema files. canonical: false
	// (Normalize moves it into Table.Uniques, named as the database would name it).
	Unique bool `json:"unique,omitempty"`
	// RenamedFrom is the column's previous name (diff guidance only).
	RenamedFrom string `json:"renamed_from,omitempty"`
	// Using is the PostgreSQL expression that converts the column's values
	// when its type changes to Type (ALTER COLUMN … TYPE … USING), for type
	// pairs PostgreSQL has no cast between (e.g. "to_timestamp(created)" for
	// bigint → timestamptz); UsingDown converts them back in the down
	// migration. Diff guidance only, like RenamedFrom: introspection never
	// sets them and comparisons ignore them.
	Using     string `json:"using,omitempty"`
	UsingDown string `json:"using_down,omitempty"`
	// DefaultName names a SQL Server DEFAULT constraint. canonical: set on
	// SQL Server when there is a default; empty on PostgreSQL.
	DefaultName string `json:"default_name,omitempty"`
	// DefaultSystemName is, on SQL Server, the name the server generated for a
	// DEFAULT constraint created without one (is_system_named), e.g.
	// DF__users__status__4AB81AF0. Introspection sets it and leaves DefaultName
	// empty, so that the default matches an unnamed one by definition (Normalize
	// gives both the convention name). Comparisons ignore it; renderers use it,
	// when set, to name the live constraint in ALTER/DROP statements.
	DefaultSystemName string `json:"default_system_name,omitempty"`
	Pos               Pos    `json:"-"`
}

// DefaultKind says what a Default holds.
type DefaultKind string

// The kinds of column default.
const (
	DefaultString DefaultKind = "string" // a string literal; Value is the unquoted text
	DefaultNumber DefaultKind = "number" // a numeric literal; Value is its decimal text, e.g. "0", "-1.5"
	DefaultBool   DefaultKind = "bool"   // Value is "true" or "false"
	DefaultExpr   DefaultKind = "expr"   // a SQL expression; Value is its text
)

// SourceText is the text of an SQL expression as the user wrote it in a
// schema file, or as the database stores it for an inspected database:
// valid SQL of the dialect. The model keeps it beside the canonical form
// (Check.Expr, Index.Where, ...) that comparisons use, so that renderers and
// writers print the user's own text. It never takes part in comparisons: its
// Equal method reports every two texts equal, so go-cmp ignores it as it is
// told to ignore Pos, and diff's equal functions never read it.
type SourceText string

// Equal reports true: source texts never make two models differ (compare
// the canonical fields instead, or convert to string to read the text).
func (SourceText) Equal(SourceText) bool { return true }

// Or returns the text, or canonical when there is none.
func (s SourceText) Or(canonical string) string {
	if strings.TrimSpace(string(s)) != "" {
		return string(s)
	}
	return canonical
}

// Default is a column default: a literal or an SQL expression.
// canonical: a literal that the database stores with a cast ('viewer'::character
// varying, (0), ((0))) is a plain literal; an expression is in the canonical
// expression form of NormalizeExpr.
type Default struct {
	Kind  DefaultKind `json:"kind"`
	Value string      `json:"value"`
	// Source is, for a default of kind expr, the expression as written in the
	// schema file (or as the database stores it, for an inspected database).
	// Normalize sets it from Value when it is empty; comparisons ignore it;
	// renderers and writers print it (Value when it is empty). See Check.Source.
	// For a string or number default (PostgreSQL), it is the literal as written
	// when Value holds PostgreSQL's form of it ('2000-01-01 10:00+05' of a
	// timestamptz, 0.0 of a numeric): the renderer prints it.
	Source SourceText `json:"source,omitempty"`
}

// Identity makes a column an identity column.
// PostgreSQL: GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY (sequence options);
// SQL Server: IDENTITY(seed, increment), which has no other option.
// The defaults of the sequence options are PostgreSQL's (CREATE SEQUENCE,
// https://www.postgresql.org/docs/15/sql-createsequence.html); see IdentityBounds.
type Identity struct {
	Always bool `json:"always,omitempty"` // PostgreSQL only
	// Seed is the first value (START WITH). canonical: SQL Server 1 when unset;
	// PostgreSQL, when unset, the sequence's default start: its minimum value
	// when ascending, its maximum when descending (1 for a default identity).
	Seed      int64 `json:"seed,omitempty"`
	Increment int64 `json:"increment,omitempty"` // canonical: 1 when unset
	// MinValue and MaxValue bound the sequence (PostgreSQL only).
	// canonical: nil when they are the defaults of IdentityBounds.
	MinValue *int64 `json:"min_value,omitempty"`
	MaxValue *int64 `json:"max_value,omitempty"`
	// Cache is how many values a session allocates at once (PostgreSQL only).
	// canonical: 0 when it is the default 1.
	Cache int64 `json:"cache,omitempty"`
	Cycle bool  `json:"cycle,omitempty"` // PostgreSQL only: wrap around at the bound
	// NotForReplication is SQL Server's IDENTITY … NOT FOR REPLICATION
	// (sys.identity_columns.is_not_for_replication): replication agents'
	// inserts keep their values and do not advance the seed.
	NotForReplication bool `json:"not_for_replication,omitempty"`
}

// Computed makes a column a generated (computed) column.
type Computed struct {
	Expr      string `json:"expr"`
	Persisted bool   `json:"persisted,omitempty"` // canonical (PostgreSQL): always true (STORED)
	// Source is Expr as written (or as stored); see Check.Source.
	Source SourceText `json:"source,omitempty"`
}

// PrimaryKey is a table's primary key constraint.
type PrimaryKey struct {
	Name    string   `json:"name,omitempty"` // canonical: PostgreSQL <table>_pkey when unnamed; SQL Server pk_<table>
	Columns []string `json:"columns"`
	// Clustered is SQL Server only. nil means "not said"; canonical (SQL Server):
	// resolved to true/false as SQL Server would; canonical (PostgreSQL): nil.
	Clustered *bool `json:"clustered,omitempty"`
	// Desc lists the key columns sorted descending (SQL Server:
	// PRIMARY KEY (a, b DESC); sys.index_columns.is_descending_key).
	// canonical: in key order, nil when none.
	Desc []string `json:"desc,omitempty"`
	// ClusteredImplied is set by Normalize when Clustered was not said and was
	// resolved by it (SQL Server): diff warns when that made the key
	// NONCLUSTERED because another index of the table is clustered.
	// Comparisons ignore it.
	ClusteredImplied bool `json:"clustered_implied,omitempty"`
	// SystemName: see Column.DefaultSystemName (SQL Server generated names, e.g. PK__users__3213E83F0A9D95DB).
	SystemName string `json:"system_name,omitempty"`
	// Deferrable and InitiallyDeferred are PostgreSQL only (DEFERRABLE,
	// INITIALLY DEFERRED; https://www.postgresql.org/docs/15/sql-createtable.html).
	// canonical: Deferrable is true whenever InitiallyDeferred is.
	Deferrable        bool `json:"deferrable,omitempty"`
	InitiallyDeferred bool `json:"initially_deferred,omitempty"`
	// Comment is the constraint's comment (PostgreSQL COMMENT ON CONSTRAINT).
	Comment string `json:"comment,omitempty"`
	Pos     Pos    `json:"-"`
}

// Unique is a UNIQUE constraint (distinct from a unique index).
type Unique struct {
	Name      string   `json:"name,omitempty"` // canonical: <table>_<col>[_<col>...]_key on PostgreSQL
	Columns   []string `json:"columns"`
	Clustered *bool    `json:"clustered,omitempty"` // SQL Server only; see PrimaryKey.Clustered
	Desc      []string `json:"desc,omitempty"`      // SQL Server only; see PrimaryKey.Desc
	// SystemName: see Column.DefaultSystemName (SQL Server generated names, e.g. UQ__users__AB6E61641B0B8B2E).
	SystemName string `json:"system_name,omitempty"`
	// NullsNotDistinct makes rows whose key holds NULLs collide (PostgreSQL 15+,
	// UNIQUE NULLS NOT DISTINCT).
	NullsNotDistinct bool `json:"nulls_not_distinct,omitempty"`
	// Deferrable, InitiallyDeferred: see PrimaryKey.Deferrable (PostgreSQL only).
	Deferrable        bool `json:"deferrable,omitempty"`
	InitiallyDeferred bool `json:"initially_deferred,omitempty"`
	// Comment: see PrimaryKey.Comment.
	Comment string `json:"comment,omitempty"`
	Pos     Pos    `json:"-"`
}

// Index is an index on a table.
type Index struct {
	Name    string      `json:"name,omitempty"` // canonical: <table>_<col>[_<col>...]_idx on PostgreSQL when unnamed
	Unique  bool        `json:"unique,omitempty"`
	Parts   []IndexPart `json:"parts"`
	Include []string    `json:"include,omitempty"` // INCLUDE columns
	Where   string      `json:"where,omitempty"`   // partial/filtered index predicate; canonical: NormalizeExpr form
	// WhereSource is Where as written (or as stored); see Check.Source.
	WhereSource SourceText `json:"where_source,omitempty"`
	Using       string     `json:"using,omitempty"` // PostgreSQL access method; canonical: "" for btree
	// Clustered is SQL Server only; see PrimaryKey.Clustered. canonical (SQL Server): non-nil.
	Clustered *bool `json:"clustered,omitempty"`
	// Columnstore is SQL Server only: a CLUSTERED COLUMNSTORE index (Clustered
	// true, no Parts: it holds every column) or a NONCLUSTERED COLUMNSTORE
	// index on the columns of Parts (no DESC, no INCLUDE); sys.indexes.type 5
	// and 6.
	Columnstore bool `json:"columnstore,omitempty"`
	// FillFactor is SQL Server's FILLFACTOR, the percentage of each leaf page
	// filled when the index is built (sys.indexes.fill_factor, 1-100).
	// canonical: 0 for unset, 0 and 100 (which SQL Server treats alike).
	FillFactor int64 `json:"fill_factor,omitempty"`
	// PadIndex is SQL Server's PAD_INDEX = ON (sys.indexes.is_padded).
	PadIndex bool `json:"pad_index,omitempty"`
	// IgnoreDupKey is SQL Server's IGNORE_DUP_KEY = ON on a unique index
	// (sys.indexes.ignore_dup_key): a duplicate insert is a warning, not an error.
	IgnoreDupKey bool `json:"ignore_dup_key,omitempty"`
	// DataCompression is SQL Server's DATA_COMPRESSION
	// (sys.partitions.data_compression_desc): ROW or PAGE on a rowstore
	// index, COLUMNSTORE_ARCHIVE on a columnstore one. canonical: upper
	// case; "" for the default (NONE on rowstore, COLUMNSTORE on columnstore).
	DataCompression string `json:"data_compression,omitempty"`
	// NullsNotDistinct is, on a unique index, UNIQUE … NULLS NOT DISTINCT
	// (PostgreSQL 15+).
	NullsNotDistinct bool `json:"nulls_not_distinct,omitempty"`
	// With holds the index storage parameters (PostgreSQL WITH (…), e.g.
	// fillfactor, fastupdate, deduplicate_items; see
	// https://www.postgresql.org/docs/15/sql-createindex.html#SQL-CREATEINDEX-STORAGE-PARAMETERS).
	// canonical: "name=value" entries as pg_class.reloptions holds them,
	// the name lower case, booleans "true"/"false", sorted by name.
	With []string `json:"with,omitempty"`
	// Comment is the index's comment (PostgreSQL COMMENT ON INDEX).
	Comment string `json:"comment,omitempty"`
	Pos     Pos    `json:"-"`
}

// IndexPart is one key part of an index: a column or an expression.
type IndexPart struct {
	Column string `json:"column,omitempty"`
	Expr   string `json:"expr,omitempty"` // PostgreSQL expression key; canonical: NormalizeExpr form
	// ExprSource is Expr as written (or as stored); see Check.Source.
	ExprSource SourceText `json:"expr_source,omitempty"`
	Desc       bool       `json:"desc,omitempty"`
	// Nulls is "first" or "last" (PostgreSQL). canonical: "" when it is the
	// default for the direction (last for ASC, first for DESC).
	Nulls string `json:"nulls,omitempty"`
	// Collation is the key's COLLATE (PostgreSQL). canonical: empty when it
	// is the collation of the column (or expression) itself.
	Collation string `json:"collation,omitempty"`
	// Opclass is the key's operator class (PostgreSQL), with its parameters
	// when it has any: "text_pattern_ops", "tsvector_ops(siglen=32)".
	// canonical: empty when it is the default operator class (with no parameters) of the key's
	// type for the index method; lower case; parameters as
	// pg_get_indexdef prints them.
	Opclass string `json:"opclass,omitempty"`
}

// ForeignKey is a FOREIGN KEY constraint.
type ForeignKey struct {
	Name       string   `json:"name,omitempty"` // canonical: <table>_<col>[_<col>...]_fkey on PostgreSQL when unnamed
	Columns    []string `json:"columns"`
	RefSchema  string   `json:"ref_schema"` // canonical: never empty
	RefTable   string   `json:"ref_table"`
	RefColumns []string `json:"ref_columns"`
	// OnDelete and OnUpdate are "NO ACTION", "RESTRICT", "CASCADE", "SET NULL",
	// "SET DEFAULT". canonical: upper case, "NO ACTION" when unset.
	OnDelete          string `json:"on_delete,omitempty"`
	OnUpdate          string `json:"on_update,omitempty"`
	Deferrable        bool   `json:"deferrable,omitempty"`         // PostgreSQL only; canonical: true whenever InitiallyDeferred is
	InitiallyDeferred bool   `json:"initially_deferred,omitempty"` // PostgreSQL only
	ConstraintState
	// MatchFull is MATCH FULL (PostgreSQL only): a row whose key is partly
	// NULL is refused. canonical: false for MATCH SIMPLE (the default).
	MatchFull bool `json:"match_full,omitempty"`
	// NotValid leaves existing rows unchecked (PostgreSQL NOT VALID): the
	// constraint holds for new rows only until VALIDATE CONSTRAINT.
	NotValid bool `json:"not_valid,omitempty"`
	// Comment: see PrimaryKey.Comment.
	Comment string `json:"comment,omitempty"`
	// SystemName: see Column.DefaultSystemName (SQL Server generated names, e.g. FK__users__tenant_i__4BAC3F29).
	SystemName string `json:"system_name,omitempty"`
	Pos        Pos    `json:"-"`
}

// RefQName returns the referenced table's qualified name.
func (f *ForeignKey) RefQName() QName { return QName{f.RefSchema, f.RefTable} }

// Check is a CHECK constraint.
type Check struct {
	Name string `json:"name,omitempty"` // canonical: PostgreSQL's <table>_<col>_check naming when unnamed
	Expr string `json:"expr"`           // canonical: NormalizeExpr form
	// Source is the expression as the user wrote it in the schema file, or
	// as the database stores it for an inspected database: valid SQL of the
	// dialect. Expr (canonical) is what comparisons use; Source is what
	// renderers and writers print, so that users see their own text in a
	// migration. Normalize sets it from Expr when it is empty (so it keeps
	// the text it was given); comparisons ignore it, like Pos and SystemName.
	Source SourceText `json:"source,omitempty"`
	ConstraintState
	// NotValid: see ForeignKey.NotValid (PostgreSQL only).
	NotValid bool `json:"not_valid,omitempty"`
	// NoInherit keeps the check off child tables (PostgreSQL NO INHERIT).
	NoInherit bool `json:"no_inherit,omitempty"`
	// Comment: see PrimaryKey.Comment.
	Comment string `json:"comment,omitempty"`
	// SystemName: see Column.DefaultSystemName (SQL Server generated names, e.g. CK__users__status__4AB81AF0).
	SystemName string `json:"system_name,omitempty"`
	Pos        Pos    `json:"-"`
}

// Exclude is a PostgreSQL EXCLUDE constraint: no two rows may have every
// element's operator return true between them
// (https://www.postgresql.org/docs/15/sql-createtable.html#SQL-CREATETABLE-EXCLUDE).
type Exclude struct {
	Name string `json:"name,omitempty"` // canonical: <table>_<col>[_<col>...]_excl when unnamed, as PostgreSQL names it
	// Using is the index method. canonical: lower case, "gist" when unset.
	Using    string           `json:"using,omitempty"`
	Elements []ExcludeElement `json:"elements"`
	Include  []string         `json:"include,omitempty"` // INCLUDE columns
	Where    string           `json:"where,omitempty"`   // predicate; canonical: NormalizeExpr form
	// WhereSource is Where as written (or as stored); see Check.Source.
	WhereSource SourceText `json:"where_source,omitempty"`
	// With holds the index storage parameters; canonical as Index.With.
	With []string `json:"with,omitempty"`
	// Deferrable, InitiallyDeferred: see PrimaryKey.Deferrable.
	// canonical: Deferrable true whenever InitiallyDeferred is.
	Deferrable        bool `json:"deferrable,omitempty"`
	InitiallyDeferred bool `json:"initially_deferred,omitempty"`
	// Comment: see PrimaryKey.Comment.
	Comment string `json:"comment,omitempty"`
	Pos     Pos    `json:"-"`
}

// ExcludeElement is one element of an EXCLUDE constraint: an index key (as
// IndexPart holds it, canonical alike) and the operator it is compared with.
type ExcludeElement struct {
	IndexPart
	// Operator is the operator, e.g. "=" or "&&"; canonical: as
	// pg_constraint.conexclop names it, schema-qualified only outside
	// pg_catalog ("OPERATOR(myschema.===)" is written "myschema.===").
	Operator string `json:"operator"`
}

// ConstraintState is how SQL Server holds a FOREIGN KEY or CHECK constraint
// beyond its definition (sys.foreign_keys, sys.check_constraints).
type ConstraintState struct {
	// NoCheck: the constraint was added or enabled WITH NOCHECK, so the rows
	// there were then are not known to satisfy it (is_not_trusted = 1).
	// canonical: true whenever Disabled is; false on an enabled NOT FOR
	// REPLICATION constraint, which SQL Server never trusts (its
	// is_not_trusted is always 1).
	NoCheck bool `json:"nocheck,omitempty"`
	// Disabled: ALTER TABLE … NOCHECK CONSTRAINT turned it off (is_disabled = 1);
	// SQL Server no longer checks new rows either.
	Disabled bool `json:"disabled,omitempty"`
	// NotForReplication: replication agents' changes are not checked
	// (is_not_for_replication = 1).
	NotForReplication bool `json:"not_for_replication,omitempty"`
}

// Table returns the table with that qualified name, or nil. It scans the
// list: to look up many names, build a Lookup once.
func (db *Database) Table(q QName) *Table {
	for _, t := range db.Tables {
		if t.Schema == q.Schema && t.Name == q.Name {
			return t
		}
	}
	return nil
}

// Enum returns the enum with that qualified name, or nil. It scans the
// list: to look up many names, build a Lookup once.
func (db *Database) Enum(q QName) *Enum {
	for _, e := range db.Enums {
		if e.Schema == q.Schema && e.Name == q.Name {
			return e
		}
	}
	return nil
}

// Schema returns the schema with that name, or nil. It scans the list: to
// look up many names, build a Lookup once.
func (db *Database) Schema(name string) *Schema {
	for _, s := range db.Schemas {
		if s.Name == name {
			return s
		}
	}
	return nil
}
