package diff

import (
	"fmt"

	"github.com/schemadiff/schemadiff/schema"
)

// CheckDropAll returns an error when want declares no tables at all while
// current has some: such a plan drops every table, and an empty desired
// schema is far more often a mistake (a wrong path, a file moved away) than
// the intent. Callers skip it when the user consented (--allow-drop-all,
// allow_drop_all in the configuration).
func CheckDropAll(current, want *schema.Database) error {
	if len(want.Tables) > 0 || len(current.Tables) == 0 {
		return nil
	}
	n := fmt.Sprintf("%d tables", len(current.Tables))
	if len(current.Tables) == 1 {
		n = "1 table"
	}
	return fmt.Errorf("the desired schema declares no tables, so the plan would drop all %s of the current state: "+
		"if that is what you want, give --allow-drop-all (or set allow_drop_all: true in the configuration)", n)
}
