package schema

// Normalize returns the canonical form of db (see the "canonical:" notes on the
// model's fields). It does not modify db.
// TODO(normalize helper): replace this placeholder.
func Normalize(db *Database) (*Database, error) { return db, nil }
