package migrate

import (
	"regexp"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// TestSQLServerSessionSettings: every SQL Server migration file, in every
// format and both directions, sets ANSI_NULLS and QUOTED_IDENTIFIER ON before
// its first statement (a filtered index fails without them under classic
// sqlcmd), once per direction.
func TestSQLServerSessionSettings(t *testing.T) {
	users := schema.QName{Schema: "dbo", Name: "users"}
	filtered := &schema.Index{Name: "ix_users_email", Parts: []schema.IndexPart{{Column: "email"}}, Where: "is_deleted = 0", Clustered: new(bool)}
	up := &diff.Plan{Dialect: schema.SQLServer, Changes: []*diff.Change{
		{Kind: diff.AddColumn, Table: users, Column: &schema.Column{Name: "email", Type: "nvarchar(255)", Null: true}},
		{Kind: diff.CreateIndex, Table: users, Index: filtered},
	}}
	down := &diff.Plan{Dialect: schema.SQLServer, Changes: []*diff.Change{
		{Kind: diff.DropIndex, Table: users, Index: filtered},
		{Kind: diff.DropColumn, Table: users, Column: &schema.Column{Name: "email", Type: "nvarchar(255)", Null: true}},
	}}
	const settings = `SET ANSI_NULLS ON;\nSET QUOTED_IDENTIFIER ON;\n(GO\n)?\n`
	tests := []struct {
		format Format
		want   []string // per file, regular expressions that must match in order
	}{
		{SQL, []string{`(?s)^(--[^\n]*\n)+\n` + settings + `ALTER TABLE`, `(?s)^(--[^\n]*\n)+\n` + settings + `DROP INDEX`}},
		{GolangMigrate, []string{`(?s)^(--[^\n]*\n)+\n` + settings + `ALTER TABLE`, `(?s)^(--[^\n]*\n)+\n` + settings + `DROP INDEX`}},
		{Flyway, []string{`(?s)^(--[^\n]*\n)+\n` + settings + `ALTER TABLE`, `(?s)^(--[^\n]*\n)+\n` + settings + `DROP INDEX`}},
		{Goose, []string{`(?s)-- \+goose Up\n` + settings + `ALTER TABLE.*-- \+goose Down\n` + settings + `DROP INDEX`}},
		{Dbmate, []string{`(?s)-- migrate:up\n` + settings + `ALTER TABLE.*-- migrate:down\n` + settings + `DROP INDEX`}},
		{Alembic, []string{`(?s)def upgrade\(\) -> None:\n    op.execute\("SET ANSI_NULLS ON"\)\n    op.execute\("SET QUOTED_IDENTIFIER ON"\)\n    op.add_column.*` +
			`def downgrade\(\) -> None:\n    op.execute\("SET ANSI_NULLS ON"\)\n    op.execute\("SET QUOTED_IDENTIFIER ON"\)\n    op.drop_index`}},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			m := migration{format: tt.format, version: "20240501120000", slug: "email", message: "email", command: "c", created: clock, up: up, down: down}
			files, err := m.files()
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != len(tt.want) {
				t.Fatalf("%d files, want %d", len(files), len(tt.want))
			}
			for i, f := range files {
				if !regexp.MustCompile(tt.want[i]).Match(f.Data) {
					t.Errorf("%s does not match %s:\n%s", f.Name, tt.want[i], f.Data)
				}
				if n := strings.Count(string(f.Data), "QUOTED_IDENTIFIER ON"); n != strings.Count(tt.want[i], "QUOTED_IDENTIFIER ON") {
					t.Errorf("%s sets QUOTED_IDENTIFIER %d times", f.Name, n)
				}
			}
		})
	}
}
