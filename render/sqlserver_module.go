package render

import (
	"fmt"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// SQL Server modules (views, functions, procedures, triggers) are created
// and changed with CREATE OR ALTER (SQL Server 2016 SP1 and later), which
// keeps the permissions granted on them, each statement a batch of its own:
// CREATE VIEW, FUNCTION, PROCEDURE and TRIGGER must be the first statement
// of a batch (Msg 111, "'CREATE VIEW' must be the first statement in a
// query batch"). Scripts follow every T-SQL statement with GO; without GO
// lines they run through EXEC (scriptStatement).

// msModule returns the statements that create or alter the module of kind
// (schema.ModuleView…) called q from src, its text as written or stored
// (CREATE [OR ALTER] <kind> <name> …): CREATE OR ALTER <kind> [schema].[name]
// and the text after the name, between the SET statements settings need.
// The name of src is replaced by q, which is the name the module has (SQL
// Server keeps the text a module was created with, even after sp_rename).
func msModule(kind string, q schema.QName, src string, settings schema.ModuleSettings) ([]string, error) {
	h, err := schema.ParseModule(src)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", kind, q, err)
	}
	if h.Kind != kind {
		return nil, fmt.Errorf("%s %s: its text creates a %s", kind, q, h.Kind)
	}
	return msModuleStatements(settings, msCreateOrAlter(kind, q)+strings.TrimRight(src[h.NameEnd:], " \t\r\n;")), nil
}

// msCreateOrAlter returns "CREATE OR ALTER <KIND> [schema].[name]".
func msCreateOrAlter(kind string, q schema.QName) string {
	return "CREATE OR ALTER " + strings.ToUpper(kind) + " " + msQName(q)
}

// msModuleStatements surrounds stmt with the SET statements that create a
// module under settings and restore the ON state a script runs with
// (SessionSettings): SET ANSI_NULLS and SET QUOTED_IDENTIFIER are recorded
// with the module when it is created ("SET QUOTED_IDENTIFIER (Transact-SQL)",
// "SET ANSI_NULLS (Transact-SQL)"), and QUOTED_IDENTIFIER takes effect when
// a batch is parsed, so each is a statement (a batch) of its own.
func msModuleStatements(settings schema.ModuleSettings, stmt string) []string {
	var before, after []string
	if settings.ANSINullsOff {
		before, after = append(before, "SET ANSI_NULLS OFF"), append(after, "SET ANSI_NULLS ON")
	}
	if settings.QuotedIdentifierOff {
		before, after = append(before, "SET QUOTED_IDENTIFIER OFF"), append(after, "SET QUOTED_IDENTIFIER ON")
	}
	return append(append(before, stmt), after...)
}

// msDropModule returns DROP <KIND> [schema].[name].
func msDropModule(kind string, q schema.QName) string {
	return "DROP " + strings.ToUpper(kind) + " " + msQName(q)
}

// msStartsBatch reports whether a T-SQL statement must be the first of its
// batch: CREATE SCHEMA (Msg 111) and the module statements msModule
// renders.
func msStartsBatch(sql string) bool {
	return strings.HasPrefix(sql, "CREATE SCHEMA ") || strings.HasPrefix(sql, "CREATE OR ALTER ")
}
