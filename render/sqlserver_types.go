package render

import (
	"fmt"

	"github.com/schemadiff/schemadiff/diff"
)

// typeChange refuses the changes of extensions, domains and composite
// types: SQL Server schemas cannot hold them (schema files are refused,
// introspection never sets them).
func (sqlserverDialect) typeChange(c *diff.Change) ([]string, error) {
	return nil, fmt.Errorf("%s is PostgreSQL only", c.Kind)
}
