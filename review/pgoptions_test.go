package review

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/schema"
)

// TestReadTableOptions replays hand-written PostgreSQL table option
// statements: the state holds what the server would.
func TestReadTableOptions(t *testing.T) {
	for _, tt := range []struct {
		name, src   string
		want        schema.TableOptions
		wantStorage string // of column body
		wantComp    string
	}{{
		name: "create unlogged with parameters",
		src:  `CREATE UNLOGGED TABLE t (id int, body text) WITH (fillfactor = 70, autovacuum_enabled = off);`,
		want: schema.TableOptions{Unlogged: true, StorageParameters: []string{"fillfactor=70", "autovacuum_enabled=off"}},
	}, {
		name: "set, reset, logged and replica identity",
		src: `CREATE UNLOGGED TABLE t (id int, body text) WITH (fillfactor = 70, autovacuum_enabled = off);
ALTER TABLE t SET LOGGED, SET (fillfactor = 90, toast.autovacuum_enabled = false), RESET (autovacuum_enabled);
ALTER TABLE t REPLICA IDENTITY USING INDEX t_body_key;`,
		want: schema.TableOptions{StorageParameters: []string{"fillfactor=90", "toast.autovacuum_enabled=false"},
			ReplicaIdentity: "index", ReplicaIdentityIndex: "t_body_key"},
	}, {
		name: "storage and compression, reset by a type change",
		src: `CREATE TABLE t (id int, body varchar(10));
ALTER TABLE t ALTER COLUMN body SET STORAGE MAIN, ALTER COLUMN body SET COMPRESSION lz4;
ALTER TABLE t ALTER COLUMN body TYPE text;
ALTER TABLE t ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE t REPLICA IDENTITY FULL;`,
		want:        schema.TableOptions{ReplicaIdentity: "full"},
		wantStorage: "external", wantComp: "lz4",
	}} {
		t.Run(tt.name, func(t *testing.T) {
			db, findings := applySQL(schema.Postgres, tt.src)
			if len(findings) > 0 {
				t.Fatalf("findings: %v", findings)
			}
			tb := db.Tables[0]
			if d := cmp.Diff(tt.want, tb.TableOptions); d != "" {
				t.Errorf("table options (-want +got):\n%s", d)
			}
			if c := tb.Column("body"); c.Storage != tt.wantStorage || c.Compression != tt.wantComp {
				t.Errorf("body: storage %q compression %q, want %q and %q", c.Storage, c.Compression, tt.wantStorage, tt.wantComp)
			}
		})
	}
}
