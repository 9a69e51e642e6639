package introspect

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/schemadiff/schemadiff/schema"
)

// attrsWant is attrs.json as read: every SQL Server attribute of keys,
// constraints and indexes the model holds, and a warning for the options of
// a primary key, which it does not.
func attrsWant() *schema.Database {
	state := func(nocheck, disabled, nfr bool) schema.ConstraintState {
		return schema.ConstraintState{NoCheck: nocheck, Disabled: disabled, NotForReplication: nfr}
	}
	return &schema.Database{
		Dialect: schema.SQLServer,
		Schemas: []*schema.Schema{{Name: "dbo"}},
		Tables: []*schema.Table{
			{
				Schema: "dbo", Name: "events",
				Columns: []*schema.Column{
					msCol("id", "bigint", func(c *schema.Column) {
						c.Identity = &schema.Identity{Seed: 1, Increment: 1, NotForReplication: true}
					}),
					msCol("tenant_id", "int"),
					msCol("occurred_at", "datetime2"),
					msCol("kind", "nvarchar(20)"),
					msCol("amount", "decimal(18,2)"),
				},
				PrimaryKey: &schema.PrimaryKey{Name: "pk_events", Columns: []string{"tenant_id", "occurred_at", "id"}, Desc: []string{"occurred_at"}, Clustered: msBool(true)},
				Uniques:    []*schema.Unique{{Name: "uq_events_kind", Columns: []string{"kind", "id"}, Desc: []string{"kind"}, Clustered: msBool(false)}},
				ForeignKeys: []*schema.ForeignKey{{Name: "fk_events_tenant", Columns: []string{"tenant_id"}, RefSchema: "dbo", RefTable: "tenants", RefColumns: []string{"id"},
					OnDelete: "NO ACTION", OnUpdate: "NO ACTION", ConstraintState: state(true, false, false)}},
				Checks: []*schema.Check{
					{Name: "ck_events_amount", Expr: "([amount]>=(0))", ConstraintState: state(true, false, true)}, // is_not_trusted: always, with NOT FOR REPLICATION
					{Name: "ck_events_kind", Expr: "([kind]<>'')", ConstraintState: state(true, false, false)},
					{Name: "ck_events_recent", Expr: "([occurred_at]>'2000-01-01')", ConstraintState: state(true, true, false)},
				},
				Indexes: []*schema.Index{
					{Name: "ix_events_kind", Parts: msParts("kind"), Clustered: msBool(false), FillFactor: 80, PadIndex: true, DataCompression: "PAGE"},
					{Name: "ix_events_tenant_kind", Unique: true, Parts: msParts("tenant_id", "kind", "id"), Clustered: msBool(false), IgnoreDupKey: true, DataCompression: "ROW"},
					{Name: "ncci_events", Parts: msParts("tenant_id", "amount"), Clustered: msBool(false), Columnstore: true, DataCompression: "COLUMNSTORE"},
				},
			},
			{
				Schema: "dbo", Name: "facts",
				Columns: []*schema.Column{msCol("day", "date"), msCol("value", "bigint")},
				Indexes: []*schema.Index{{Name: "cci_facts", Clustered: msBool(true), Columnstore: true, DataCompression: "COLUMNSTORE_ARCHIVE"}},
			},
			{
				Schema: "dbo", Name: "tenants",
				Columns:    []*schema.Column{msCol("id", "int")},
				PrimaryKey: &schema.PrimaryKey{Name: "pk_tenants", Columns: []string{"id"}, Clustered: msBool(true)},
			},
		},
		Warnings: []schema.Warning{{Object: "dbo.tenants.pk_tenants",
			Message: "constraint index options FILLFACTOR = 90: not read (the model holds index options on indexes only), so they are neither compared nor kept when the constraint is recreated"}},
	}
}

// TestSQLServerAttributes: the attributes of attrs.json read as attrsWant,
// and the database compares equal to testdata/examples/sqlserver/attrs.hcl,
// the schema file describing it: no change.
func TestSQLServerAttributes(t *testing.T) {
	got, err := inspectRecording(t, "attrs", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(normalized(t, attrsWant()), got, ignorePos); diff != "" {
		t.Errorf("inspected model (-want +got):\n%s", diff)
	}
	loaded, err := schema.Load(schema.LoadOptions{Dialect: schema.SQLServer}, filepath.Join("..", "testdata", "examples", "sqlserver", "attrs.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	file := normalized(t, loaded)
	got.Warnings = nil                                                       // a schema file has none
	implied := cmpopts.IgnoreFields(schema.PrimaryKey{}, "ClusteredImplied") // how the file got it, not what it is
	if diff := cmp.Diff(file, got, ignorePos, ignoreSystemNames, implied); diff != "" {
		t.Errorf("attrs.hcl (-) vs the database (+):\n%s", diff)
	}
}
