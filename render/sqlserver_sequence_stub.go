package render

import (
	"fmt"

	"github.com/schemadiff/schemadiff/diff"
)

// sequenceChange is not written yet for SQL Server (branch mssqlobj
// replaces this file).
func (sqlserverDialect) sequenceChange(c *diff.Change) ([]string, error) {
	return nil, fmt.Errorf("%s: sequences are not supported on SQL Server yet", c.Kind)
}
