package render

import (
	"fmt"

	"github.com/schemadiff/schemadiff/diff"
)

// The PostgreSQL side of views, functions, triggers and sequences is built
// on other branches (views, funcs, types); these stubs keep this branch
// whole until the merge replaces them.

func (postgresDialect) viewChange(c *diff.Change) ([]string, error)     { return nil, pgNotYet(c) }
func (postgresDialect) functionChange(c *diff.Change) ([]string, error) { return nil, pgNotYet(c) }
func (postgresDialect) triggerChange(c *diff.Change) ([]string, error)  { return nil, pgNotYet(c) }
func (postgresDialect) sequenceChange(c *diff.Change) ([]string, error) { return nil, pgNotYet(c) }

// pgNotYet is the stubs' error.
func pgNotYet(c *diff.Change) error { return fmt.Errorf("%s: not supported on PostgreSQL yet", c.Kind) }
