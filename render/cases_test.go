package render

import (
	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// hostile is a schema and column name that would inject SQL if it were not quoted.
const hostile = `Robert'); DROP TABLE students;--`

// hostileDefault is a string default that would inject SQL if it were not escaped.
const hostileDefault = `\'); DROP TABLE students; --`

// goldenCase is one plan whose rendering is kept in testdata/<name>.sql.
type goldenCase struct {
	name string
	plan *diff.Plan
}

// Small constructors that keep the hand-built plans readable.
func qn(s, n string) schema.QName  { return schema.QName{Schema: s, Name: n} }
func str(v string) *schema.Default { return &schema.Default{Kind: schema.DefaultString, Value: v} }
func num(v string) *schema.Default { return &schema.Default{Kind: schema.DefaultNumber, Value: v} }
func sqlExpr(v string) *schema.Default {
	return &schema.Default{Kind: schema.DefaultExpr, Value: v}
}
func boolean(v string) *schema.Default { return &schema.Default{Kind: schema.DefaultBool, Value: v} }
func pg(changes ...*diff.Change) *diff.Plan {
	return &diff.Plan{Dialect: schema.Postgres, Changes: changes}
}
func hz(code string, sev diff.Severity, msg string) []diff.Hazard {
	return []diff.Hazard{{Code: code, Severity: sev, Message: msg}}
}

// alter builds an AlterColumn change of table t.
func alter(t schema.QName, old, col *schema.Column, a diff.ColumnAlter) *diff.Change {
	return &diff.Change{Kind: diff.AlterColumn, Table: t, OldColumn: old, Column: col, Alter: a}
}

var (
	users   = qn("public", "users")
	tenants = qn("public", "tenants")
	legacy  = qn("public", "legacy")
	events  = qn("audit", "events")
	odd     = qn(hostile, `a"b`)
)

// levelEnum is audit.level before it is recreated.
func levelEnum() *schema.Enum {
	return &schema.Enum{Schema: "audit", Name: "level", Values: []string{"low", "medium", "high"}}
}

// goldenCases is a sequence of plans: each applies to the database the ones
// before it produced, so the PostgreSQL test runs them in order on one
// database. Together they use every Kind and every column attribute.
func goldenCases() []goldenCase {
	return []goldenCase{
		{"01_create_everything", pg(
			&diff.Change{Kind: diff.CreateSchema, Schema: &schema.Schema{Name: "audit"}},
			&diff.Change{Kind: diff.CommentSchema, Schema: &schema.Schema{Name: "audit", Comment: "Audit trail; it's kept 90 days"}},
			&diff.Change{Kind: diff.CreateSchema, Schema: &schema.Schema{Name: hostile}},
			&diff.Change{Kind: diff.CreateEnum, Enum: &schema.Enum{Schema: "public", Name: "user_role", Values: []string{"viewer", "editor", "admin"}}},
			&diff.Change{Kind: diff.CreateEnum, Enum: levelEnum()},
			&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{
				Schema: "public", Name: "tenants",
				Columns: []*schema.Column{
					{Name: "id", Type: "uuid", Default: sqlExpr("gen_random_uuid()")},
					{Name: "name", Type: "text"},
				},
				PrimaryKey: &schema.PrimaryKey{Name: "tenants_pkey", Columns: []string{"id"}},
			}},
			&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{
				Schema: "public", Name: "users",
				Columns: []*schema.Column{
					{Name: "id", Type: "bigint", Identity: &schema.Identity{Always: true, Seed: 1, Increment: 1}},
					{Name: "counter", Type: "integer", Identity: &schema.Identity{Seed: 100, Increment: 5}},
					{Name: "tenant_id", Type: "uuid"},
					{Name: "email", Type: "character varying(255)", Collation: "C"},
					{Name: "status", Type: "character varying(20)", Default: str("active")},
					{Name: "role", Type: "public.user_role", Default: str("viewer")},
					{Name: "roles", Type: "public.user_role[]", Null: true},
					{Name: "score", Type: "numeric(10,2)", Default: num("-1.5")},
					{Name: "is_deleted", Type: "boolean", Default: boolean("false")},
					{Name: "created_at", Type: "timestamp with time zone", Default: sqlExpr("now()")},
					{Name: "email_lower", Type: "text", Null: true, Computed: &schema.Computed{Expr: "lower((email)::text)", Persisted: true}},
					{Name: "note", Type: "text", Null: true, Default: str(`it's a "quote" \ backslash`)},
					{Name: "legacy_ref", Type: "integer", Default: num("0")},
					{Name: "seq_no", Type: "integer"},
				},
				PrimaryKey: &schema.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}},
				Uniques:    []*schema.Unique{{Name: "users_tenant_id_email_key", Columns: []string{"tenant_id", "email"}}},
				Checks:     []*schema.Check{{Name: "users_status_check", Expr: "status IN ('active', 'invited')"}},
			}},
			&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{
				Schema: "public", Name: "legacy",
				Columns: []*schema.Column{
					{Name: "id", Type: "serial"},
					{Name: "code", Type: "smallserial"},
					{Name: "big", Type: "bigint", Null: true},
				},
				PrimaryKey: &schema.PrimaryKey{Name: "legacy_pkey", Columns: []string{"id"}},
			}},
			&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{
				Schema: hostile, Name: `a"b`,
				Columns: []*schema.Column{
					{Name: hostile, Type: "text", Default: str(hostileDefault)},
					{Name: `x"y`, Type: "integer", Null: true},
				},
				Checks: []*schema.Check{{Name: `c"k`, Expr: `"x""y" > 0`}},
			}},
			&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{
				Schema: "audit", Name: "events",
				Columns: []*schema.Column{
					{Name: "id", Type: "bigserial"},
					{Name: "level", Type: "audit.level", Default: str("low")},
					{Name: "levels", Type: "audit.level[]", Null: true},
					{Name: "payload", Type: "jsonb", Null: true},
					{Name: "user_id", Type: "bigint", Null: true},
				},
				PrimaryKey: &schema.PrimaryKey{Name: "events_pkey", Columns: []string{"id"}},
			}},
			&diff.Change{Kind: diff.CommentTable, Table: users, Comment: "People who log in"},
			&diff.Change{Kind: diff.CommentColumn, Table: users, Column: &schema.Column{Name: "email"}, Comment: "Login; unique per tenant, 'case sensitive'"},
			&diff.Change{Kind: diff.AddForeignKey, Table: users, ForeignKey: &schema.ForeignKey{
				Name: "users_tenant_id_fkey", Columns: []string{"tenant_id"}, RefSchema: "public", RefTable: "tenants", RefColumns: []string{"id"},
				OnDelete: "CASCADE", OnUpdate: "NO ACTION", Deferrable: true, InitiallyDeferred: true,
			}},
			&diff.Change{Kind: diff.AddForeignKey, Table: events, ForeignKey: &schema.ForeignKey{
				Name: "events_user_id_fkey", Columns: []string{"user_id"}, RefSchema: "public", RefTable: "users", RefColumns: []string{"id"},
				OnDelete: "SET NULL", OnUpdate: "RESTRICT",
			}},
			&diff.Change{Kind: diff.CreateIndex, Table: users, Index: &schema.Index{
				Name: "users_email_lower_idx", Unique: true, Parts: []schema.IndexPart{{Expr: "lower((email)::text)"}},
				Include: []string{"status"}, Where: "is_deleted = false",
			}},
			&diff.Change{Kind: diff.CreateIndex, Table: users, Index: &schema.Index{
				Name: "users_tenant_created_idx", Parts: []schema.IndexPart{{Column: "tenant_id"}, {Column: "created_at", Desc: true, Nulls: "last"}},
			}},
			&diff.Change{Kind: diff.CreateIndex, Table: events, Index: &schema.Index{
				Name: "events_payload_idx", Using: "gin", Parts: []schema.IndexPart{{Column: "payload"}},
			}},
			&diff.Change{Kind: diff.CreateIndex, Table: odd, Index: &schema.Index{
				Name: `i"dx`, Parts: []schema.IndexPart{{Column: `x"y`, Nulls: "first"}},
			}},
		)},
		{"02_alter_columns", pg(
			alter(users,
				&schema.Column{Name: "email_lower", Type: "text", Null: true, Computed: &schema.Computed{Expr: "lower((email)::text)", Persisted: true}},
				&schema.Column{Name: "email_lower", Type: "text", Null: true},
				diff.ColumnAlter{Computed: true}),
			alter(users,
				&schema.Column{Name: "email", Type: "character varying(255)", Collation: "C"},
				&schema.Column{Name: "email", Type: "text", Null: true},
				diff.ColumnAlter{Type: true, Collation: true, Null: true}),
			alter(users,
				&schema.Column{Name: "role", Type: "public.user_role", Default: str("viewer")},
				&schema.Column{Name: "role", Type: "text", Default: str("viewer")},
				diff.ColumnAlter{Type: true}),
			alter(users,
				&schema.Column{Name: "status", Type: "character varying(20)", Default: str("active")},
				&schema.Column{Name: "status", Type: "character varying(20)", Default: str("invited")},
				diff.ColumnAlter{Default: true}),
			&diff.Change{Kind: diff.AlterColumn, Table: users,
				OldColumn: &schema.Column{Name: "score", Type: "numeric(10,2)", Default: num("-1.5")},
				Column:    &schema.Column{Name: "score", Type: "numeric(12,2)"},
				Alter:     diff.ColumnAlter{Type: true, Default: true},
				Hazards:   hz(diff.HazardTableRewrite, diff.Warning, "changing the type of public.users.score rewrites the table under an ACCESS EXCLUSIVE lock")},
			alter(users,
				&schema.Column{Name: "note", Type: "text", Null: true, Default: str(`it's a "quote" \ backslash`)},
				&schema.Column{Name: "note", Type: "text", Default: sqlExpr("'n/a'::text")},
				diff.ColumnAlter{Null: true, Default: true}),
			alter(users,
				&schema.Column{Name: "counter", Type: "integer", Identity: &schema.Identity{Seed: 100, Increment: 5}},
				&schema.Column{Name: "counter", Type: "integer", Identity: &schema.Identity{Always: true, Seed: 1, Increment: 1}},
				diff.ColumnAlter{Identity: true}),
			alter(users,
				&schema.Column{Name: "id", Type: "bigint", Identity: &schema.Identity{Always: true, Seed: 1, Increment: 1}},
				&schema.Column{Name: "id", Type: "bigint"},
				diff.ColumnAlter{Identity: true}),
			alter(users,
				&schema.Column{Name: "seq_no", Type: "integer"},
				&schema.Column{Name: "seq_no", Type: "integer", Identity: &schema.Identity{Seed: 10, Increment: 1}},
				diff.ColumnAlter{Identity: true}),
			alter(users,
				&schema.Column{Name: "legacy_ref", Type: "integer", Default: num("0")},
				&schema.Column{Name: "legacy_ref", Type: "bigserial"},
				diff.ColumnAlter{Type: true, Default: true}),
			alter(legacy,
				&schema.Column{Name: "id", Type: "serial"},
				&schema.Column{Name: "id", Type: "integer"},
				diff.ColumnAlter{Type: true}),
			alter(legacy,
				&schema.Column{Name: "code", Type: "smallserial"},
				&schema.Column{Name: "code", Type: "bigserial"},
				diff.ColumnAlter{Type: true}),
			alter(legacy,
				&schema.Column{Name: "big", Type: "bigint", Null: true},
				&schema.Column{Name: "big", Type: "bigint", Null: true, Computed: &schema.Computed{Expr: "code * 2", Persisted: true}},
				diff.ColumnAlter{Computed: true}),
			&diff.Change{Kind: diff.AddColumn, Table: users, Column: &schema.Column{Name: "nickname", Type: "character varying(50)", Null: true}},
			&diff.Change{Kind: diff.AddColumn, Table: users, Column: &schema.Column{Name: "plan", Type: "text", Default: str("free")}},
			&diff.Change{Kind: diff.AddColumn, Table: legacy, Column: &schema.Column{Name: "serial_no", Type: "bigserial"}},
			&diff.Change{Kind: diff.DropColumn, Table: users, Column: &schema.Column{Name: "roles", Type: "public.user_role[]", Null: true},
				Hazards: hz(diff.HazardDropColumn, diff.Error, "dropping public.users.roles loses its values")},
			&diff.Change{Kind: diff.RenameColumn, Table: users, OldColumn: &schema.Column{Name: "created_at"},
				Column: &schema.Column{Name: "inserted_at", Type: "timestamp with time zone", Default: sqlExpr("now()")}},
		)},
		{"03_constraints_indexes_enums", pg(
			&diff.Change{Kind: diff.AddEnumValue, Enum: &schema.Enum{Schema: "public", Name: "user_role", Values: []string{"viewer", "editor", "owner", "admin"}},
				Value: "owner", ValueBefore: "admin"},
			&diff.Change{Kind: diff.AddEnumValue, Enum: &schema.Enum{Schema: "public", Name: "user_role", Values: []string{"viewer", "editor", "owner", "admin", "it's"}},
				Value: "it's"},
			&diff.Change{Kind: diff.RecreateEnum, OldEnum: levelEnum(),
				Enum: &schema.Enum{Schema: "audit", Name: "level", Values: []string{"high", "low"}},
				Uses: []diff.ColumnRef{
					{Table: events, Column: &schema.Column{Name: "level", Type: "audit.level", Default: str("low")}, RestoreDefault: true},
					{Table: events, Column: &schema.Column{Name: "levels", Type: "audit.level[]", Null: true}},
				},
				Hazards: hz(diff.HazardDropEnumValue, diff.Warning, "value 'medium' is removed from audit.level: rows holding it make the change fail")},
			&diff.Change{Kind: diff.DropIndex, Table: users, Index: &schema.Index{Name: "users_tenant_created_idx", Parts: []schema.IndexPart{{Column: "tenant_id"}}}},
			&diff.Change{Kind: diff.CreateIndex, Table: users, Concurrently: true, Index: &schema.Index{
				Name: "users_inserted_at_idx", Parts: []schema.IndexPart{{Column: "inserted_at", Desc: true}}}},
			&diff.Change{Kind: diff.DropIndex, Table: events, Concurrently: true, Index: &schema.Index{Name: "events_payload_idx", Using: "gin", Parts: []schema.IndexPart{{Column: "payload"}}}},
			&diff.Change{Kind: diff.DropForeignKey, Table: events, ForeignKey: &schema.ForeignKey{
				Name: "events_user_id_fkey", Columns: []string{"user_id"}, RefSchema: "public", RefTable: "users", RefColumns: []string{"id"}}},
			&diff.Change{Kind: diff.DropPrimaryKey, Table: users, PrimaryKey: &schema.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}}},
			&diff.Change{Kind: diff.AddPrimaryKey, Table: users, PrimaryKey: &schema.PrimaryKey{Name: "users_pkey", Columns: []string{"id", "tenant_id"}}},
			&diff.Change{Kind: diff.AddUnique, Table: users, Unique: &schema.Unique{Name: "users_nickname_key", Columns: []string{"nickname"}},
				Hazards: hz(diff.HazardUniqueMayFail, diff.Warning, "the new unique constraint fails if public.users holds duplicate rows")},
			&diff.Change{Kind: diff.DropUnique, Table: users, Unique: &schema.Unique{Name: "users_tenant_id_email_key", Columns: []string{"tenant_id", "email"}}},
			&diff.Change{Kind: diff.AddCheck, Table: users, Check: &schema.Check{Name: "users_score_check", Expr: "score >= 0"}},
			&diff.Change{Kind: diff.DropCheck, Table: users, Check: &schema.Check{Name: "users_status_check", Expr: "status IN ('active', 'invited')"}},
			&diff.Change{Kind: diff.AddForeignKey, Table: users, ForeignKey: &schema.ForeignKey{
				Name: "users_tenant_fkey", Columns: []string{"tenant_id"}, RefSchema: "public", RefTable: "tenants", RefColumns: []string{"id"},
				OnDelete: "no  action", OnUpdate: "cascade"}},
			&diff.Change{Kind: diff.DropForeignKey, Table: users, ForeignKey: &schema.ForeignKey{Name: "users_tenant_id_fkey"}},
			&diff.Change{Kind: diff.RenameTable, OldName: legacy, Table: qn("audit", "legacy_things")},
			&diff.Change{Kind: diff.RenameTable, OldName: events, Table: qn("audit", "event_log")},
			&diff.Change{Kind: diff.CommentTable, Table: users, OldComment: "People who log in"},
			&diff.Change{Kind: diff.CommentColumn, Table: users, Column: &schema.Column{Name: "email"}, OldComment: "Login; unique per tenant, 'case sensitive'"},
			&diff.Change{Kind: diff.CommentSchema, Schema: &schema.Schema{Name: "audit"}, OldComment: "Audit trail; it's kept 90 days"},
			alter(users,
				&schema.Column{Name: "role", Type: "text", Default: str("viewer")},
				&schema.Column{Name: "role", Type: "public.user_role", Default: str("viewer")},
				diff.ColumnAlter{Type: true}),
			alter(users,
				&schema.Column{Name: "status", Type: "character varying(20)", Default: str("invited")},
				&schema.Column{Name: "status", Type: "character varying(20)", Default: str("invited"), Collation: "C"},
				diff.ColumnAlter{Collation: true}),
		)},
		{"04_drops", pg(
			&diff.Change{Kind: diff.DropTable, TableDef: &schema.Table{Schema: "audit", Name: "legacy_things"},
				Hazards: hz(diff.HazardDropTable, diff.Error, "dropping audit.legacy_things loses its rows")},
			&diff.Change{Kind: diff.DropTable, TableDef: &schema.Table{Schema: "audit", Name: "event_log"},
				Hazards: hz(diff.HazardDropTable, diff.Error, "dropping audit.event_log loses its rows")},
			&diff.Change{Kind: diff.DropEnum, Enum: &schema.Enum{Schema: "audit", Name: "level", Values: []string{"high", "low"}}},
			&diff.Change{Kind: diff.DropTable, TableDef: &schema.Table{Schema: hostile, Name: `a"b`}},
			&diff.Change{Kind: diff.DropSchema, Schema: &schema.Schema{Name: hostile}},
			&diff.Change{Kind: diff.DropSchema, Schema: &schema.Schema{Name: "audit"},
				Hazards: hz(diff.HazardDropSchema, diff.Info, "schema audit is dropped")},
		)},
		// Objects that only change name are renamed in place.
		{"05_renames", pg(
			&diff.Change{Kind: diff.RenameTable, OldName: tenants, Table: qn("public", "orgs")},
			&diff.Change{Kind: diff.RenameConstraint, Table: users, RenamedFrom: "users_pkey",
				PrimaryKey: &schema.PrimaryKey{Name: "users_id_tenant_pkey", Columns: []string{"id", "tenant_id"}}},
			&diff.Change{Kind: diff.RenameConstraint, Table: users, RenamedFrom: "users_nickname_key",
				Unique: &schema.Unique{Name: "users_nick_key", Columns: []string{"nickname"}}},
			&diff.Change{Kind: diff.RenameConstraint, Table: users, RenamedFrom: "users_score_check",
				Check: &schema.Check{Name: "users_score_nonnegative", Expr: "score >= 0"}},
			&diff.Change{Kind: diff.RenameConstraint, Table: users, RenamedFrom: "users_tenant_fkey",
				ForeignKey: &schema.ForeignKey{Name: "users_org_fkey", Columns: []string{"tenant_id"}, RefSchema: "public", RefTable: "orgs", RefColumns: []string{"id"}}},
			&diff.Change{Kind: diff.RenameIndex, Table: users, RenamedFrom: "users_inserted_at_idx",
				Index: &schema.Index{Name: "users_inserted_idx", Parts: []schema.IndexPart{{Column: "inserted_at", Desc: true}}}},
		)},
		// Functions and triggers: a body holding the default dollar tag, a
		// name that needs quoting, every option; replaced, commented, dropped.
		{"06_functions", pg(
			&diff.Change{Kind: diff.CreateFunction, Function: weirdFunction("SELECT $function$a$function$ || x")},
			&diff.Change{Kind: diff.ReplaceFunction, Function: weirdFunction("SELECT x || 'b'"), OldFunction: weirdFunction("SELECT $function$a$function$ || x")},
			&diff.Change{Kind: diff.CommentFunction, Function: weirdFunction(""), Comment: "it's odd"},
			&diff.Change{Kind: diff.CreateFunction, Function: touchFunction()},
			&diff.Change{Kind: diff.CreateFunction, Function: &schema.Function{Schema: "public", Name: "archive", Procedure: true,
				Args: []*schema.FunctionArg{{Name: "keep", Type: "integer", Mode: "inout"}}, Language: "plpgsql",
				Body: "BEGIN keep := keep + 1; END", SecurityDefiner: true}},
			&diff.Change{Kind: diff.CreateTrigger, Table: users, Trigger: usersTrigger("")},
			&diff.Change{Kind: diff.ReplaceTrigger, Table: users, Trigger: usersTrigger("disabled"), OldTrigger: usersTrigger("")},
			&diff.Change{Kind: diff.CommentTrigger, Table: users, Trigger: usersTrigger("disabled"), Comment: "stamps rows"},
			&diff.Change{Kind: diff.DropTrigger, Table: users, Trigger: usersTrigger("disabled")},
			&diff.Change{Kind: diff.DropFunction, Function: touchFunction()},
			&diff.Change{Kind: diff.DropFunction, Function: &schema.Function{Schema: "public", Name: "archive", Procedure: true,
				Args: []*schema.FunctionArg{{Name: "keep", Type: "integer", Mode: "inout"}}}},
			&diff.Change{Kind: diff.DropFunction, Function: weirdFunction("")},
		)},
	}
}

// weirdFunction is a function whose name needs quoting, with every option.
func weirdFunction(body string) *schema.Function {
	return &schema.Function{Schema: "public", Name: `we"ird fn`, Args: []*schema.FunctionArg{
		{Name: "x", Type: "text"}, {Name: "n", Type: "integer", Default: "1"}}, Returns: "text", Language: "sql",
		Body: body, Volatility: "stable", Strict: true, Leakproof: true, Parallel: "safe", Cost: 10,
		Set: []string{"search_path=public, pg_temp", "work_mem=64MB"}}
}

// touchFunction is a trigger function.
func touchFunction() *schema.Function {
	return &schema.Function{Schema: "public", Name: "touch", Returns: "trigger", Language: "plpgsql", Body: "BEGIN RETURN NEW; END"}
}

// usersTrigger is a row trigger on public.users with UPDATE OF, WHEN and arguments.
func usersTrigger(enabled string) *schema.Trigger {
	return &schema.Trigger{Schema: "public", Table: "users", Name: "users_touch", Timing: "before",
		Events: []string{"insert", "update"}, UpdateOf: []string{"nickname"}, ForEachRow: true,
		When: "new.nickname <> ''", Function: "public.touch", Args: []string{"it's", "2"}, Enabled: enabled}
}
