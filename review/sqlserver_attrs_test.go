package review

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/schemadiff/schemadiff/schema"
)

// TestReadSQLServerAttributes: T-SQL written by hand (as SSMS scripts it,
// not only as schemadiff writes it) sets the SQL Server attributes of the
// model: DESC key columns, NOT FOR REPLICATION, WITH NOCHECK, disabled and
// re-enabled constraints (one, several, ALL), index options and columnstore
// indexes, ALTER INDEX … REBUILD.
func TestReadSQLServerAttributes(t *testing.T) {
	const create = `CREATE TABLE dbo.t (
  id int IDENTITY(1,1) NOT FOR REPLICATION NOT NULL,
  p int NOT NULL,
  k nvarchar(10) NOT NULL,
  CONSTRAINT pk_t PRIMARY KEY CLUSTERED (p ASC, id DESC) WITH (FILLFACTOR = 90) ON [PRIMARY],
  CONSTRAINT uq_t UNIQUE NONCLUSTERED (k DESC),
  CONSTRAINT ck_a CHECK NOT FOR REPLICATION (id > 0)
);
CREATE TABLE dbo.p (id int NOT NULL PRIMARY KEY);
GO
ALTER TABLE dbo.t WITH NOCHECK ADD CONSTRAINT ck_b CHECK (k <> '');
ALTER TABLE dbo.t WITH NOCHECK ADD CONSTRAINT fk_p FOREIGN KEY (p) REFERENCES dbo.p (id) NOT FOR REPLICATION;
CREATE NONCLUSTERED INDEX ix_k ON dbo.t (k) WITH (PAD_INDEX = ON, FILLFACTOR = 70, ONLINE = ON, DATA_COMPRESSION = ROW);
CREATE NONCLUSTERED COLUMNSTORE INDEX cs ON dbo.t (p, k);
GO
`
	state := func(nocheck, disabled, nfr bool) schema.ConstraintState {
		return schema.ConstraintState{NoCheck: nocheck, Disabled: disabled, NotForReplication: nfr}
	}
	base := func() *schema.Table {
		return &schema.Table{Schema: "dbo", Name: "t",
			Columns: []*schema.Column{
				{Name: "id", Type: "int", Identity: &schema.Identity{Seed: 1, Increment: 1, NotForReplication: true}},
				{Name: "p", Type: "int"},
				{Name: "k", Type: "nvarchar(10)"},
			},
			PrimaryKey:  &schema.PrimaryKey{Name: "pk_t", Columns: []string{"p", "id"}, Desc: []string{"id"}, Clustered: ptr(true)},
			Uniques:     []*schema.Unique{{Name: "uq_t", Columns: []string{"k"}, Desc: []string{"k"}, Clustered: ptr(false)}},
			Checks:      []*schema.Check{{Name: "ck_a", Expr: "id > 0", ConstraintState: state(false, false, true)}, {Name: "ck_b", Expr: "k <> ''", ConstraintState: state(true, false, false)}},
			ForeignKeys: []*schema.ForeignKey{{Name: "fk_p", Columns: []string{"p"}, RefSchema: "dbo", RefTable: "p", RefColumns: []string{"id"}, ConstraintState: state(true, false, true)}},
			Indexes: []*schema.Index{
				{Name: "ix_k", Clustered: ptr(false), Parts: []schema.IndexPart{{Column: "k"}}, PadIndex: true, FillFactor: 70, DataCompression: "ROW"},
				{Name: "cs", Clustered: ptr(false), Columnstore: true, Parts: []schema.IndexPart{{Column: "p"}, {Column: "k"}}},
			},
		}
	}
	tests := []struct {
		name  string
		then  string
		apply func(t *schema.Table)
	}{
		{name: "as created", apply: func(*schema.Table) {}},
		{
			name: "one constraint disabled",
			then: "ALTER TABLE dbo.t NOCHECK CONSTRAINT ck_a;",
			apply: func(t *schema.Table) {
				t.Checks[0].ConstraintState = state(true, true, true)
			},
		},
		{
			name: "all disabled, then all enabled without checking, then one trusted",
			then: "ALTER TABLE dbo.t NOCHECK CONSTRAINT ALL;\nALTER TABLE dbo.t CHECK CONSTRAINT ALL;\nALTER TABLE dbo.t WITH CHECK CHECK CONSTRAINT fk_p, ck_b;",
			apply: func(t *schema.Table) {
				t.Checks[0].ConstraintState = state(true, false, true)
				t.Checks[1].ConstraintState = state(false, false, false)
				t.ForeignKeys[0].ConstraintState = state(false, false, true)
			},
		},
		{
			name: "identity NOT FOR REPLICATION turned off",
			then: "DECLARE @t int = OBJECT_ID(N'dbo.t');\nEXEC sp_identitycolumnforreplication @object_id = @t, @value = 0;",
			apply: func(t *schema.Table) {
				t.Columns[0].Identity.NotForReplication = false
			},
		},
		{
			name: "rebuilt with other options",
			then: "ALTER INDEX ix_k ON dbo.t REBUILD WITH (FILLFACTOR = 100, DATA_COMPRESSION = PAGE);\nALTER INDEX ALL ON dbo.t REBUILD WITH (PAD_INDEX = OFF);\nALTER INDEX ix_k ON dbo.t REORGANIZE;\nALTER INDEX ix_k ON dbo.t SET (ALLOW_PAGE_LOCKS = ON);\nALTER INDEX pk_t ON dbo.t REBUILD WITH (FILLFACTOR = 70);",
			apply: func(t *schema.Table) {
				x := t.Indexes[0]
				x.FillFactor, x.DataCompression, x.PadIndex = 100, "PAGE", false
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, fs := applySQL(schema.SQLServer, create+tt.then)
			if len(fs) > 0 {
				t.Fatalf("unexpected findings: %+v", fs)
			}
			want := base()
			tt.apply(want)
			if diff := cmp.Diff(want, db.Table(schema.QName{Schema: "dbo", Name: "t"}), cmpopts.IgnoreTypes(schema.Pos{}), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("table (-want +got):\n%s", diff)
			}
		})
	}
}
