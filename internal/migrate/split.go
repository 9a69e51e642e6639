package migrate

import (
	"fmt"
	"slices"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
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
// Their up plans run m's up in order. Each one's down plan undoes exactly
// its up (partDowns: tools roll back one migration at a time), from is the
// state m's up starts from and to the one it leads to. A part's down that
// itself holds a statement that cannot run in a transaction is split the
// same way, its pieces written as further migrations with an empty up, so
// that rolling back from the last runs them in order. When the downs
// cannot be computed per part (from unknown, or a state between parts
// partDowns cannot compute), m's down is split alone and assigned from the
// last migration back: rolling all of them back restores from, one alone
// does not. Versions and parents are chained from m's (versionAfter returns
// the version that follows a given one); each part says in its message
// which part it is.
func (m migration) split(from, to *schema.Database, versionAfter func(string) string) ([]migration, error) {
	if !m.format.splitsTransactions() {
		return []migration{m}, nil
	}
	ups, err := transactionParts(m.up)
	if err != nil {
		return nil, err
	}
	downs, ok, err := partDowns(from, to, ups, m.down)
	if err != nil {
		return nil, err
	}
	type pair struct{ up, down *diff.Plan }
	var pairs []pair
	if ok {
		for k, up := range ups {
			ds, err := transactionParts(downs[k])
			if err != nil {
				return nil, err
			}
			pairs = append(pairs, pair{up, ds[len(ds)-1]})
			for j := len(ds) - 2; j >= 0; j-- {
				pairs = append(pairs, pair{emptyPlan(m.up), ds[j]})
			}
		}
	} else {
		ds, err := transactionParts(m.down)
		if err != nil {
			return nil, err
		}
		n := max(len(ups), len(ds))
		for i := range n {
			p := pair{emptyPlan(m.up), emptyPlan(m.down)}
			if i < len(ups) {
				p.up = ups[i]
			}
			if j := n - 1 - i; j < len(ds) {
				p.down = ds[j]
			}
			pairs = append(pairs, p)
		}
	}
	if len(pairs) <= 1 {
		return []migration{m}, nil
	}
	parts := make([]migration, len(pairs))
	for i, pr := range pairs {
		p := m
		p.up, p.down = pr.up, pr.down
		p.slug = fmt.Sprintf("%s_part%d", m.slug, i+1)
		p.message = fmt.Sprintf("%s\n\nPart %d of %d: the statements that cannot run in a transaction (ALTER TYPE … ADD VALUE,\n"+
			"CONCURRENTLY) are each in a migration of their own, the others run together in one transaction.", m.message, i+1, len(pairs))
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
