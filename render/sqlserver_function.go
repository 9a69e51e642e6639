package render

import (
	"fmt"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// functionChange renders CreateFunction and ReplaceFunction as CREATE OR
// ALTER FUNCTION or PROCEDURE from the module text, and DropFunction as
// DROP FUNCTION or PROCEDURE. A function that becomes a procedure (or the
// reverse) is dropped first: CREATE OR ALTER cannot change the kind of an
// object (Msg 2010, "Cannot perform alter on … because it is an
// incompatible object type").
//
// The trigger kinds are rendered by triggerChange. Comments on SQL Server
// modules (MS_Description) are not rendered yet: an error says so.
func (d sqlserverDialect) functionChange(c *diff.Change) ([]string, error) {
	switch c.Kind {
	case diff.CreateTrigger, diff.DropTrigger, diff.ReplaceTrigger:
		return d.triggerChange(c)
	case diff.CommentFunction, diff.CommentTrigger:
		return nil, errModuleComment(c)
	}
	f := c.Function
	if f == nil || f.Name == "" {
		return nil, errMissing("function")
	}
	if c.Kind == diff.DropFunction {
		return []string{msDropModule(msFunctionKind(f), msFunctionName(f))}, nil
	}
	stmts, err := msModule(msFunctionKind(f), msFunctionName(f), f.Source.Or(f.Body), f.Settings)
	if err != nil {
		return nil, err
	}
	if old := c.OldFunction; c.Kind == diff.ReplaceFunction && old != nil && old.Procedure != f.Procedure {
		stmts = append([]string{msDropModule(msFunctionKind(old), msFunctionName(old))}, stmts...)
	}
	return stmts, nil
}

// msFunctionKind returns schema.ModuleProcedure for a procedure and
// schema.ModuleFunction for a function.
func msFunctionKind(f *schema.Function) string {
	if f.Procedure {
		return schema.ModuleProcedure
	}
	return schema.ModuleFunction
}

// msFunctionName returns the function's qualified name.
func msFunctionName(f *schema.Function) schema.QName {
	return schema.QName{Schema: f.Schema, Name: f.Name}
}

// errModuleComment is the error of a comment change on a SQL Server view,
// function, procedure or trigger, which schemadiff reads but cannot write
// yet (sp_addextendedproperty MS_Description on the module).
func errModuleComment(c *diff.Change) error {
	return fmt.Errorf("%s: comments on SQL Server views, functions, procedures and triggers are not written yet; set them by hand (sp_addextendedproperty 'MS_Description')", c.Kind)
}
