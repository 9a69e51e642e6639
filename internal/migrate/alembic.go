package migrate

import (
	"fmt"
	"time"

	"github.com/schemadiff/schemadiff/internal/alembic"
	"github.com/schemadiff/schemadiff/render"
)

// alembic renders an Alembic revision file: a comment header, then the
// revision as render.Alembic writes it (op.* calls for both directions).
func (m migration) alembic(up, down direction) ([]File, error) {
	data, err := render.Alembic(m.up, m.down, render.AlembicRevision{
		ID: m.version, DownRevision: m.parent, Message: m.message, Created: m.created, Timeouts: m.timeouts,
	})
	if err != nil {
		return nil, fmt.Errorf("render alembic revision: %w", err)
	}
	name, _ := m.format.fileNamesOf(m.version, m.slug)
	return []File{{name, append([]byte(m.header("#", up, down)), data...)}}, nil
}

// alembicHead returns the head revision of the Alembic versions folder dir
// ("" when it has none); several heads are an error that says to merge them.
func alembicHead(dir string) (string, error) { return alembic.Head(dir) }

// alembicRevision returns the deterministic revision id of a new revision.
func alembicRevision(parent, message string, created time.Time) string {
	return alembic.NewRevisionID(parent, message, created)
}
