package render

import (
	"fmt"

	"github.com/schemadiff/schemadiff/diff"
)

// sequenceChange is the PostgreSQL side of sequences, built on branch types;
// this stub keeps main whole until that merge replaces it.
func (postgresDialect) sequenceChange(c *diff.Change) ([]string, error) {
	return nil, fmt.Errorf("%s: not supported on PostgreSQL yet", c.Kind)
}
