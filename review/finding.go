package review

import (
	"sort"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// Finding is one thing a reviewer must see in a migration: a stable code, a
// severity, where it is, the object concerned and one sentence with the fix.
type Finding struct {
	Code     string        `json:"code"`
	Severity diff.Severity `json:"severity"`
	Pos      schema.Pos    `json:"pos"`
	Object   string        `json:"object,omitempty"`
	Message  string        `json:"message"`
}

// The stable finding codes of review itself; hazards keep the codes of diff
// (diff.HazardDropTable…).
const (
	CodeUnparsed            = "unparsed"                 // a statement or call review cannot read
	CodeDuplicate           = "duplicate-object"         // the same object created twice
	CodeDropMissing         = "drop-missing"             // dropping or altering what was never created
	CodeClusteredConflict   = "clustered-conflict"       // two clustered indexes on one table (SQL Server Msg 1902)
	CodeMissedClustered     = "missed-clustered"         // an index the schema declares CLUSTERED created without it
	CodeMissedNonclustered  = "missed-nonclustered"      // a primary key the schema declares NONCLUSTERED created clustered
	CodeMissedWhere         = "missed-where"             // a filtered/partial index created without its filter
	CodeMissedInclude       = "missed-include"           // an index created without its INCLUDE columns
	CodeMissedDesc          = "missed-desc"              // an index key created ascending that the schema declares DESC
	CodeMissedUnique        = "missed-unique"            // an index the schema declares unique created without it
	CodeMissedIdentity      = "missed-identity"          // a column the schema declares identity created without it
	CodeClientDefault       = "client-side-default"      // a server default given only as a client-side default=
	CodeWrongDialectOption  = "wrong-dialect-option"     // postgresql_* in a SQL Server migration or mssql_* in a PostgreSQL one
	CodeDriftMissing        = "drift-missing"            // the schema has it, no migration creates it
	CodeDriftExtra          = "drift-extra"              // migrations create it, the schema lacks it
	CodeDriftChanged        = "drift-changed"            // migrations create it differently from the schema
	CodeMultipleHeads       = "multiple-heads"           // two migrations with one parent, or several heads
	CodeMissingParent       = "missing-parent"           // a revision whose parent is not in the directory
	CodeDownMismatch        = "down-mismatch"            // a down migration that does not undo its up
	CodeInvalidState        = "invalid-state"            // the state the migrations build is not a valid schema
	CodeDuplicateVersion    = "duplicate-version"        // two migrations with one version
	CodeMigrationReadFailed = "read-failed"              // a migration file that cannot be read
	CodeSkipped             = "not-a-migration"          // a named file that is no migration, skipped
	CodeNeedsHistory        = "needs-earlier-migrations" // files reviewed alone act on what earlier migrations create
)

// Rule describes a finding code for tools that list rules (SARIF).
type Rule struct {
	Code     string        `json:"code"`
	Severity diff.Severity `json:"severity"` // the usual severity; a finding may differ
	Summary  string        `json:"summary"`
	// Fix is the one-line fix (empty when the finding's message is all there is to say).
	Fix string `json:"fix,omitempty"`
}

// Rules returns every code review can report, hazards included, sorted by code.
func Rules() []Rule {
	rs := []Rule{
		{CodeUnparsed, diff.Error, "A statement or call that review cannot read: check it by hand, or rewrite it in a form review reads.", ""},
		{CodeDuplicate, diff.Error, "The same index or constraint is created twice.", ""},
		{CodeDropMissing, diff.Error, "A migration drops or alters an object no earlier migration created.", ""},
		{CodeClusteredConflict, diff.Error, "A table would get two clustered indexes (SQL Server Msg 1902).", ""},
		{CodeMissedClustered, diff.Warning, "An index the schema declares CLUSTERED is created nonclustered.", ""},
		{CodeMissedNonclustered, diff.Warning, "A primary key the schema declares NONCLUSTERED is created clustered.", ""},
		{CodeMissedWhere, diff.Warning, "A filtered or partial index is created without its filter.", ""},
		{CodeMissedInclude, diff.Warning, "An index is created without the INCLUDE columns the schema declares.", ""},
		{CodeMissedDesc, diff.Warning, "An index key the schema declares DESC is created ascending.", ""},
		{CodeMissedUnique, diff.Warning, "An index the schema declares unique is created without UNIQUE.", ""},
		{CodeMissedIdentity, diff.Warning, "A column the schema declares identity is created without it.", ""},
		{CodeClientDefault, diff.Warning, "A server default of the schema is given only as a client-side default.", ""},
		{CodeWrongDialectOption, diff.Error, "An option of the other dialect is silently ignored.", ""},
		{CodeDriftMissing, diff.Warning, "The schema has an object that no migration creates.", ""},
		{CodeDriftExtra, diff.Warning, "Migrations create an object that the schema lacks.", ""},
		{CodeDriftChanged, diff.Warning, "Migrations create an object differently from the schema.", ""},
		{CodeMultipleHeads, diff.Error, "Two migrations have one parent: the history has several heads.", ""},
		{CodeMissingParent, diff.Error, "A revision names a parent that is not in the directory.", ""},
		{CodeDownMismatch, diff.Warning, "A down migration does not undo its up migration.", ""},
		{CodeInvalidState, diff.Warning, "The state the migrations build is not a valid schema.", ""},
		{CodeDuplicateVersion, diff.Error, "Two migrations carry the same version.", ""},
		{CodeMigrationReadFailed, diff.Error, "A migration file cannot be read.", ""},
		{CodeNeedsHistory, diff.Warning, "Files reviewed alone act on objects that earlier migrations create: review the directory with --since.", ""},
		{CodeSkipped, diff.Info, "A named file is not a migration (schemadiff.sum, README, env.py…) and is skipped.", ""},
		{diff.HazardDropTable, diff.Error, "A table and its rows are dropped.", "Stop every reader and writer of the table first, and keep a backup; drop it in a release after the code no longer uses it."},
		{diff.HazardDropColumn, diff.Error, "A column and its values are dropped.", "Deploy code that no longer reads or writes the column first; drop it in a later migration."},
		{diff.HazardNarrowType, diff.Error, "A type change can lose data or fail on existing values.", "Check the existing values fit (SELECT … WHERE length(col) > n) before narrowing, or keep the wider type with a CHECK."},
		{diff.HazardTableRewrite, diff.Warning, "A type change rewrites the table under an exclusive lock.", "Add a new column of the new type, backfill it in batches, then swap the columns."},
		{diff.HazardBlockingIndex, diff.Warning, "An index built without CONCURRENTLY (PostgreSQL) or offline (SQL Server) blocks writes to an existing table.", "PostgreSQL: CREATE/DROP INDEX CONCURRENTLY, in a migration without a transaction; SQL Server: WITH (ONLINE = ON)."},
		{diff.HazardNotNullNoDefault, diff.Warning, "A NOT NULL column without default fails on a non-empty table.", "Add the column with a DEFAULT, or nullable, backfill, then SET NOT NULL."},
		{diff.HazardSetNotNull, diff.Warning, "SET NOT NULL fails on rows holding NULL and scans the table.", "Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL (PostgreSQL 12+ uses the check) and drop the check."},
		{diff.HazardUniqueMayFail, diff.Warning, "A new unique constraint or index fails on duplicate rows.", "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX (or PRIMARY KEY USING INDEX)."},
		{diff.HazardCheckMayFail, diff.Warning, "A new check constraint fails on rows that violate it.", "ADD CONSTRAINT … CHECK (…) NOT VALID, then VALIDATE CONSTRAINT in a later transaction."},
		{diff.HazardForeignKeyMayFail, diff.Warning, "A new foreign key fails on orphan rows.", "ADD CONSTRAINT … FOREIGN KEY … NOT VALID, then VALIDATE CONSTRAINT in a later transaction."},
		{diff.HazardDropEnumValue, diff.Error, "An enum loses a value that rows may hold.", ""},
		{diff.HazardDropSchema, diff.Error, "A schema is dropped.", ""},
		{diff.HazardNoCast, diff.Error, "A column changes between types PostgreSQL has no cast for, and no using expression is given.", "Set using on the column in the schema file: an SQL expression computing the new value from the old one."},
		{diff.HazardNewEnumValueUsed, diff.Warning, "A new enum value is used in the migration that adds it: the ADD VALUE must be committed first (55P04).", "Commit the ALTER TYPE … ADD VALUE in a migration of its own before the one that uses the value."},
		{diff.HazardClusteredRebuild, diff.Warning, "A clustered index or key changes on an existing table: the table and its indexes are rebuilt.", ""},
		{diff.HazardImplicitClusteredPK, diff.Error, "A primary key left implicitly CLUSTERED next to a clustered index (SQL Server Msg 1902).", ""},
		{diff.HazardImplicitNonclusteredPK, diff.Warning, "A primary key silent on clustering is made NONCLUSTERED because another index is clustered.", ""},
		{diff.HazardFilterLost, diff.Warning, "A filtered index loses its filter.", ""},
		{diff.HazardFilterChanged, diff.Warning, "A filtered index changes its filter.", ""},
		{diff.HazardUniqueFilterChanged, diff.Warning, "A unique index's filter changes: rows may now collide.", ""},
		{diff.HazardAlterColumnInUse, diff.Warning, "ALTER COLUMN on a column indexes or constraints use: they are dropped and created again.", ""},
		{diff.HazardVolatileDefault, diff.Warning, "A column added with a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval(), a serial type) rewrites the table (PostgreSQL).",
			"Add the column without a default, then SET DEFAULT, then backfill the existing rows in batches."},
		{diff.HazardRenameTable, diff.Warning, "A renamed (or moved) table breaks every client still using the old name.",
			"Deploy code that works with both names first, or keep a view under the old name until no client uses it."},
		{diff.HazardRenameColumn, diff.Warning, "A renamed column breaks every client still using the old name.",
			"Add the new column, write both, backfill, move the readers, then drop the old column."},
		{diff.HazardDropExtension, diff.Warning, "An extension is dropped, with the types, functions and operators it owns.",
			"Drop the columns, indexes and functions that use it first."},
		{diff.HazardExtensionUpdate, diff.Warning, "ALTER EXTENSION UPDATE TO needs the extension's update script from the installed version.",
			"Check the script exists on every server (extension--old--new.sql); going back to an older version rarely has one."},
		{diff.HazardDropType, diff.Warning, "A domain, composite type or sequence is dropped (a sequence loses its position), or recreated.", ""},
		{diff.HazardTypeInUse, diff.Error, "A domain or composite type that columns use is altered or recreated in a way PostgreSQL refuses while they use it.",
			"Retype or drop the columns first, in a migration of their own, then change the type and retype them back."},
		{CodeConcurrentlyInTx, diff.Error, "CREATE/DROP INDEX CONCURRENTLY inside a transaction block fails (SQLSTATE 25001).",
			"Put it in a migration without a transaction: no BEGIN, `-- +goose NO TRANSACTION`, `-- migrate:up transaction:false`, Alembic autocommit_block()."},
		{CodeNestedTx, diff.Warning, "BEGIN inside a transaction: the inner COMMIT ends the outer transaction too.",
			"Remove the inner BEGIN/COMMIT; the migration tool's transaction is enough."},
		{CodeUncommittedTx, diff.Error, "BEGIN without COMMIT: the changes are rolled back, or committed by accident with the runner's bookkeeping.",
			"End every BEGIN with COMMIT in the same file."},
		{CodeTruncateCascade, diff.Error, "TRUNCATE … CASCADE empties every table that references the ones named, recursively.",
			"Name each table to truncate, without CASCADE."},
		{CodeMissingLockTimeout, diff.Info, "A statement locks an existing table with no SET lock_timeout before it: waiting for the lock, it blocks the queries queued behind it.",
			"Start the migration with SET lock_timeout = '5s'; SET statement_timeout = '…'; (or let the runner set them: schemadiff apply --lock-timeout)."},
		{CodeEnumValueOrder, diff.Info, "ALTER TYPE … ADD VALUE BEFORE/AFTER changes the order of existing values for ORDER BY and comparisons.",
			"Add the value at the end, unless the new order is the point."},
		{CodeEnumValueInTx, diff.Error, "A value added to an enum is used in the same transaction: PostgreSQL refuses it (SQLSTATE 55P04).",
			"Commit the ADD VALUE first: put the statements that use it in a later migration."},
		{CodeIdentifierTooLong, diff.Error, "A name over 63 bytes (PostgreSQL truncates it silently) or 128 characters (SQL Server refuses it).",
			"Shorten the name."},
		{CodePreferText, diff.Info, "A varchar(n) column: changing n later takes a lock.",
			"Use text with CHECK (length(col) <= n)."},
		{CodePreferTimestamptz, diff.Info, "A timestamp without time zone column: its values mean what each client's TimeZone makes of them.",
			"Use timestamptz."},
		{CodePreferIdentity, diff.Info, "A serial column: its sequence is a separate object with its own grants and ownership.",
			"Use bigint GENERATED BY DEFAULT AS IDENTITY."},
		{CodePreferBigintKey, diff.Info, "A primary or foreign key column of 16 or 32 bits, which can run out of values.",
			"Use bigint."},
		{CodePreferJSONB, diff.Info, "A json column: it has no equality operator (DISTINCT, UNION, GROUP BY fail) and no index.",
			"Use jsonb."},
		{CodeCharType, diff.Info, "A char(n) column: values are padded with blanks.",
			"Use text, with a CHECK on the length if it matters."},
		{CodeIgnoreWithoutReason, diff.Warning, "A schemadiff:ignore comment gives no reason.",
			"Write why: -- schemadiff:ignore CODE the reason."},
		{CodeUnusedSuppression, diff.Info, "A schemadiff:ignore comment suppresses no finding on the statement after it.",
			"Remove it, or fix its code or place."},
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].Code < rs[j].Code })
	return rs
}

// severityRank orders severities: error 0, warning 1, info 2.
func severityRank(s diff.Severity) int {
	switch s {
	case diff.Error:
		return 0
	case diff.Warning:
		return 1
	}
	return 2
}

// sortFindings orders findings by file, line, severity, code and message.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if severityRank(a.Severity) != severityRank(b.Severity) {
			return severityRank(a.Severity) < severityRank(b.Severity)
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Message < b.Message
	})
}
