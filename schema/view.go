package schema

// View returns the view or materialized view with that qualified name, or nil.
func (db *Database) View(q QName) *View {
	for _, v := range db.Views {
		if v.QName() == q {
			return v
		}
	}
	return nil
}

// Describe names the view with its kind, for messages: "view
// public.active_users", "materialized view public.totals".
func (v *View) Describe() string {
	if v.Materialized {
		return "materialized view " + v.QName().String()
	}
	return "view " + v.QName().String()
}
