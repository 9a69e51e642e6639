package render

import (
	"fmt"

	"github.com/schemadiff/schemadiff/diff"
)

// functionChange: SQL Server functions, procedures and triggers are not
// rendered yet (branch mssqlobj replaces this file).
func (sqlserverDialect) functionChange(c *diff.Change) ([]string, error) {
	return nil, fmt.Errorf("%s: functions, procedures and triggers are not supported on SQL Server yet", c.Kind)
}
