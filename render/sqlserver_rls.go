package render

import (
	"fmt"

	"github.com/schemadiff/schemadiff/diff"
)

// rlsChange: row-level security policies and declarative partitioning are
// PostgreSQL's (SQL Server schemas cannot hold them: schema files are
// refused, introspection never sets them).
func (sqlserverDialect) rlsChange(c *diff.Change) ([]string, error) {
	return nil, fmt.Errorf("%s is PostgreSQL only", c.Kind)
}
