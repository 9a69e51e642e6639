package diff

import "github.com/schemadiff/schemadiff/schema"

// RenameColumnIn renames column old of t to new in place, with every reference
// to it in t (keys, indexes, checks, computed expressions, foreign key
// columns), as the database does on ALTER TABLE … RENAME COLUMN; new is
// quoted in expressions as dialect d needs. review uses it to follow renames.
func RenameColumnIn(d schema.Dialect, t *schema.Table, old, new string) {
	renameColumns(d, t, map[string]string{old: new})
}
