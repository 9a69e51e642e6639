// Package diff compares two canonical schema.Databases and returns an ordered
// plan of changes, each with the hazards a reviewer must see. It is pure: it
// never opens a connection and never sees SQL text it did not get from the model.
package diff

import "github.com/schemadiff/schemadiff/schema"

// Options tune a comparison.
type Options struct {
	// Concurrently asks for PostgreSQL indexes on existing tables to be built
	// and dropped CONCURRENTLY (no blocking-index hazard then; the statements
	// cannot run inside a transaction block).
	Concurrently bool `json:"concurrently,omitempty"`
	// Online asks for a PostgreSQL plan that does not block writes to the
	// tables that exist already (see docs/online.md): it implies
	// Concurrently, adds foreign keys and checks NOT VALID and validates
	// them apart, sets NOT NULL through a validated check, builds unique
	// constraints and primary keys as unique indexes CONCURRENTLY, and makes
	// table rewrites error hazards. On SQL Server, with OnlineIndexes, the
	// indexes of existing tables are built WITH (ONLINE = ON).
	Online bool `json:"online,omitempty"`
	// OnlineIndexes says that the SQL Server edition builds indexes online
	// (Enterprise, Developer, Azure SQL: "Editions and supported features of
	// SQL Server", RDBMS high availability, online index operations); it
	// only matters with Online.
	OnlineIndexes bool `json:"online_indexes,omitempty"`
}

// Plan is an ordered list of changes: applying them in order takes the "from"
// database to the "to" database.
type Plan struct {
	Dialect schema.Dialect `json:"dialect"`
	Changes []*Change      `json:"changes"`
	// Warnings are those of the two databases compared (what introspection
	// read but the model cannot hold, schema.Database.Warnings): the source's,
	// then the target's.
	Warnings []schema.Warning `json:"warnings,omitempty"`
}

// Kind names what a change does.
type Kind string

// The kinds of change. Each says which Change fields it uses.
const (
	CreateSchema Kind = "create_schema" // Schema
	DropSchema   Kind = "drop_schema"   // Schema
	// CommentSchema sets Schema.Comment (empty: remove); OldComment is the previous one.
	CommentSchema Kind = "comment_schema"

	CreateEnum Kind = "create_enum" // Enum
	DropEnum   Kind = "drop_enum"   // Enum
	// AddEnumValue adds Value to Enum (Enum is the new definition); the value
	// goes BEFORE ValueBefore when that is set, else at the end.
	AddEnumValue Kind = "add_enum_value"
	// RecreateEnum replaces OldEnum by Enum where values were removed or
	// reordered: rename the old type away, create the new one, retype every
	// column in Uses (dropping and restoring their defaults), drop the old type.
	RecreateEnum Kind = "recreate_enum"

	// CreateTable creates TableDef with its columns, primary key, unique and
	// check constraints inline. Its indexes, foreign keys and comments come as
	// separate changes.
	CreateTable Kind = "create_table"
	DropTable   Kind = "drop_table" // TableDef (the from-side table, for the record and for down plans)
	// RenameTable moves/renames OldName to Table (may change schema, name or both).
	RenameTable Kind = "rename_table"
	// CommentTable sets the comment of Table to Comment (empty: remove); OldComment is the previous one.
	CommentTable Kind = "comment_table"

	AddColumn    Kind = "add_column"    // Table, Column
	DropColumn   Kind = "drop_column"   // Table, Column (the dropped column's definition)
	RenameColumn Kind = "rename_column" // Table, OldColumn (old name), Column (new name)
	// AlterColumn changes Column in Table from OldColumn; Alter says which
	// attributes differ.
	AlterColumn Kind = "alter_column"
	// CommentColumn sets the comment of Column in Table to Comment; OldComment is the previous one.
	CommentColumn Kind = "comment_column"

	AddPrimaryKey  Kind = "add_primary_key"  // Table, PrimaryKey
	DropPrimaryKey Kind = "drop_primary_key" // Table, PrimaryKey
	AddUnique      Kind = "add_unique"       // Table, Unique
	DropUnique     Kind = "drop_unique"      // Table, Unique
	AddCheck       Kind = "add_check"        // Table, Check
	DropCheck      Kind = "drop_check"       // Table, Check
	AddExclude     Kind = "add_exclude"      // Table, Exclude (PostgreSQL)
	DropExclude    Kind = "drop_exclude"     // Table, Exclude (PostgreSQL)
	AddForeignKey  Kind = "add_foreign_key"  // Table, ForeignKey
	DropForeignKey Kind = "drop_foreign_key" // Table, ForeignKey
	CreateIndex    Kind = "create_index"     // Table, Index
	DropIndex      Kind = "drop_index"       // Table, Index
	// AlterIndexStorage changes only the storage parameters of index Index
	// (the to-side index) of Table from those of OldIndex (PostgreSQL ALTER
	// INDEX … SET (…) / RESET (…)).
	AlterIndexStorage Kind = "alter_index_storage"
	// AlterForeignKeyDeferrable changes only DEFERRABLE / INITIALLY DEFERRED
	// of ForeignKey (the to-side one) of Table (PostgreSQL ALTER TABLE …
	// ALTER CONSTRAINT, which takes foreign keys only).
	AlterForeignKeyDeferrable Kind = "alter_foreign_key_deferrable"
	// CommentIndex sets the comment of Index (the to-side index) of Table to
	// Comment (empty: remove); OldComment is the previous one (PostgreSQL).
	CommentIndex Kind = "comment_index"
	// CommentConstraint sets the comment of whichever of PrimaryKey, Unique,
	// Check, Exclude or ForeignKey is set (the to-side constraint) of Table to
	// Comment (empty: remove); OldComment is the previous one (PostgreSQL).
	CommentConstraint Kind = "comment_constraint"

	// RenameIndex renames index RenamedFrom of Table to Index.Name (Index is
	// the to-side index): its definition is unchanged.
	RenameIndex Kind = "rename_index"
	// RenameConstraint renames constraint RenamedFrom of Table (the name it
	// has in the database: on SQL Server the server-generated one when it
	// has one) to the name of whichever of PrimaryKey, Unique, Check or
	// ForeignKey is set (the to-side object, same definition). On PostgreSQL
	// the index of a primary key or unique constraint follows.
	RenameConstraint Kind = "rename_constraint"
	// RenameDefault renames, on SQL Server, the DEFAULT constraint of Column
	// in Table from RenamedFrom (its live name) to Column.DefaultName;
	// OldColumn is the column before (same default, other constraint name).
	RenameDefault Kind = "rename_default"
	// ValidateConstraint validates the foreign key or check (ForeignKey or
	// Check, the to-side constraint) of Table: one an earlier change added
	// NotValid (Options.Online), or a NOT VALID one the schema now wants
	// valid (PostgreSQL ALTER TABLE … VALIDATE CONSTRAINT). It runs in a
	// transaction of its own: it scans the table under a SHARE UPDATE
	// EXCLUSIVE lock, which does not block writes.
	ValidateConstraint Kind = "validate_constraint"

	// Views and materialized views (PostgreSQL).
	//
	// CreateView creates View (its comment comes as a CommentView, a
	// materialized view's indexes as CreateIndex changes of Table, the
	// view). Reason says,
	// for a view that exists already, why it is dropped and created again.
	CreateView Kind = "create_view"
	DropView   Kind = "drop_view" // View (the from-side view); Reason as on CreateView
	// ReplaceView turns OldView into View with CREATE OR REPLACE VIEW: the
	// query keeps OldView's columns, in order, and may add some at the end;
	// options are set anew.
	ReplaceView Kind = "replace_view"
	// CommentView sets the comment of View to Comment (empty: remove);
	// OldComment is the previous one.
	CommentView Kind = "comment_view"
	// Functions, procedures and triggers (PostgreSQL).

	// CreateFunction creates Function (a function or a procedure).
	CreateFunction Kind = "create_function"
	// DropFunction drops Function (the from-side one, named by its signature).
	DropFunction Kind = "drop_function"
	// ReplaceFunction replaces OldFunction by Function, same signature, with
	// CREATE OR REPLACE: only what OR REPLACE may change differs (body,
	// language, volatility, strictness, security, parallel, cost, rows, SET
	// options, argument defaults added or changed).
	ReplaceFunction Kind = "replace_function"
	// CommentFunction sets the comment of Function to Comment (empty:
	// remove); OldComment is the previous one.
	CommentFunction Kind = "comment_function"
	// CreateTrigger creates Trigger on Table (and sets its enabled state
	// when it is not the default).
	CreateTrigger Kind = "create_trigger"
	// DropTrigger drops Trigger (the from-side one) of Table.
	DropTrigger Kind = "drop_trigger"
	// ReplaceTrigger takes OldTrigger to Trigger on Table: CREATE OR REPLACE
	// TRIGGER when the definition changes, then ALTER TABLE … ENABLE/DISABLE
	// TRIGGER when the enabled state differs from what that leaves.
	ReplaceTrigger Kind = "replace_trigger"
	// CommentTrigger sets the comment of Trigger on Table to Comment;
	// OldComment is the previous one.
	CommentTrigger Kind = "comment_trigger"
)

// The kinds of change of PostgreSQL extensions, sequences, domains and
// composite types (issue 12). Comments use Comment and OldComment.
const (
	CreateExtension Kind = "create_extension" // Extension
	DropExtension   Kind = "drop_extension"   // Extension
	// AlterExtension moves Extension to its schema (SET SCHEMA) or updates
	// it to its version (UPDATE TO) from OldExtension.
	AlterExtension   Kind = "alter_extension"
	CommentExtension Kind = "comment_extension" // Extension, Comment, OldComment

	// CreateSequence creates Sequence without its OWNED BY, which an
	// AlterSequence sets once the table exists.
	CreateSequence Kind = "create_sequence"
	DropSequence   Kind = "drop_sequence" // Sequence
	// AlterSequence takes OldSequence to Sequence: its options, or (in a
	// change of its own) its OWNED BY.
	AlterSequence   Kind = "alter_sequence"
	CommentSequence Kind = "comment_sequence" // Sequence, Comment, OldComment

	CreateDomain Kind = "create_domain" // Domain
	DropDomain   Kind = "drop_domain"   // Domain
	// AlterDomain takes OldDomain to Domain (same type and collation): its
	// default, NOT NULL and checks.
	AlterDomain   Kind = "alter_domain"
	CommentDomain Kind = "comment_domain" // Domain, Comment, OldComment

	CreateCompositeType Kind = "create_composite_type" // CompositeType
	DropCompositeType   Kind = "drop_composite_type"   // CompositeType
	// AlterCompositeType takes OldCompositeType to CompositeType by
	// dropping, retyping and adding (at the end) attributes.
	AlterCompositeType   Kind = "alter_composite_type"
	CommentCompositeType Kind = "comment_composite_type" // CompositeType, Comment, OldComment
)

// ColumnAlter says which attributes of a column an AlterColumn changes.
type ColumnAlter struct {
	Type      bool `json:"type,omitempty"`
	Null      bool `json:"null,omitempty"`
	Default   bool `json:"default,omitempty"`
	Identity  bool `json:"identity,omitempty"`
	Computed  bool `json:"computed,omitempty"`
	Collation bool `json:"collation,omitempty"`
	// Storage and Compression: the column's storage mode or compression
	// method changes (PostgreSQL SET STORAGE, SET COMPRESSION). Storage is
	// also set when a type change resets a storage the column keeps.
	Storage     bool `json:"storage,omitempty"`
	Compression bool `json:"compression,omitempty"`
	// Using is, when Type is set, the schema file's expression that converts
	// the values (PostgreSQL USING): the target column's Using, or in a down
	// plan the UsingDown of the column the up plan targets. Empty: a cast.
	Using string `json:"using,omitempty"`
}

// ColumnRef names a column of a table (used by RecreateEnum).
type ColumnRef struct {
	Table  schema.QName   `json:"table"`
	Column *schema.Column `json:"column"`
	// RestoreDefault is set when the column's default, dropped for the
	// retype, is set again after it: when the target column keeps it.
	RestoreDefault bool `json:"restore_default,omitempty"`
}

// Change is one step of a plan. Which fields are set depends on Kind (see the
// Kind constants). Objects are the canonical model objects of the from side
// (drops) or the to side (creates, alters).
type Change struct {
	Kind Kind `json:"kind"`
	// Table is the qualified name of the table a table-level change acts on,
	// as it is called when the change runs: after any rename in the same plan,
	// except for the changes that run before the renames (DropForeignKey,
	// DropIndex, DropCheck, DropUnique, DropPrimaryKey, and the Uses of
	// RecreateEnum), which name the table (and carry the objects) as they are
	// in the from database.
	Table schema.QName `json:"table,omitzero"`

	Schema  *schema.Schema `json:"schema,omitempty"`
	Enum    *schema.Enum   `json:"enum,omitempty"`
	OldEnum *schema.Enum   `json:"old_enum,omitempty"`
	// Options and OldOptions are the table options an AlterTableOptions
	// sets, and those it replaces.
	Options     *schema.TableOptions `json:"options,omitempty"`
	OldOptions  *schema.TableOptions `json:"old_options,omitempty"`
	Value       string               `json:"value,omitempty"`
	ValueBefore string               `json:"value_before,omitempty"`
	Uses        []ColumnRef          `json:"uses,omitempty"`
	TableDef    *schema.Table        `json:"table_def,omitempty"`
	OldName     schema.QName         `json:"old_name,omitzero"`
	Column      *schema.Column       `json:"column,omitempty"`
	OldColumn   *schema.Column       `json:"old_column,omitempty"`
	Alter       ColumnAlter          `json:"alter,omitzero"`
	PrimaryKey  *schema.PrimaryKey   `json:"primary_key,omitempty"`
	Unique      *schema.Unique       `json:"unique,omitempty"`
	Check       *schema.Check        `json:"check,omitempty"`
	Exclude     *schema.Exclude      `json:"exclude,omitempty"`
	ForeignKey  *schema.ForeignKey   `json:"foreign_key,omitempty"`
	Index       *schema.Index        `json:"index,omitempty"`
	View        *schema.View         `json:"view,omitempty"`
	OldView     *schema.View         `json:"old_view,omitempty"`
	OldIndex    *schema.Index        `json:"old_index,omitempty"` // AlterIndexStorage: the from-side index
	Comment     string               `json:"comment,omitempty"`
	OldComment  string               `json:"old_comment,omitempty"`
	// Concurrently is set on CreateIndex/DropIndex when Options.Concurrently
	// applies (index on a table that already exists); on SQL Server, on
	// CreateIndex built WITH (ONLINE = ON) (Options.Online, OnlineIndexes).
	Concurrently bool `json:"concurrently,omitempty"`
	// UsingIndex is set on AddUnique and AddPrimaryKey when the constraint is
	// attached to the unique index of its name that an earlier CreateIndex
	// built CONCURRENTLY (ADD CONSTRAINT … USING INDEX, Options.Online).
	UsingIndex bool `json:"using_index,omitempty"`
	// IfExists is set on a DropIndex that removes what a failed concurrent
	// build of the index may have left (an invalid index) before it is built
	// again: DROP INDEX CONCURRENTLY IF EXISTS (Options.Online).
	IfExists bool `json:"if_exists,omitempty"`
	// SerialColumns lists, on RenameTable, the table's serial columns (by
	// their names before any column rename): PostgreSQL keeps the name of a
	// serial's sequence (old_id_seq) when the table is renamed, so the
	// rename renames the sequence too, keeping the name schemadiff uses later.
	SerialColumns []string `json:"serial_columns,omitempty"`
	// RenamedFrom is, on RenameIndex, RenameConstraint and RenameDefault, the
	// object's current name in the database.
	RenamedFrom string `json:"renamed_from,omitempty"`
	// Reason says, on CreateIndex, AddForeignKey, CreateView and DropView
	// for an object that exists already, why it is dropped and created
	// again ("predicate changed", "unchanged: the key it references on
	// public.regions is rebuilt"); empty otherwise.
	Reason string `json:"reason,omitempty"`
	// Order is the change's place in dependency order within its phase
	// (Graph.Order): changes are sorted by it first. 0 for the changes the
	// graph does not order.
	Order int `json:"-"`
	// Function and OldFunction are the functions or procedures of the
	// *Function kinds; Trigger and OldTrigger the triggers of the *Trigger
	// kinds (the to side, and the from side it replaces).
	Function    *schema.Function `json:"function,omitempty"`
	OldFunction *schema.Function `json:"old_function,omitempty"`
	Trigger     *schema.Trigger  `json:"trigger,omitempty"`
	OldTrigger  *schema.Trigger  `json:"old_trigger,omitempty"`

	// Policy and OldPolicy are the policies of CreatePolicy, DropPolicy,
	// AlterPolicy and CommentPolicy (PostgreSQL).
	Policy    *schema.Policy `json:"policy,omitempty"`
	OldPolicy *schema.Policy `json:"old_policy,omitempty"`

	// Extension, Sequence, Domain and CompositeType are the objects of
	// their kinds of change (the to side, or the from side for a drop);
	// Old* the from side of an Alter*.
	Extension        *schema.Extension     `json:"extension,omitempty"`
	OldExtension     *schema.Extension     `json:"old_extension,omitempty"`
	Sequence         *schema.Sequence      `json:"sequence,omitempty"`
	OldSequence      *schema.Sequence      `json:"old_sequence,omitempty"`
	Domain           *schema.Domain        `json:"domain,omitempty"`
	OldDomain        *schema.Domain        `json:"old_domain,omitempty"`
	CompositeType    *schema.CompositeType `json:"composite_type,omitempty"`
	OldCompositeType *schema.CompositeType `json:"old_composite_type,omitempty"`

	Hazards []Hazard `json:"hazards,omitempty"`
}

// Severity ranks a hazard.
type Severity string

// The severities, most severe first.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Hazard is something a reviewer must see about a change: a stable code, a
// severity and one sentence.
type Hazard struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// The stable hazard codes.
const (
	HazardDropTable         = "drop-table"          // data loss: a table and its rows are dropped
	HazardDropColumn        = "drop-column"         // data loss: a column and its values are dropped
	HazardNarrowType        = "narrow-type"         // data loss or failure: the new type holds less than the old one
	HazardTableRewrite      = "table-rewrite"       // a type change rewrites the table under an ACCESS EXCLUSIVE lock
	HazardBlockingIndex     = "blocking-index"      // CREATE INDEX blocks writes to an existing table: without CONCURRENTLY (PostgreSQL), offline (SQL Server)
	HazardNotNullNoDefault  = "not-null-no-default" // a NOT NULL column without default fails on a non-empty table
	HazardSetNotNull        = "set-not-null"        // SET NOT NULL fails if a row holds NULL, and scans the table
	HazardUniqueMayFail     = "unique-may-fail"     // a new unique constraint/index fails on duplicate rows
	HazardCheckMayFail      = "check-may-fail"      // a new check constraint fails on rows that violate it
	HazardForeignKeyMayFail = "fk-may-fail"         // a new foreign key fails on orphan rows
	HazardDropEnumValue     = "drop-enum-value"     // an enum loses a value: rows holding it make the change fail
	HazardDropSchema        = "drop-schema"         // a schema is dropped
	HazardNewEnumValueUsed  = "new-enum-value-used" // a value ALTER TYPE … ADD VALUE adds is used in the same migration: it must be committed first (55P04)
	HazardNoCast            = "no-cast"             // PostgreSQL has no cast between a column's old and new types and the schema file gives no using
	HazardVolatileDefault   = "volatile-default"    // a column added with a volatile default (or serial) rewrites the table (PostgreSQL)
	HazardRenameTable       = "rename-table"        // a renamed or moved table breaks clients that still use the old name
	HazardRenameColumn      = "rename-column"       // a renamed column breaks clients that still use the old name
	HazardFunctionRecreated = "function-recreated"  // a function is dropped and created again (OR REPLACE cannot make the change): what calls it outside the plan breaks
	HazardFunctionInUse     = "function-in-use"     // a dropped function is still called by a check, index or generated column: DROP FUNCTION fails (2BP01)
	HazardDropExtension     = "drop-extension"      // an extension is dropped, with the types, functions and operators it owns
	HazardExtensionUpdate   = "extension-update"    // ALTER EXTENSION UPDATE TO needs an update script from the installed version (rarely one to an older version)
	HazardDropType          = "drop-type"           // a domain, composite type or sequence is dropped (with its values: a sequence's position), or recreated while columns use it
	HazardTypeInUse         = "type-in-use"         // a composite type or domain that columns use cannot be altered or recreated as planned: the change fails

	// SQL Server.
	HazardClusteredRebuild       = "clustered-rebuild"        // a clustered index or key is created, dropped or changed on an existing table: the table and its nonclustered indexes are rebuilt
	HazardImplicitClusteredPK    = "implicit-clustered-pk"    // a primary key left implicitly CLUSTERED next to a declared clustered index: SQL Server refuses it (Msg 1902)
	HazardImplicitNonclusteredPK = "implicit-nonclustered-pk" // a primary key that says nothing about clustering is made NONCLUSTERED because another index is clustered
	HazardFilterLost             = "filter-lost"              // a filtered index loses its filter
	HazardFilterChanged          = "filter-changed"           // a filtered index changes its filter
	HazardUniqueFilterChanged    = "unique-filter-changed"    // a unique index's filter changes: rows may now collide
	HazardAlterColumnInUse       = "alter-column-in-use"      // ALTER COLUMN on a column that indexes or constraints use: they are dropped and created again around it
)

// The kinds of change of row-level security and partitioning (PostgreSQL).
const (
	// CreatePolicy creates Policy on Table; DropPolicy drops Policy (the
	// from-side policy, on its table's name before renames).
	CreatePolicy Kind = "create_policy"
	DropPolicy   Kind = "drop_policy"
	// AlterPolicy changes the roles, USING or WITH CHECK of Policy (the
	// to-side policy) from OldPolicy: ALTER POLICY.
	AlterPolicy Kind = "alter_policy"
	// CommentPolicy sets the comment of Policy to Comment (empty: remove);
	// OldComment is the previous one.
	CommentPolicy Kind = "comment_policy"
	// AlterRowSecurity sets ENABLE/DISABLE and FORCE/NO FORCE ROW LEVEL
	// SECURITY of Table to those of TableDef (the to-side table).
	AlterRowSecurity Kind = "alter_row_security"
	// AttachPartition attaches TableDef (the to-side table, Table) to the
	// parent and with the bound its PartitionOf says (ALTER TABLE parent
	// ATTACH PARTITION). DetachPartition detaches TableDef (the from-side
	// table, on its name before renames) from its parent.
	AttachPartition Kind = "attach_partition"
	DetachPartition Kind = "detach_partition"
)

// The hazard codes of row-level security and partitioning.
const (
	HazardRowSecurity     = "row-security"     // enabling (or forcing) row-level security hides rows no policy lets through
	HazardPartitionAttach = "partition-attach" // ATTACH PARTITION scans the table for rows outside its bound (and the default partition)
	HazardPartitionDetach = "partition-detach" // DETACH PARTITION: the parent's queries no longer see the partition's rows
)
