package main

import (
	"fmt"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// checkDropAll applies diff.CheckDropAll unless allowed (--allow-drop-all or
// allow_drop_all in the configuration).
func checkDropAll(current, want *schema.Database, allowed bool) error {
	if allowed {
		return nil
	}
	return diff.CheckDropAll(current, want)
}

// plural returns n and noun, with an s unless n is 1: "1 table", "2 tables".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
