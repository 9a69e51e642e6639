package main

import (
	"github.com/alecthomas/kong"
	kongcompletion "github.com/jotaen/kong-completion"
)

// completionCmd prints the shell code that turns on tab completion, as
// `source <(schemadiff completion bash)` wants it. The code makes the shell
// call schemadiff itself for completions (COMP_LINE, answered in run), so
// they always match the binary.
type completionCmd struct {
	Shell string `arg:"" optional:"" help:"Shell: bash, zsh or fish (default: your login shell)." enum:"bash,zsh,fish," default:""`
}

// Run prints the shell's initialization code (kong-completion's templates).
func (c *completionCmd) Run(ctx *kong.Context) error {
	lib := kongcompletion.Completion{Shell: c.Shell, Code: true}
	return lib.Run(ctx)
}
