// Package render turns a diff.Plan into SQL statements for one dialect, and
// into the human-readable and JSON views of the plan.
//
// Every identifier that reaches SQL is quoted and every string is a quoted
// literal, so nothing from a schema file can inject SQL through a name or a
// comment. Expressions (defaults, checks, index predicates, generated columns)
// are SQL by design and are emitted as they are.
package render

import (
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// Statement is one SQL statement of a rendered plan.
type Statement struct {
	// SQL is the statement text, without a trailing semicolon.
	SQL string
	// Change is the plan change the statement belongs to.
	Change *diff.Change
	// NoTransaction is set when the statement must run outside a transaction
	// block: CREATE/DROP INDEX CONCURRENTLY, and ALTER TYPE … ADD VALUE (the new
	// value is unusable until the statement commits).
	NoTransaction bool
	// Dialect is schema.SQLServer for a T-SQL statement, which a script
	// follows with a GO batch separator; PostgreSQL statements leave it empty.
	Dialect schema.Dialect
}

// SQL renders plan as statements of plan.Dialect, in plan order.
func SQL(plan *diff.Plan) ([]Statement, error) {
	if plan == nil {
		return nil, nil
	}
	d, err := dialectOf(plan.Dialect)
	if err != nil {
		return nil, err
	}
	return renderPlan(d, plan)
}

// Script joins statements into an SQL script: each statement followed by
// ";\n", with a blank line wherever the next statement belongs to a change of
// another table (or to a change of no table). A SQL Server statement is
// followed by a "GO" line, so that the script runs in sqlcmd and SSMS, and a
// SQL Server script starts with the session settings its statements need
// (see SessionSettings). It returns "" for no statements.
func Script(stmts []Statement) string { return ScriptWith(stmts, ScriptOptions{}) }

// ScriptOptions tune ScriptWith.
type ScriptOptions struct {
	// NoBatchSeparator leaves out the GO lines after SQL Server statements,
	// for tools that run a script as one batch; a statement that must start
	// a batch of its own (CREATE SCHEMA) is then wrapped in EXEC(N'…').
	NoBatchSeparator bool
	// NoSessionSettings leaves out the SET statements a SQL Server script
	// opens with (see SessionSettings), for a caller that renders a script
	// statement by statement and writes them once itself.
	NoSessionSettings bool
	// Timeouts, when set, open a PostgreSQL script with SET lock_timeout and
	// SET statement_timeout (plans made with --online; see SessionSettings).
	Timeouts *Timeouts
}

// ScriptWith is Script with options.
func ScriptWith(stmts []Statement, opts ScriptOptions) string {
	var b strings.Builder
	if !opts.NoSessionSettings {
		b.WriteString(SessionSettings(stmts, opts))
	}
	marked := false
	for i, s := range stmts {
		if i > 0 && !sameGroup(stmts[i-1].Change, s.Change) {
			b.WriteString("\n")
		}
		if !marked && usesNewEnumValue(s.Change) {
			b.WriteString(CommitBoundary)
			marked = true
		}
		b.WriteString(scriptStatement(s, opts))
	}
	return b.String()
}

// CommitBoundary is the comment a script carries before the first statement
// that uses an enum value added above it (diff.HazardNewEnumValueUsed):
// PostgreSQL refuses that use in the transaction that added the value
// (SQLSTATE 55P04), so the script cannot run as one transaction. Run
// statement by statement (psql without -1), the script works; run with
// psql -1 (--single-transaction), it fails at the use and changes nothing.
const CommitBoundary = "-- schemadiff: the statements above must be committed before the ones below (55P04: a new enum value\n" +
	"-- cannot be used in the transaction that added it). Run this script without -1/--single-transaction, or run\n" +
	"-- the part above, COMMIT, then the part below.\n"

// usesNewEnumValue reports whether change c carries the hazard of using a
// value that an earlier ALTER TYPE … ADD VALUE of the plan adds.
func usesNewEnumValue(c *diff.Change) bool {
	if c == nil {
		return false
	}
	for _, h := range c.Hazards {
		if h.Code == diff.HazardNewEnumValueUsed {
			return true
		}
	}
	return false
}

// sameGroup reports whether two changes belong together in a script: the same
// change, or changes of the same table.
func sameGroup(a, b *diff.Change) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil {
		return false
	}
	qa, oka := tableOf(a)
	qb, okb := tableOf(b)
	return oka && okb && qa == qb
}

// tableOf returns the table a change acts on, if it acts on one.
func tableOf(c *diff.Change) (schema.QName, bool) {
	if c == nil {
		return schema.QName{}, false
	}
	if (c.Kind == diff.CreateTable || c.Kind == diff.DropTable) && c.TableDef != nil {
		return c.TableDef.QName(), true
	}
	if c.Table.Name != "" {
		return c.Table, true
	}
	return schema.QName{}, false
}

// Op returns the one-character symbol of a change: "+" for what it creates or
// adds, "-" for what it drops, "~" for what it alters, renames or comments.
func Op(c *diff.Change) string {
	if c == nil {
		return "~"
	}
	k := string(c.Kind)
	switch {
	case strings.HasPrefix(k, "create_"), strings.HasPrefix(k, "add_"):
		return "+"
	case strings.HasPrefix(k, "drop_"):
		return "-"
	default:
		return "~"
	}
}
