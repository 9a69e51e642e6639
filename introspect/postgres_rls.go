package introspect

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/schema"
)

// pgPoliciesQuery reads the row-level security policies of the selected
// tables ($1), in one statement (pg_policy:
// https://www.postgresql.org/docs/15/catalog-pg-policy.html). PUBLIC is
// role oid 0, which pg_roles has not: a policy for PUBLIC reads no roles.
const pgPoliciesQuery = `
SELECT p.polrelid, p.polname, p.polcmd::text, NOT p.polpermissive,
       ARRAY(SELECT r.rolname FROM pg_roles r WHERE r.oid = ANY(p.polroles) ORDER BY r.rolname)::text[],
       coalesce(pg_get_expr(p.polqual, p.polrelid), ''),
       coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''),
       coalesce(ds.description, '')
FROM pg_policy p
LEFT JOIN pg_description ds ON ds.objoid = p.oid AND ds.classoid = 'pg_policy'::regclass AND ds.objsubid = 0
WHERE p.polrelid = ANY($1::oid[])
ORDER BY p.polrelid, p.polname`

// pgPolicyCommands maps pg_policy.polcmd to Policy.Command.
var pgPolicyCommands = map[string]string{"*": "all", "r": "select", "a": "insert", "w": "update", "d": "delete"}

// readPolicies reads the policies of every selected table.
func (c *pgCatalog) readPolicies(ctx context.Context, tx pgx.Tx, _ Options) error {
	rows, err := tx.Query(ctx, pgPoliciesQuery, c.tableIDs)
	if err != nil {
		return err
	}
	var (
		rel                                  uint32
		name, cmd, using, withCheck, comment string
		restrictive                          bool
		roles                                []string
	)
	_, err = pgx.ForEachRow(rows, []any{&rel, &name, &cmd, &restrictive, &roles, &using, &withCheck, &comment}, func() error {
		t := c.tables[rel]
		c.db.Policies = append(c.db.Policies, &schema.Policy{Schema: t.Schema, Table: t.Name, Name: name,
			Command: pgPolicyCommands[cmd], Restrictive: restrictive, Roles: roles, Using: using, WithCheck: withCheck, Comment: comment})
		return nil
	})
	return err
}

// pgPartitionKey reads a partition key as pg_get_partkeydef prints it,
// e.g. "RANGE (created_at)", "LIST (lower(name))", "HASH (a, (b + 1))":
// a key that is a lone (possibly quoted) identifier is a column, any other
// an expression.
func pgPartitionKey(def string) *schema.Partitioning {
	strategy, rest, _ := strings.Cut(def, " ")
	p := &schema.Partitioning{Strategy: strings.ToLower(strategy)}
	rest = strings.TrimSpace(rest)
	rest = strings.TrimSuffix(strings.TrimPrefix(rest, "("), ")")
	for _, item := range splitTopLevel(rest) {
		item = strings.TrimSpace(item)
		if col, ok := pgLoneIdent(item); ok {
			p.Keys = append(p.Keys, schema.IndexPart{Column: col})
			continue
		}
		if strings.HasPrefix(item, "(") && strings.HasSuffix(item, ")") && len(splitTopLevel(item[1:len(item)-1])) == 1 {
			item = item[1 : len(item)-1]
		}
		p.Keys = append(p.Keys, schema.IndexPart{Expr: item})
	}
	return p
}

// splitTopLevel splits s at the commas outside parentheses and quotes.
func splitTopLevel(s string) []string {
	var out []string
	depth, start, quote := 0, 0, byte(0)
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"':
			quote = ch
		case ch == '(':
			depth++
		case ch == ')':
			depth--
		case ch == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// pgLoneIdent returns the identifier s is, unquoted, when s is one.
func pgLoneIdent(s string) (string, bool) {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' && !strings.Contains(strings.ReplaceAll(s[1:len(s)-1], `""`, ""), `"`) {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`), true
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || i > 0 && (r >= '0' && r <= '9' || r == '$')) {
			return "", false
		}
	}
	return s, s != ""
}
