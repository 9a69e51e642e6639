package review

import (
	"cmp"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// scope returns the names of the tables of the state that migration m (up
// and down) can change, or whose comparison its hazards depend on: a
// migration that touches a few tables of thousands is checked on those few,
// not on copies of the whole schema (which made a review of N migrations on
// a large schema cost N normalizations and comparisons of all of it).
//
// They are the tables its ops name (created, altered, renamed: old and new
// names), those holding an index or constraint an op names without its
// table (DROP INDEX name), those of a schema it drops and those with a
// column whose type names an enum it changes; then the tables these
// reference by foreign key, and those that reference them (a rename carries
// over to their keys; a retyped key column recreates them). It is computed
// on the state before m, and names no table that is not one of these:
// everything else is the same before and after m. Schemas and enums are
// never left out. One difference with a check of the whole state: a table
// a migration makes invalid (invalid-state) is reported at the migrations
// whose scope holds it, no longer at every later one.
func (s *state) scope(m *migration) map[schema.QName]bool {
	def := s.db.Dialect.DefaultSchema()
	in := map[schema.QName]bool{}
	refs := func(sc string, f *schema.ForeignKey) {
		for _, q := range referenced(sc, def, f) {
			in[q] = true
		}
	}
	objects := map[string]bool{} // names of indexes or constraints without their table
	var enums []string           // names of enums
	dropped := map[string]bool{} // schemas dropped
	for _, part := range []*parsed{&m.up, &m.down} {
		for _, o := range part.ops {
			switch o.kind {
			case opStatement, opCreateSchema:
				continue
			case opDropSchema:
				dropped[o.name] = true
				continue
			case opCreateEnum:
				enums = append(enums, o.enum.Name)
				continue
			case opDropEnum, opAddEnumValue, opRenameEnum, opRenameEnumValue:
				enums = append(enums, o.table.Name)
				continue
			case opComment:
				if o.target == "schema" || o.target == "type" {
					continue
				}
			case opRenameTable:
				in[schema.ParseQName(o.newName, o.table.Schema)] = true
			case opRenameObject: // a table, or a constraint called o.table.Name
				in[schema.ParseQName(o.newName, o.table.Schema)] = true
				objects[o.table.Name] = true
			}
			if o.table.Name != "" {
				in[o.table] = true
			} else if o.name != "" {
				objects[o.name] = true
			}
			if o.tbl != nil {
				in[o.tbl.QName()] = true
				for _, f := range o.tbl.ForeignKeys {
					refs(o.tbl.Schema, f)
				}
			}
			if o.fk != nil {
				refs(o.table.Schema, o.fk)
			}
		}
	}
	delete(objects, "") // unnamed objects are named by nothing
	if len(objects) > 0 || len(enums) > 0 || len(dropped) > 0 {
		for _, t := range s.db.Tables {
			if dropped[t.Schema] || holdsAny(t, objects) || usesAnyEnum(t, enums) {
				in[t.QName()] = true
			}
		}
	}
	// The neighbours by foreign key of the tables found so far.
	var near []schema.QName
	for _, t := range s.db.Tables {
		if in[t.QName()] {
			for _, f := range t.ForeignKeys {
				near = append(near, referenced(t.Schema, def, f)...)
			}
			continue
		}
		for _, f := range t.ForeignKeys {
			if slices.ContainsFunc(referenced(t.Schema, def, f), func(q schema.QName) bool { return in[q] }) {
				near = append(near, t.QName())
				break
			}
		}
	}
	for _, q := range near {
		in[q] = true
	}
	// A partition goes with its parent, and the parent with it.
	for _, t := range s.db.Tables {
		if t.PartitionOf == nil {
			continue
		}
		parent := schema.ParseQName(t.PartitionOf.Parent, t.Schema)
		if in[parent] || in[t.QName()] {
			in[parent], in[t.QName()] = true, true
		}
	}
	return in
}

// referenced returns the table foreign key f of a table of schema sc
// references, under both readings of a reference without a schema: the
// state resolves it to sc, Normalize to sc when such a table exists, else
// to def, the dialect's default schema.
func referenced(sc, def string, f *schema.ForeignKey) []schema.QName {
	q := []schema.QName{{Schema: cmp.Or(f.RefSchema, sc), Name: f.RefTable}}
	if f.RefSchema == "" && sc != def {
		q = append(q, schema.QName{Schema: def, Name: f.RefTable})
	}
	return q
}

// holdsAny reports whether t has an index, constraint or SQL Server default
// called one of names (its own name or the one the server made up).
func holdsAny(t *schema.Table, names map[string]bool) bool {
	if pk := t.PrimaryKey; pk != nil && (names[pk.Name] || names[pk.SystemName]) {
		return true
	}
	for _, x := range t.Indexes {
		if names[x.Name] {
			return true
		}
	}
	for _, u := range t.Uniques {
		if names[u.Name] || names[u.SystemName] {
			return true
		}
	}
	for _, c := range t.Checks {
		if names[c.Name] || names[c.SystemName] {
			return true
		}
	}
	for _, x := range t.Excludes {
		if names[x.Name] {
			return true
		}
	}
	for _, f := range t.ForeignKeys {
		if names[f.Name] || names[f.SystemName] {
			return true
		}
	}
	for _, c := range t.Columns {
		if names[c.DefaultSystemName] {
			return true
		}
	}
	return false
}

// usesAnyEnum reports whether a column type of t mentions one of the enum
// names (a superset of the columns of those types, which is what scope
// needs).
func usesAnyEnum(t *schema.Table, enums []string) bool {
	for _, c := range t.Columns {
		typ := strings.ToLower(c.Type)
		for _, e := range enums {
			if strings.Contains(typ, strings.ToLower(e)) {
				return true
			}
		}
	}
	return false
}

// within returns db with only the tables named in names, and their
// triggers and policies (the same objects: clone it before changing it);
// db itself when names is nil.
func within(db *schema.Database, names map[schema.QName]bool) *schema.Database {
	if names == nil {
		return db
	}
	out := *db
	out.Tables = make([]*schema.Table, 0, len(names))
	for _, t := range db.Tables {
		if names[t.QName()] {
			out.Tables = append(out.Tables, t)
		}
	}
	out.Triggers = slices.DeleteFunc(slices.Clone(db.Triggers), func(t *schema.Trigger) bool { return !names[t.TableQName()] })
	out.Policies = slices.DeleteFunc(slices.Clone(db.Policies), func(p *schema.Policy) bool { return !names[p.TableQName()] })
	return &out
}
