package render

import (
	"errors"

	"github.com/schemadiff/schemadiff/diff"
)

// viewChange: views of SQL Server are rendered by another branch (mssqlobj).
func (sqlserverDialect) viewChange(*diff.Change) ([]string, error) {
	return nil, errors.New("views are not supported on SQL Server yet")
}
