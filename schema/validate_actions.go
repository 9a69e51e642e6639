package schema

import (
	"fmt"
	"strings"
)

// The rules on referential actions and computed columns that the databases
// enforce only when the SQL runs, checked before any SQL is written.

// validateActionColumns checks that a foreign key's SET NULL and SET DEFAULT
// actions can be carried out. SQL Server refuses SET NULL on a NOT NULL
// column when the key is created (Msg 1761). SET DEFAULT needs a default on
// every column ("For this constraint to execute, all foreign key columns
// must have default definitions. If a column is nullable, and there is no
// explicit default value set, NULL becomes the implicit default", CREATE
// TABLE (Transact-SQL), ON DELETE): on a NOT NULL column without one, the
// action writes NULL and fails (SQL Server Msg 515). PostgreSQL creates both
// and fails every delete or update of a referenced row with a not-null
// violation.
func (l *loader) validateActionColumns(db *Database, t *Table, fk *ForeignKey, obj string) {
	for _, key := range []string{"on_delete", "on_update"} {
		a, _ := referentialAction(fkAttr(fk, key))
		if a != "SET NULL" && a != "SET DEFAULT" {
			continue
		}
		for _, name := range fk.Columns {
			c := t.Column(name)
			if c == nil || c.Null || a == "SET DEFAULT" && c.Default != nil {
				continue
			}
			what, fix := "is NOT NULL", fmt.Sprintf("make %s null = true, or use another action", name)
			if a == "SET DEFAULT" {
				what, fix = "is NOT NULL and has no default", fmt.Sprintf("give %s a default, make it null = true, or use another action", name)
			}
			consequence := "PostgreSQL would fail every " + strings.TrimPrefix(key, "on_") + " of a referenced row with a not-null violation"
			switch {
			case db.Dialect == SQLServer && a == "SET NULL":
				consequence = "SQL Server refuses the foreign key (Msg 1761)"
			case db.Dialect == SQLServer:
				consequence = "SQL Server would fail every " + strings.TrimPrefix(key, "on_") + " of a referenced row, setting it to NULL (Msg 515)"
			}
			l.errorf(l.at(fk, key, fk.Pos), obj, fix, "%s %s needs a value for column %s, which %s: %s", actionTitle(key), a, name, what, consequence)
			break
		}
	}
}

// fkAttr returns the on_delete or on_update attribute of fk, as written.
func fkAttr(fk *ForeignKey, key string) string {
	if key == "on_update" {
		return fk.OnUpdate
	}
	return fk.OnDelete
}

// actionTitle writes on_delete as ON DELETE.
func actionTitle(key string) string { return strings.ToUpper(strings.ReplaceAll(key, "_", " ")) }

// cascadeEdge is a foreign key with a cascading action (CASCADE, SET NULL or
// SET DEFAULT) for deletes or updates: a change in table from reaches table to.
type cascadeEdge struct {
	from, to QName
	fk       *ForeignKey
}

// validateCascadePaths reports, on SQL Server, every foreign key whose
// cascading ON DELETE or ON UPDATE action would close a cycle of cascading
// foreign keys (a table's own included) or open a second cascade path
// between two tables: SQL Server refuses it with Msg 1785 ("Introducing
// FOREIGN KEY constraint … may cause cycles or multiple cascade paths").
// Foreign keys are taken in the order of the files, as they are created; the
// one reported is left out of the graph, so each fault is reported once.
func (l *loader) validateCascadePaths(db *Database) {
	for _, key := range []string{"on_delete", "on_update"} {
		var edges []cascadeEdge
		for _, t := range db.Tables {
			for _, fk := range t.ForeignKeys {
				a, _ := referentialAction(fkAttr(fk, key))
				if a != "CASCADE" && a != "SET NULL" && a != "SET DEFAULT" || l.names.Table(fk.RefQName()) == nil {
					continue
				}
				e := cascadeEdge{from: fk.RefQName(), to: t.QName(), fk: fk}
				if why := cascadeConflict(edges, e); why != "" {
					l.errorf(l.at(fk, key, fk.Pos), named("table "+t.QName().String()+" foreign key", fk.Name),
						fmt.Sprintf("use %s NO ACTION here or on the other path, and change the rows in the application or a trigger", actionTitle(key)),
						"%s %s may cause cycles or multiple cascade paths: %s (SQL Server Msg 1785)", actionTitle(key), a, why)
					continue
				}
				edges = append(edges, e)
			}
		}
	}
}

// cascadeConflict says why adding e to edges (a graph with at most one path
// between any two tables, and no cycle) would make a cycle or a second path,
// or returns "".
func cascadeConflict(edges []cascadeEdge, e cascadeEdge) string {
	if e.from == e.to {
		return fmt.Sprintf("it cascades from table %s to itself", e.to)
	}
	if p := cascadePath(edges, e.to, e.from); p != nil {
		return fmt.Sprintf("%s already cascades to %s (%s), so this closes a cycle", e.to, e.from, pathText(p))
	}
	// A second path s → … → e.from → e.to → … → t exists when some s that
	// reaches e.from (or is it) already reaches some t that e.to reaches
	// (or is it).
	for _, s := range append(cascadeSources(edges, e.from), e.from) {
		for _, t := range append(cascadeTargets(edges, e.to), e.to) {
			if p := cascadePath(edges, s, t); p != nil {
				return fmt.Sprintf("%s already cascades to %s (%s)", s, t, pathText(p))
			}
		}
	}
	return ""
}

// cascadePath returns the edges of a path from a to b, or nil.
func cascadePath(edges []cascadeEdge, a, b QName) []cascadeEdge {
	seen := map[QName]bool{a: true}
	var walk func(at QName) []cascadeEdge
	walk = func(at QName) []cascadeEdge {
		for _, e := range edges {
			if e.from != at || seen[e.to] {
				continue
			}
			if e.to == b {
				return []cascadeEdge{e}
			}
			seen[e.to] = true
			if rest := walk(e.to); rest != nil {
				return append([]cascadeEdge{e}, rest...)
			}
		}
		return nil
	}
	return walk(a)
}

// cascadeSources returns the tables from which a path leads to q.
func cascadeSources(edges []cascadeEdge, q QName) []QName {
	var out []QName
	for _, e := range edges {
		if e.to == q || cascadePath(edges, e.to, q) != nil {
			out = appendNew(out, e.from)
		}
	}
	return out
}

// cascadeTargets returns the tables a path from q leads to.
func cascadeTargets(edges []cascadeEdge, q QName) []QName {
	var out []QName
	for _, e := range edges {
		if e.from == q || cascadePath(edges, q, e.from) != nil {
			out = appendNew(out, e.to)
		}
	}
	return out
}

func appendNew(qs []QName, q QName) []QName {
	for _, x := range qs {
		if x == q {
			return qs
		}
	}
	return append(qs, q)
}

// pathText writes a cascade path as "a → b through fk, b → c through fk2".
func pathText(p []cascadeEdge) string {
	parts := make([]string, len(p))
	for i, e := range p {
		parts[i] = fmt.Sprintf("%s → %s", e.from, e.to)
		if e.fk.Name != "" {
			parts[i] += " by " + e.fk.Name
		}
	}
	return strings.Join(parts, ", ")
}

// nondeterministicFuncs are the SQL Server built-in functions that always
// return another result ("Deterministic and nondeterministic functions",
// Microsoft Learn): a PERSISTED computed column cannot use them (Msg 4936).
var nondeterministicFuncs = wordSet(`getdate getutcdate sysdatetime sysutcdatetime sysdatetimeoffset
	current_timestamp newid newsequentialid rand crypt_gen_random min_active_rowversion`)

// validatePersisted reports a SQL Server PERSISTED computed column whose
// expression calls a nondeterministic function: SQL Server refuses to
// persist it (Msg 4936, "Computed column … cannot be persisted because the
// column is non-deterministic").
func (l *loader) validatePersisted(t *Table, c *Column, obj string) {
	if c.Computed == nil || !c.Computed.Persisted {
		return
	}
	toks, err := tokenize(SQLServer, c.Computed.Expr)
	if err != nil {
		return
	}
	n, err := parseTokens(SQLServer, toks)
	if err != nil {
		return
	}
	found := ""
	walk(n, func(x node) {
		name := ""
		switch x := x.(type) {
		case *funcNode:
			name = strings.Join(x.name, ".")
		case *litNode:
			if x.kind == litKw {
				name = x.val
			}
		}
		if found == "" && nondeterministicFuncs[name] {
			found = name
		}
	})
	if found == "" {
		return
	}
	call := strings.ToUpper(found)
	if found != "current_timestamp" {
		call += "()"
	}
	l.errorf(l.at(c, "computed.persisted", l.at(c, "computed", c.Pos)), obj,
		"remove persisted = true (the value is then computed when read), or store the value in a plain column with a default",
		"a persisted computed column must be deterministic, but the expression calls %s: SQL Server refuses to persist it (Msg 4936)", call)
}
