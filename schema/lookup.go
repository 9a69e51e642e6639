package schema

// Lookup finds the tables, enums and schemas of a Database by name in
// constant time, where Database.Table, Enum and Schema scan their lists
// (which makes a lookup per table quadratic: seconds at 5,000 tables).
//
// A Lookup is a snapshot of the lists when it was built: it does not see
// objects added, removed or renamed afterwards. Build one at the start of a
// pass that only reads names (a Compare, a validation, a normalization after
// defaults are filled), never cache one in the model. Like the Database
// methods, it returns the first object of a name when there are several.
type Lookup struct {
	tables  map[QName]*Table
	views   map[QName]*View
	enums   map[QName]*Enum
	schemas map[string]*Schema
	// defaultSchema is the dialect's, for unqualified names.
	defaultSchema string
	// userTypes holds the domains and composite types (normalize_types.go).
	userTypes map[QName]bool
}

// NewLookup indexes the tables, views, enums and schemas db holds now.
func NewLookup(db *Database) *Lookup {
	l := &Lookup{
		defaultSchema: db.Dialect.DefaultSchema(),
		tables:        make(map[QName]*Table, len(db.Tables)),
		views:         make(map[QName]*View, len(db.Views)),
		enums:         make(map[QName]*Enum, len(db.Enums)),
		schemas:       make(map[string]*Schema, len(db.Schemas)),
	}
	for _, t := range db.Tables {
		if _, dup := l.tables[t.QName()]; !dup {
			l.tables[t.QName()] = t
		}
	}
	for _, v := range db.Views {
		if _, dup := l.views[v.QName()]; !dup {
			l.views[v.QName()] = v
		}
	}
	for _, e := range db.Enums {
		if _, dup := l.enums[e.QName()]; !dup {
			l.enums[e.QName()] = e
		}
	}
	for _, s := range db.Schemas {
		if _, dup := l.schemas[s.Name]; !dup {
			l.schemas[s.Name] = s
		}
	}
	l.userTypes = userTypeNames(db)
	return l
}

// Table returns the table with that qualified name, or nil.
func (l *Lookup) Table(q QName) *Table { return l.tables[q] }

// View returns the view (or materialized view) with that qualified name, or nil.
func (l *Lookup) View(q QName) *View { return l.views[q] }

// Enum returns the enum with that qualified name, or nil.
func (l *Lookup) Enum(q QName) *Enum { return l.enums[q] }

// Schema returns the schema with that name, or nil.
func (l *Lookup) Schema(name string) *Schema { return l.schemas[name] }
