package main

import (
	"fmt"

	"github.com/schemadiff/schemadiff/schema"
)

// checkDropAll refuses to plan from current to want when want declares no
// tables at all while current has some: such a plan drops every table, and
// an empty desired schema is far more often a mistake (a wrong path, a file
// moved away) than the intent. allowed is --allow-drop-all or allow_drop_all
// in the configuration.
func checkDropAll(current, want *schema.Database, allowed bool) error {
	if allowed || len(want.Tables) > 0 || len(current.Tables) == 0 {
		return nil
	}
	return fmt.Errorf("the desired schema declares no tables, so the plan would drop all %s of the current state: "+
		"if that is what you want, give --allow-drop-all (or set allow_drop_all: true in the configuration)", plural(len(current.Tables), "table"))
}

// plural returns n and noun, with an s unless n is 1: "1 table", "2 tables".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
