package render

import (
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// viewChange renders CreateView, DropView, ReplaceView and CommentView
// (https://www.postgresql.org/docs/15/sql-createview.html,
// sql-creatematerializedview.html, sql-dropview.html).
func (postgresDialect) viewChange(c *diff.Change) ([]string, error) {
	v := c.View
	if v == nil || v.Name == "" {
		return nil, errMissing("view")
	}
	name := pgQName(v.Schema, v.Name)
	switch c.Kind {
	case diff.DropView:
		if v.Materialized {
			return []string{"DROP MATERIALIZED VIEW " + name}, nil
		}
		return []string{"DROP VIEW " + name}, nil
	case diff.CommentView:
		kind := "VIEW "
		if v.Materialized {
			kind = "MATERIALIZED VIEW "
		}
		return []string{"COMMENT ON " + kind + name + " IS " + pgComment(c.Comment)}, nil
	}
	var b strings.Builder
	switch {
	case v.Materialized:
		b.WriteString("CREATE MATERIALIZED VIEW ")
	case c.Kind == diff.ReplaceView:
		b.WriteString("CREATE OR REPLACE VIEW ")
	default:
		b.WriteString("CREATE VIEW ")
	}
	b.WriteString(name)
	if len(v.Columns) > 0 {
		cols := make([]string, len(v.Columns))
		for i, col := range v.Columns {
			cols[i] = pgIdent(col)
		}
		b.WriteString(" (" + strings.Join(cols, ", ") + ")")
	}
	var with []string
	if v.CheckOption != "" {
		with = append(with, "check_option = "+v.CheckOption)
	}
	if v.SecurityBarrier {
		with = append(with, "security_barrier = true")
	}
	if v.SecurityInvoker {
		with = append(with, "security_invoker = true")
	}
	if len(with) > 0 {
		b.WriteString(" WITH (" + strings.Join(with, ", ") + ")")
	}
	b.WriteString(" AS\n" + viewQuery(v))
	if v.Materialized && v.WithNoData {
		b.WriteString("\nWITH NO DATA")
	}
	return []string{b.String()}, nil
}

// viewQuery returns the query of v as written (or as the server printed
// it), without a trailing semicolon.
func viewQuery(v *schema.View) string {
	q := strings.TrimSpace(v.Source.Or(v.Query))
	for strings.HasSuffix(q, ";") {
		q = strings.TrimSpace(strings.TrimSuffix(q, ";"))
	}
	return q
}
