package render

import (
	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// functionChange renders CreateFunction and ReplaceFunction as CREATE OR
// ALTER FUNCTION or PROCEDURE from the module text, and DropFunction as
// DROP FUNCTION or PROCEDURE. A function that becomes a procedure (or the
// reverse) is dropped first: CREATE OR ALTER cannot change the kind of an
// object (Msg 2010, "Cannot perform alter on … because it is an
// incompatible object type").
func (sqlserverDialect) functionChange(c *diff.Change) ([]string, error) {
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
