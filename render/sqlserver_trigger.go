package render

import (
	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// triggerChange renders CreateTrigger and ReplaceTrigger as CREATE OR
// ALTER TRIGGER from the module text, then DISABLE TRIGGER … ON for a
// disabled one (CREATE OR ALTER enables a disabled trigger: "DISABLE
// TRIGGER (Transact-SQL)", Remarks; ALTER TABLE … DISABLE TRIGGER would not
// take a view), and DropTrigger as DROP TRIGGER. A
// DML trigger is named with its schema, the schema of its table ("DROP
// TRIGGER (Transact-SQL)"). A trigger that moves to another table is
// dropped first.
func (sqlserverDialect) triggerChange(c *diff.Change) ([]string, error) {
	t := c.Trigger
	if t == nil || t.Name == "" || t.Table == "" {
		return nil, errMissing("trigger")
	}
	name := schema.QName{Schema: t.Schema, Name: t.Name}
	if c.Kind == diff.DropTrigger {
		return []string{msDropModule(schema.ModuleTrigger, name)}, nil
	}
	stmts, err := msModule(schema.ModuleTrigger, name, t.Source.Or(t.Body), t.Settings)
	if err != nil {
		return nil, err
	}
	old := c.OldTrigger
	if c.Kind == diff.ReplaceTrigger && old != nil && old.TableQName() != t.TableQName() {
		stmts = append([]string{msDropModule(schema.ModuleTrigger, schema.QName{Schema: old.Schema, Name: old.Name})}, stmts...)
	}
	if t.Enabled == "disabled" {
		stmts = append(stmts, "DISABLE TRIGGER "+msQName(name)+" ON "+msQName(t.TableQName()))
	}
	return stmts, nil
}
