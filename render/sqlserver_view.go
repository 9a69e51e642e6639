package render

import (
	"errors"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// viewChange renders CreateView and ReplaceView as CREATE OR ALTER VIEW
// and DropView as DROP VIEW. A view whose text is a whole module (read
// from a database, or written so in a schema file) is re-created from it;
// one given as a SELECT gets a header from the model: the column list,
// WITH SCHEMABINDING and WITH CHECK OPTION ("CREATE VIEW (Transact-SQL)").
func (sqlserverDialect) viewChange(c *diff.Change) ([]string, error) {
	if c.Kind == diff.CommentView {
		return nil, errModuleComment(c)
	}
	v := c.View
	if v == nil || v.Name == "" {
		return nil, errMissing("view")
	}
	if c.Kind == diff.DropView {
		return []string{msDropModule(schema.ModuleView, v.QName())}, nil
	}
	if v.Materialized {
		return nil, errors.New("SQL Server has no materialized views (an indexed view is the nearest, and schemadiff does not model it)")
	}
	src := strings.TrimSpace(v.Source.Or(v.Query))
	if _, err := schema.ParseModule(src); !schema.IsNotModule(err) {
		return msModule(schema.ModuleView, v.QName(), src, v.Settings)
	}
	stmt := msCreateOrAlter(schema.ModuleView, v.QName())
	if len(v.Columns) > 0 {
		cols, err := columnList(sqlserverDialect{}, v.Columns)
		if err != nil {
			return nil, err
		}
		stmt += " (" + cols + ")"
	}
	if v.SchemaBinding {
		stmt += " WITH SCHEMABINDING"
	}
	stmt += " AS\n" + strings.TrimRight(src, " \t\r\n;")
	if v.CheckOption != "" {
		stmt += "\nWITH CHECK OPTION"
	}
	return msModuleStatements(v.Settings, stmt), nil
}
