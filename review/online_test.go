package review

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// TestSQLServerOnlineIndex: a SQL Server CREATE INDEX on an existing table is
// a blocking-index finding unless the migration builds it WITH (ONLINE = ON).
func TestSQLServerOnlineIndex(t *testing.T) {
	const create = "CREATE TABLE [dbo].[t] ([id] int NOT NULL, [a] int NULL, CONSTRAINT [pk_t] PRIMARY KEY ([id]));\nGO\n"
	tests := []struct {
		name, index string
		blocking    bool
	}{
		{"offline by default", "CREATE INDEX [ix_t_a] ON [dbo].[t] ([a]);", true},
		{"ONLINE = OFF", "CREATE INDEX [ix_t_a] ON [dbo].[t] ([a]) WITH (ONLINE = OFF);", true},
		{"ONLINE = ON", "CREATE INDEX [ix_t_a] ON [dbo].[t] ([a]) WITH (SORT_IN_TEMPDB = ON, online=on);", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			first, second := filepath.Join(dir, "1_t.up.sql"), filepath.Join(dir, "2_ix.up.sql")
			for p, s := range map[string]string{first: create, second: tt.index + "\n"} {
				if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			rep := run(t, Options{Dialect: schema.SQLServer, Files: []string{first, second}})
			got := find(rep, diff.HazardBlockingIndex, "")
			if (len(got) > 0) != tt.blocking {
				t.Errorf("blocking-index findings %+v, want blocking = %v (all: %+v)", got, tt.blocking, rep.Findings)
			}
		})
	}
}
