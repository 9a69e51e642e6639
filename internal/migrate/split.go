package migrate

import (
	"fmt"
	"slices"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
)

// splitsTransactions reports whether format f writes a migration whose
// statements cannot all run in one transaction as several migrations: each
// statement that must run outside a transaction (ALTER TYPE … ADD VALUE,
// CONCURRENTLY) alone, the others together in one transaction, so that a
// failure never leaves the database half-migrated. These formats choose the
// transaction per file or section (dbmate's transaction:false, Flyway's
// executeInTransaction, golang-migrate sending a file as one query); goose
// has NO TRANSACTION per file and groups statements instead (see goose),
// Alembic has autocommit blocks.
func (f Format) splitsTransactions() bool {
	return f == SQL || f == GolangMigrate || f == Dbmate || f == Flyway
}

// split returns the migrations m is written as: m itself, or, for a format
// that splitsTransactions and a plan with a statement that cannot run in a
// transaction, one migration per such change and per run of the others.
// Their up plans run m's up in order; their down plans, run from the last
// migration back, run m's down in order (the shorter side is padded with
// empty plans). Versions and parents are chained from m's (versionAfter
// returns the version that follows a given one); each part says in its
// message which part it is.
func (m migration) split(versionAfter func(string) string) ([]migration, error) {
	if !m.format.splitsTransactions() {
		return []migration{m}, nil
	}
	ups, err := transactionParts(m.up)
	if err != nil {
		return nil, err
	}
	downs, err := transactionParts(m.down)
	if err != nil {
		return nil, err
	}
	n := max(len(ups), len(downs))
	if n <= 1 {
		return []migration{m}, nil
	}
	parts := make([]migration, n)
	for i := range parts {
		p := m
		p.up, p.down = emptyPlan(m.up), emptyPlan(m.down)
		if i < len(ups) {
			p.up = ups[i]
		}
		if j := n - 1 - i; j < len(downs) {
			p.down = downs[j]
		}
		p.slug = fmt.Sprintf("%s_part%d", m.slug, i+1)
		p.message = fmt.Sprintf("%s\n\nPart %d of %d: the statements that cannot run in a transaction (ALTER TYPE … ADD VALUE,\n"+
			"CONCURRENTLY) are each in a migration of their own, the others run together in one transaction.", m.message, i+1, n)
		if i > 0 {
			p.parent = parts[i-1].version
			p.version = versionAfter(p.parent)
		}
		parts[i] = p
	}
	return parts, nil
}

// transactionParts splits a plan into consecutive plans: each change whose
// statements must run outside a transaction alone, every run of the others
// together. A plan without such a change is one part.
func transactionParts(p *diff.Plan) ([]*diff.Plan, error) {
	if p == nil || len(p.Changes) == 0 {
		return []*diff.Plan{p}, nil
	}
	stmts, err := render.SQL(p)
	if err != nil {
		return nil, err
	}
	noTx := map[*diff.Change]bool{}
	for _, s := range stmts {
		noTx[s.Change] = noTx[s.Change] || s.NoTransaction
	}
	var parts []*diff.Plan
	for i, c := range p.Changes {
		if i == 0 || noTx[c] || noTx[p.Changes[i-1]] {
			parts = append(parts, &diff.Plan{Dialect: p.Dialect})
		}
		last := parts[len(parts)-1]
		last.Changes = append(last.Changes, c)
	}
	if len(parts) > 1 {
		// Every ADD VALUE now commits in a migration of its own before the
		// changes that use the value: their hazard no longer holds.
		for _, part := range parts {
			for i, c := range part.Changes {
				cc := *c
				cc.Hazards = slices.DeleteFunc(slices.Clone(c.Hazards), func(h diff.Hazard) bool { return h.Code == diff.HazardNewEnumValueUsed })
				part.Changes[i] = &cc
			}
		}
	}
	return parts, nil
}

// emptyPlan returns a plan of p's dialect without changes.
func emptyPlan(p *diff.Plan) *diff.Plan {
	if p == nil {
		return nil
	}
	return &diff.Plan{Dialect: p.Dialect, Changes: []*diff.Change{}}
}
