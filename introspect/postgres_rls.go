package introspect

import (
	"context"

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
