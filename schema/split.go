package schema

import (
	"fmt"
	"strings"
)

// SplitFile is one file of a schema laid out by SplitFiles.
type SplitFile struct {
	// Path is relative and slash-separated, e.g. "public/users.hcl".
	Path string
	// DB is what the file holds: one table, one enum, or the schema
	// declarations, with the dialect.
	DB *Database
}

// SplitFiles lays db out as the files large projects keep in version
// control: schemas.<ext> at the top, holding the dialect and the schema
// declarations, and a folder per database schema holding a file per table,
// <schema>/<table>.<ext>, per enum, <schema>/enums/<enum>.<ext>, and per view
// or materialized view, <schema>/views/<view>.<ext>. ext is
// <schema>/<table>.<ext> (with the table's triggers), per enum,
// <schema>/enums/<enum>.<ext>, and per function or procedure name (its
// overloads together), <schema>/functions/<name>.<ext>. ext is
// "hcl" or "yaml"; Load reads the folder back to db. Characters that file
// systems refuse or treat specially (/ \ : * ? " < > |, control characters,
// %, a leading dot) are written as %XX; names that differ only in case get
// a ~2, ~3… suffix, so that no two files collide on a case-insensitive file
// system. The layout is deterministic for a canonical db.
func SplitFiles(db *Database, ext string) []SplitFile {
	files := []SplitFile{{Path: "schemas." + ext, DB: &Database{Dialect: db.Dialect, Schemas: db.Schemas}}}
	taken := map[string]bool{}
	path := func(parts ...string) string {
		for i, p := range parts {
			parts[i] = fileNamePart(p)
		}
		base := strings.Join(parts, "/")
		p := base
		for n := 2; taken[strings.ToLower(p)]; n++ {
			p = fmt.Sprintf("%s~%d", base, n)
		}
		taken[strings.ToLower(p)] = true
		return p + "." + ext
	}
	for _, e := range db.Enums {
		files = append(files, SplitFile{Path: path(e.Schema, "enums", e.Name), DB: &Database{Dialect: db.Dialect, Enums: []*Enum{e}}})
	}
	files = append(files, splitTypeObjects(db, path)...)
	// a table's file holds its triggers and policies (grouped once: a scan
	// per table would make the split quadratic)
	triggers := map[QName][]*Trigger{}
	for _, tr := range db.Triggers {
		triggers[tr.TableQName()] = append(triggers[tr.TableQName()], tr)
	}
	policies := map[QName][]*Policy{}
	for _, p := range db.Policies {
		policies[p.TableQName()] = append(policies[p.TableQName()], p)
	}
	for _, t := range db.Tables {
		files = append(files, SplitFile{Path: path(t.Schema, t.Name), DB: &Database{Dialect: db.Dialect, Tables: []*Table{t},
			Triggers: triggers[t.QName()], Policies: policies[t.QName()]}})
	}
	for _, v := range db.Views {
		files = append(files, SplitFile{Path: path(v.Schema, "views", v.Name), DB: &Database{Dialect: db.Dialect, Views: []*View{v}}})
	}
	return append(files, splitFunctions(db, path)...)
}

// fileNamePart spells name as one path element that every common file
// system accepts (see SplitFiles).
func fileNamePart(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c < 0x20 || c == 0x7f || strings.IndexByte(`/\:*?"<>|%`, c) >= 0 || i == 0 && c == '.' {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	if b.Len() == 0 {
		return "%"
	}
	return b.String()
}
