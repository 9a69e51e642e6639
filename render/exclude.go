package render

import (
	"cmp"
	"errors"
	"fmt"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// excludeClause renders an EXCLUDE constraint clause (PostgreSQL only):
// CONSTRAINT "n" EXCLUDE USING gist ("room" WITH =, "during" WITH &&)
// [INCLUDE (…)] [WITH (…)] [WHERE (…)] [DEFERRABLE …]
// (https://www.postgresql.org/docs/15/sql-createtable.html#SQL-CREATETABLE-EXCLUDE).
func excludeClause(d dialect, x *schema.Exclude) (string, error) {
	if _, ok := d.(postgresDialect); !ok {
		return "", fmt.Errorf("exclusion constraint %s: exclusion constraints are PostgreSQL's", x.Name)
	}
	if len(x.Elements) == 0 {
		return "", fmt.Errorf("exclusion constraint %s has no elements", x.Name)
	}
	elems := make([]string, len(x.Elements))
	for i, e := range x.Elements {
		s, err := pgIndexPart(e.IndexPart)
		if err != nil {
			return "", fmt.Errorf("exclusion constraint %s: %w", x.Name, err)
		}
		op, err := pgOperator(e.Operator)
		if err != nil {
			return "", fmt.Errorf("exclusion constraint %s: %w", x.Name, err)
		}
		elems[i] = s + " WITH " + op
	}
	using := x.Using
	if using == "" {
		using = "gist"
	}
	var b strings.Builder
	b.WriteString(constraintPrefix(d, x.Name) + "EXCLUDE USING " + pgIdent(using) + " (" + strings.Join(elems, ", ") + ")")
	if len(x.Include) > 0 {
		inc, err := columnList(d, x.Include)
		if err != nil {
			return "", fmt.Errorf("exclusion constraint %s: %w", x.Name, err)
		}
		b.WriteString(" INCLUDE (" + inc + ")")
	}
	if len(x.With) > 0 {
		with, err := pgStorageParams(x.With)
		if err != nil {
			return "", fmt.Errorf("exclusion constraint %s: %w", x.Name, err)
		}
		b.WriteString(" WITH (" + with + ")")
	}
	if x.Where != "" {
		b.WriteString(" WHERE (" + x.WhereSource.Or(x.Where) + ")")
	}
	b.WriteString(pgDeferrable(x.Deferrable, x.InitiallyDeferred))
	return b.String(), nil
}

// pgOperator renders an exclusion operator: a pg_catalog one as is ("&&"),
// a schema-qualified one as OPERATOR(schema.op) with the schema quoted.
// An operator is made of the characters + - * / < > = ~ ! @ # % ^ & | ` ?
// (https://www.postgresql.org/docs/15/sql-createoperator.html).
func pgOperator(op string) (string, error) {
	schemaName, name := "", op
	if i := strings.LastIndex(op, "."); i >= 0 {
		schemaName, name = op[:i], op[i+1:]
	}
	if name == "" || strings.Trim(name, "+-*/<>=~!@#%^&|`?") != "" {
		return "", fmt.Errorf("invalid operator %q", op)
	}
	if schemaName == "" {
		return name, nil
	}
	if strings.TrimSpace(schemaName) == "" {
		return "", errors.New("operator " + op + " has an empty schema")
	}
	return "OPERATOR(" + pgIdent(schemaName) + "." + name + ")", nil
}

// excludeDesc describes the elements of an exclusion constraint, e.g.
// " (room WITH =, during WITH &&)"; "" when none is known.
func excludeDesc(x *schema.Exclude) string {
	if len(x.Elements) == 0 {
		return ""
	}
	elems := make([]string, len(x.Elements))
	for i, e := range x.Elements {
		elems[i] = cmp.Or(e.Column, "("+e.ExprSource.Or(e.Expr)+")") + " WITH " + e.Operator
	}
	return " (" + strings.Join(elems, ", ") + ")"
}
