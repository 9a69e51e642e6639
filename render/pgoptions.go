package render

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// pgOnlyChange renders the changes only PostgreSQL has: AlterTableOptions
// and CommentEnum. d must be PostgreSQL: SQL Server schemas cannot hold
// them (schema files are refused, introspection never sets them).
func pgOnlyChange(d dialect, c *diff.Change) ([]string, error) {
	if _, ok := d.(postgresDialect); !ok {
		return nil, fmt.Errorf("%s is PostgreSQL only", c.Kind)
	}
	switch c.Kind {
	case diff.CommentEnum:
		if c.Enum == nil {
			return nil, errMissing("enum")
		}
		return []string{"COMMENT ON TYPE " + pgQName(c.Enum.Schema, c.Enum.Name) + " IS " + pgComment(c.Comment)}, nil
	default:
		if c.Options == nil || c.OldOptions == nil {
			return nil, errMissing("table options")
		}
		return pgTableOptions(c.Table, *c.OldOptions, *c.Options), nil
	}
}

// pgTableOptions renders the ALTER TABLE statements that turn the options
// old of table t into opts (ALTER TABLE, PostgreSQL 15): persistence,
// storage parameters reset and set, replica identity.
func pgTableOptions(t schema.QName, old, opts schema.TableOptions) []string {
	prefix := pgAlterTable(t)
	var out []string
	if old.Unlogged != opts.Unlogged {
		if opts.Unlogged {
			out = append(out, prefix+" SET UNLOGGED")
		} else {
			out = append(out, prefix+" SET LOGGED")
		}
	}
	var reset, set []string
	for _, p := range old.StorageParameters {
		name := schema.StorageParameterName(p)
		if !slices.ContainsFunc(opts.StorageParameters, func(q string) bool { return schema.StorageParameterName(q) == name }) {
			reset = append(reset, name)
		}
	}
	for _, p := range opts.StorageParameters {
		if !slices.Contains(old.StorageParameters, p) {
			name, value, _ := strings.Cut(p, "=")
			set = append(set, name+" = "+value)
		}
	}
	if len(reset) > 0 {
		out = append(out, prefix+" RESET ("+strings.Join(reset, ", ")+")")
	}
	if len(set) > 0 {
		out = append(out, prefix+" SET ("+strings.Join(set, ", ")+")")
	}
	if old.ReplicaIdentity != opts.ReplicaIdentity || old.ReplicaIdentityIndex != opts.ReplicaIdentityIndex {
		switch opts.ReplicaIdentity {
		case "":
			out = append(out, prefix+" REPLICA IDENTITY DEFAULT")
		case "index":
			out = append(out, prefix+" REPLICA IDENTITY USING INDEX "+pgIdent(opts.ReplicaIdentityIndex))
		default:
			out = append(out, prefix+" REPLICA IDENTITY "+strings.ToUpper(opts.ReplicaIdentity))
		}
	}
	return out
}

// pgColumnStorage renders the SET STORAGE and SET COMPRESSION an
// AlterColumn makes (prefix is its ALTER TABLE … ALTER COLUMN). A storage
// left to the type's default is set to that default (TypeStorage), and a
// compression left out to the server's default.
func pgColumnStorage(prefix string, col *schema.Column, a diff.ColumnAlter) []string {
	var out []string
	if a.Storage {
		out = append(out, prefix+" SET STORAGE "+strings.ToUpper(cmp.Or(col.Storage, schema.TypeStorage(col.Type))))
	}
	if a.Compression {
		out = append(out, prefix+" SET COMPRESSION "+cmp.Or(col.Compression, "default"))
	}
	return out
}

// describeTableOptions describes an AlterTableOptions, e.g. "set unlogged,
// storage parameters fillfactor=70, replica identity full on public.t".
func describeTableOptions(c *diff.Change) string {
	var parts []string
	if c.Options != nil && c.OldOptions != nil {
		old, opts := c.OldOptions, c.Options
		if old.Unlogged != opts.Unlogged {
			parts = append(parts, map[bool]string{true: "set unlogged", false: "set logged"}[opts.Unlogged])
		}
		if !slices.Equal(old.StorageParameters, opts.StorageParameters) {
			parts = append(parts, "storage parameters ("+strings.Join(old.StorageParameters, ", ")+") → ("+strings.Join(opts.StorageParameters, ", ")+")")
		}
		if old.ReplicaIdentity != opts.ReplicaIdentity || old.ReplicaIdentityIndex != opts.ReplicaIdentityIndex {
			ri := cmp.Or(opts.ReplicaIdentity, "default")
			if ri == "index" {
				ri = "using index " + opts.ReplicaIdentityIndex
			}
			parts = append(parts, "replica identity "+ri)
		}
	}
	return "alter table " + c.Table.String() + ": " + strings.Join(parts, ", ")
}

// storageParts lists the storage and compression changes of an AlterColumn.
func storageParts(old, col *schema.Column, a diff.ColumnAlter) []string {
	var parts []string
	if a.Storage {
		parts = append(parts, "storage "+cmp.Or(old.Storage, "default")+" → "+cmp.Or(col.Storage, "default"))
	}
	if a.Compression {
		parts = append(parts, "compression "+cmp.Or(old.Compression, "default")+" → "+cmp.Or(col.Compression, "default"))
	}
	return parts
}
