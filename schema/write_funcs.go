package schema

import "math"

// functionTrees turns the functions, procedures and triggers of db into the
// objects of a schema file (see docs/schema-format.md).
func functionTrees(db *Database, def string) (functions, procedures, triggers []*wnode) {
	for _, f := range db.Functions {
		n := &wnode{kind: f.Kind(), name: f.Name, named: true}
		n.set("schema", otherThan(f.Schema, def))
		var args []string
		for _, a := range f.Args {
			args = append(args, functionArgText(a))
		}
		n.set("args", args)
		n.set("returns", f.Returns)
		n.set("language", f.Language)
		n.set("volatility", otherThan(f.Volatility, "volatile"))
		n.set("strict", f.Strict)
		n.set("security_definer", f.SecurityDefiner)
		n.set("leakproof", f.Leakproof)
		n.set("parallel", otherThan(f.Parallel, "unsafe"))
		n.set("cost", int64(math.Round(f.Cost)))
		n.set("rows", int64(math.Round(f.Rows)))
		n.set("set", f.Set)
		n.fields = append(n.fields, wfield{"body", f.Source.Or(f.Body)}) // SQL Server: the module as written
		setModuleSettings(n, f.Settings)
		n.set("comment", f.Comment)
		if f.Procedure {
			procedures = append(procedures, n)
		} else {
			functions = append(functions, n)
		}
	}
	for _, t := range db.Triggers {
		n := &wnode{kind: "trigger", name: t.Name, named: true}
		on := t.Table
		if t.Schema != def {
			on = t.Schema + "." + t.Table
		}
		n.set("on", on)
		n.set("timing", t.Timing)
		n.set("events", t.Events)
		n.set("update_of", t.UpdateOf)
		if t.ForEachRow {
			n.set("for_each", "row")
		}
		n.set("when", t.WhenSource.Or(t.When))
		n.set("old_table", t.OldTable)
		n.set("new_table", t.NewTable)
		n.set("function", t.Function)
		n.set("args", t.Args)
		n.set("enabled", t.Enabled)
		n.set("body", t.Source.Or(t.Body)) // SQL Server: the module as written
		setModuleSettings(n, t.Settings)
		n.set("comment", t.Comment)
		triggers = append(triggers, n)
	}
	return functions, procedures, triggers
}

// functionArgText spells an argument as a schema file's args list holds it:
// [mode] [name] type [DEFAULT expr].
func functionArgText(a *FunctionArg) string {
	s := a.Type
	if a.Name != "" {
		s = pgIdentText(a.Name) + " " + s
	}
	if a.Mode != "" {
		s = a.Mode + " " + s
	}
	if a.Default != "" {
		s += " DEFAULT " + a.Default
	}
	return s
}

// splitFunctions lays out the functions and procedures of db for
// SplitFiles, one file per schema and name; path names a file.
func splitFunctions(db *Database, path func(parts ...string) string) []SplitFile {
	var files []SplitFile
	for i := 0; i < len(db.Functions); {
		j := i + 1
		for j < len(db.Functions) && db.Functions[j].Schema == db.Functions[i].Schema && db.Functions[j].Name == db.Functions[i].Name {
			j++
		}
		f := db.Functions[i]
		files = append(files, SplitFile{Path: path(f.Schema, "functions", f.Name), DB: &Database{Dialect: db.Dialect, Functions: db.Functions[i:j]}})
		i = j
	}
	return files
}
