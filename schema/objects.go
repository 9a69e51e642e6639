package schema

// This file holds the kinds of object beyond tables and enums: extensions,
// sequences, domains, composite types, views (and materialized views),
// functions (and procedures), triggers and row-level security policies.
// Partitioning and row-level security switches are table attributes
// (TableOptions' neighbours on Table). Each kind has a typed struct with
// "canonical:" notes, like the rest of the model; what a kind cannot hold is
// warned about by introspection (see Database.Warnings).

// ObjectKind names a kind of schema object in an ObjectRef.
type ObjectKind string

// The kinds of object an ObjectRef can name.
const (
	KindTable         ObjectKind = "table"
	KindColumn        ObjectKind = "column" // ObjectRef.Column is set
	KindView          ObjectKind = "view"   // views and materialized views
	KindFunction      ObjectKind = "function"
	KindSequence      ObjectKind = "sequence"
	KindType          ObjectKind = "type" // enums, domains, composite types
	KindExtension     ObjectKind = "extension"
	KindSchema        ObjectKind = "schema"
	KindTrigger       ObjectKind = "trigger"
	KindPolicy        ObjectKind = "policy"
	KindCompositeType ObjectKind = "composite_type"
)

// ObjectRef names an object another one depends on: a view reads a table, a
// trigger calls a function, a column's type is a domain. Functions are named
// by their signature ("schema", "name(integer, text)": Function.Signature).
type ObjectRef struct {
	Kind   ObjectKind `json:"kind"`
	Schema string     `json:"schema,omitempty"`
	Name   string     `json:"name"`
	Column string     `json:"column,omitempty"` // KindColumn only
}

// QName returns the referenced object's qualified name.
func (r ObjectRef) QName() QName { return QName{r.Schema, r.Name} }

// Extension is a PostgreSQL extension (CREATE EXTENSION IF NOT EXISTS name
// SCHEMA schema VERSION version; https://www.postgresql.org/docs/15/sql-createextension.html).
// The objects an extension owns (pg_depend deptype 'e') are never managed
// as objects of their own. plpgsql, which every database has, is never read.
type Extension struct {
	Name string `json:"name"`
	// Schema is the schema its objects are created in. canonical: never
	// empty ("public" when unset in a schema file).
	Schema string `json:"schema"`
	// Version is the extension's version. A schema file that names none
	// accepts whatever version is installed (diff compares versions only when
	// the desired side names one); introspection always sets it.
	Version string `json:"version,omitempty"`
	Comment string `json:"comment,omitempty"`
	Pos     Pos    `json:"-"`
}

// Sequence is a standalone sequence (PostgreSQL CREATE SEQUENCE; SQL Server
// CREATE SEQUENCE). Sequences that implement serial and identity columns are
// not listed: they belong to their column.
type Sequence struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Type is the sequence's data type. canonical: "bigint" when unset;
	// otherwise "smallint", "integer" (PostgreSQL), or SQL Server's type name.
	Type string `json:"type,omitempty"`
	// Start, Increment, MinValue, MaxValue, Cache and Cycle are the sequence
	// options, with PostgreSQL's defaults (IdentityBounds): canonical as on
	// Identity (Start the default start when unset, Increment 1, MinValue and
	// MaxValue nil when they are the defaults, Cache 0 for 1). canonical (SQL
	// Server, msNormalizeSequence): Type "bigint" when unset, else its
	// canonical SQL Server name ("int", "decimal(38,0)"); MinValue and
	// MaxValue nil when they are the type's bounds
	// (SQLServerSequenceBounds); Start 0 when unset and in range, else the
	// bound it counts from; Cache 0 for the default CACHE, 1 for NO CACHE.
	Start     int64  `json:"start,omitempty"`
	Increment int64  `json:"increment,omitempty"`
	MinValue  *int64 `json:"min_value,omitempty"`
	MaxValue  *int64 `json:"max_value,omitempty"`
	Cache     int64  `json:"cache,omitempty"`
	Cycle     bool   `json:"cycle,omitempty"`
	// OwnedBy is the column the sequence is dropped with (PostgreSQL OWNED
	// BY). canonical: "schema.table.column", or "" for none.
	OwnedBy string `json:"owned_by,omitempty"`
	Comment string `json:"comment,omitempty"`
	Pos     Pos    `json:"-"`
}

// QName returns the sequence's qualified name.
func (s *Sequence) QName() QName { return QName{s.Schema, s.Name} }

// Domain is a PostgreSQL domain: a base type with a default, NOT NULL and
// checks (https://www.postgresql.org/docs/15/sql-createdomain.html).
type Domain struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Type is the base type. canonical: as Column.Type.
	Type string `json:"type"`
	// NotNull is the domain's NOT NULL (domains are nullable by default,
	// unlike schemadiff's columns).
	NotNull   bool     `json:"not_null,omitempty"`
	Default   *Default `json:"default,omitempty"` // canonical: as Column.Default
	Collation string   `json:"collation,omitempty"`
	// Checks are the domain's CHECK constraints; their expressions use VALUE.
	// canonical: sorted by name; unnamed ones named <domain>_check as
	// PostgreSQL names them.
	Checks  []*Check `json:"checks,omitempty"`
	Comment string   `json:"comment,omitempty"`
	Pos     Pos      `json:"-"`
}

// QName returns the domain's qualified name.
func (d *Domain) QName() QName { return QName{d.Schema, d.Name} }

// CompositeType is a PostgreSQL composite type (CREATE TYPE name AS (…)).
type CompositeType struct {
	Schema     string           `json:"schema"`
	Name       string           `json:"name"`
	Attributes []*TypeAttribute `json:"attributes"` // in declaration order
	Comment    string           `json:"comment,omitempty"`
	Pos        Pos              `json:"-"`
}

// QName returns the composite type's qualified name.
func (c *CompositeType) QName() QName { return QName{c.Schema, c.Name} }

// TypeAttribute is one attribute of a composite type.
type TypeAttribute struct {
	Name      string `json:"name"`
	Type      string `json:"type"`                // canonical: as Column.Type
	Collation string `json:"collation,omitempty"` // canonical: as Column.Collation
}

// View is a view or a materialized view.
type View struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Materialized makes it a materialized view (PostgreSQL).
	Materialized bool `json:"materialized,omitempty"`
	// Columns names the view's columns when the file gives them
	// (CREATE VIEW v (a, b) AS …): renderers write them; comparisons ignore
	// them, since Normalize folds them into a Textual Query as the aliases
	// of its select list (PostgreSQL prints them so). Introspection never
	// sets it. canonical (SQL Server): the column list of the module
	// header, when it has one.
	Columns []string `json:"columns,omitempty"`
	// Query is the view's SELECT. canonical (PostgreSQL): the text
	// pg_get_viewdef prints (without its semicolon) when read from a
	// database or a dev database; for a schema file compared without a dev
	// database, NormalizeQuery form with Columns as aliases and SELECT *
	// spelled out (see Textual). canonical (SQL Server): the SELECT of the
	// module text (or the query as given), in NormalizeModule form.
	Query string `json:"query"`
	// Source is the query (PostgreSQL) or the whole module text (SQL
	// Server: CREATE VIEW … AS …, sys.sql_modules.definition) as written or
	// stored; renderers print it. See Check.Source.
	Source SourceText `json:"source,omitempty"`
	// Textual is set when Query was normalized by schemadiff rather than by
	// the server (no dev database): diff says such a comparison is textual.
	// Comparisons ignore it.
	Textual bool `json:"textual,omitempty"`
	// CheckOption is WITH CHECK OPTION: "local" or "cascaded"; "" for none.
	// SQL Server has only "cascaded" (T-SQL's WITH CHECK OPTION).
	CheckOption string `json:"check_option,omitempty"`
	// SecurityBarrier and SecurityInvoker are PostgreSQL view options.
	SecurityBarrier bool `json:"security_barrier,omitempty"`
	SecurityInvoker bool `json:"security_invoker,omitempty"`
	// WithNoData creates a materialized view unpopulated (WITH NO DATA).
	// Diff guidance only: comparisons ignore it.
	WithNoData bool `json:"with_no_data,omitempty"`
	// Indexes are a materialized view's indexes. canonical: as
	// Table.Indexes, sorted by name (a schema file must name them).
	Indexes []*Index `json:"indexes,omitempty"`
	// SchemaBinding is SQL Server's WITH SCHEMABINDING. canonical (SQL
	// Server): as the module header says (sys.sql_modules.is_schema_bound).
	SchemaBinding bool `json:"schema_binding,omitempty"`
	// Settings are the SET options a SQL Server view was created under.
	Settings ModuleSettings `json:"settings,omitzero"`
	Comment  string         `json:"comment,omitempty"`
	// DependsOn lists what the query reads: tables, columns, views,
	// functions, types. Introspection reads it from pg_depend
	// (sys.sql_expression_dependencies): the relations (KindTable,
	// KindView) and each column read (KindColumn); for a schema file it is
	// found from the names the query mentions (ViewDependsOn: relations and
	// functions, no columns). canonical: sorted (SortRefs); comparisons
	// ignore it.
	DependsOn []ObjectRef `json:"depends_on,omitempty"`
	Pos       Pos         `json:"-"`
}

// QName returns the view's qualified name.
func (v *View) QName() QName { return QName{v.Schema, v.Name} }

// Function is a function or a procedure. Its identity is its signature:
// schema, name and argument types (overloads are distinct functions).
type Function struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Procedure makes it a procedure (CREATE PROCEDURE; no Returns).
	Procedure bool           `json:"procedure,omitempty"`
	Args      []*FunctionArg `json:"args,omitempty"`
	// Returns is the return type. canonical (PostgreSQL): as
	// pg_get_function_result prints it with search_path = public
	// ("integer", "SETOF users", "SETOF app.items", "TABLE(id integer, name
	// text)", "trigger", "void"; the OUT arguments' type, or "record", when a
	// file gives none); "" for a procedure.
	Returns string `json:"returns,omitempty"`
	// Language is the body's language. canonical: lower case ("sql",
	// "plpgsql").
	Language string `json:"language,omitempty"`
	// Body is the function's body (PostgreSQL pg_proc.prosrc: the text
	// between the quotes, as written). canonical: as written; comparisons
	// ignore leading and trailing white space. SQL Server: the whole module
	// text (sys.sql_modules.definition, CREATE FUNCTION … or CREATE
	// PROCEDURE …); canonical: NormalizeModule form, the text as written
	// kept in Source.
	Body string `json:"body"`
	// Source is, on SQL Server, the module text as written or stored
	// (renderers print it); comparisons ignore it. See Check.Source.
	Source SourceText `json:"source,omitempty"`
	// Settings are the SET options a SQL Server module was created under.
	Settings ModuleSettings `json:"settings,omitzero"`
	// Volatility is "volatile", "stable" or "immutable". canonical:
	// "volatile" when unset.
	Volatility string `json:"volatility,omitempty"`
	// Strict is STRICT (RETURNS NULL ON NULL INPUT).
	Strict bool `json:"strict,omitempty"`
	// SecurityDefiner is SECURITY DEFINER.
	SecurityDefiner bool `json:"security_definer,omitempty"`
	Leakproof       bool `json:"leakproof,omitempty"`
	// Parallel is "unsafe", "restricted" or "safe". canonical: "unsafe"
	// when unset.
	Parallel string `json:"parallel,omitempty"`
	// Cost and Rows are the planner estimates. canonical: 0 when they are
	// the defaults (DefaultFunctionCost; 1000 rows for a set-returning
	// function, 0 for others) and for a procedure.
	Cost float64 `json:"cost,omitempty"`
	Rows float64 `json:"rows,omitempty"`
	// Set holds the SET options (pg_proc.proconfig), e.g.
	// "search_path=public, pg_temp". canonical: "name=value" as proconfig
	// holds them (CanonicalSetting), sorted.
	Set     []string `json:"set,omitempty"`
	Comment string   `json:"comment,omitempty"`
	// DependsOn: see View.DependsOn (functions: pg_depend's dependencies
	// only; a body is not parsed).
	DependsOn []ObjectRef `json:"depends_on,omitempty"`
	Pos       Pos         `json:"-"`
}

// FunctionArg is one argument of a function.
type FunctionArg struct {
	Name string `json:"name,omitempty"`
	// Type is the argument's type. canonical: FunctionType (built-in types
	// without modifiers, as PostgreSQL stores argument types; types of
	// schema public unqualified, others qualified).
	Type string `json:"type"`
	// Mode is "in", "out", "inout" or "variadic". canonical: "in" is "".
	Mode string `json:"mode,omitempty"`
	// Default is the argument's DEFAULT expression. canonical: NormalizeExpr form.
	Default string `json:"default,omitempty"`
}

// Trigger is a trigger on a table (or a view: INSTEAD OF).
type Trigger struct {
	Schema string `json:"schema"` // the table's schema
	Table  string `json:"table"`
	Name   string `json:"name"`
	// Timing is "before", "after" or "instead of". canonical: lower case.
	Timing string `json:"timing"`
	// Events are "insert", "update", "delete", "truncate". canonical: lower
	// case, in that order.
	Events []string `json:"events"`
	// UpdateOf lists the columns of UPDATE OF. canonical: in the order given.
	UpdateOf []string `json:"update_of,omitempty"`
	// ForEachRow is FOR EACH ROW (false: FOR EACH STATEMENT).
	ForEachRow bool `json:"for_each_row,omitempty"`
	// When is the WHEN condition. canonical: NormalizeExpr form.
	When       string     `json:"when,omitempty"`
	WhenSource SourceText `json:"when_source,omitempty"`
	// OldTable and NewTable name the transition tables (REFERENCING OLD
	// TABLE AS … NEW TABLE AS …).
	OldTable string `json:"old_table,omitempty"`
	NewTable string `json:"new_table,omitempty"`
	// Function is the function it executes. canonical: "schema.name" (a
	// file's unqualified name is the table's schema when the file has a
	// function of that name there, else the default schema). Args are the
	// literal arguments passed to it, as strings.
	Function string   `json:"function,omitempty"`
	Args     []string `json:"args,omitempty"`
	// Enabled is "origin" (the default), "disabled", "replica" or "always"
	// (pg_trigger.tgenabled O, D, R, A). canonical: "" for origin.
	Enabled string `json:"enabled,omitempty"`
	// Body is, on SQL Server, the whole module text (CREATE TRIGGER … AS …).
	// canonical: NormalizeModule form, the text as written kept in Source.
	Body string `json:"body,omitempty"`
	// Source is, on SQL Server, the module text as written or stored
	// (renderers print it); comparisons ignore it.
	Source SourceText `json:"source,omitempty"`
	// Settings are the SET options a SQL Server trigger was created under.
	Settings ModuleSettings `json:"settings,omitzero"`
	Comment  string         `json:"comment,omitempty"`
	Pos      Pos            `json:"-"`
}

// TableQName returns the qualified name of the trigger's table.
func (t *Trigger) TableQName() QName { return QName{t.Schema, t.Table} }

// Policy is a PostgreSQL row-level security policy
// (https://www.postgresql.org/docs/15/sql-createpolicy.html).
type Policy struct {
	Schema string `json:"schema"` // the table's schema
	Table  string `json:"table"`
	Name   string `json:"name"`
	// Command is "all", "select", "insert", "update" or "delete".
	// canonical: "all" when unset.
	Command string `json:"command"`
	// Restrictive is AS RESTRICTIVE (false: PERMISSIVE, the default).
	Restrictive bool `json:"restrictive,omitempty"`
	// Roles are the roles it applies to. canonical: sorted; nil for PUBLIC.
	Roles []string `json:"roles,omitempty"`
	// Using and WithCheck are its expressions. canonical: NormalizeExpr form.
	Using           string     `json:"using,omitempty"`
	UsingSource     SourceText `json:"using_source,omitempty"`
	WithCheck       string     `json:"with_check,omitempty"`
	WithCheckSource SourceText `json:"with_check_source,omitempty"`
	Comment         string     `json:"comment,omitempty"`
	Pos             Pos        `json:"-"`
}

// TableQName returns the qualified name of the policy's table.
func (p *Policy) TableQName() QName { return QName{p.Schema, p.Table} }

// Partitioning is how a partitioned table divides its rows (PostgreSQL
// PARTITION BY; https://www.postgresql.org/docs/15/ddl-partitioning.html).
type Partitioning struct {
	// Strategy is "range", "list" or "hash". canonical: lower case.
	Strategy string `json:"strategy"`
	// Keys are the partition key's columns or expressions (Desc, Nulls
	// unused). canonical: as IndexPart.
	Keys []IndexPart `json:"keys"`
}

// PartitionOf makes a table a partition of a partitioned table.
type PartitionOf struct {
	// Parent is the partitioned table, "schema.name". canonical: qualified.
	Parent string `json:"parent"`
	// Bound is the partition bound: "DEFAULT", or FOR VALUES … canonical:
	// as pg_get_expr(relpartbound) prints it, e.g.
	// "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')".
	Bound string `json:"bound"`
}
