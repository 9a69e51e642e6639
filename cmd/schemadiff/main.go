// Command schemadiff compares a desired schema (HCL or YAML files) with a live
// database or another schema, and writes the migration that closes the gap.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/alecthomas/kong"
	kongcompletion "github.com/jotaen/kong-completion"

	"github.com/schemadiff/schemadiff/internal/redact"
)

// Exit codes (DESIGN §3; 130 is the shell's 128+SIGINT).
const (
	exitOK          = 0
	exitChanges     = 1
	exitFailure     = 2
	exitInterrupted = 130
)

// cli is the whole command line.
type cli struct {
	Diff     diffCmd     `cmd:"" help:"Print the migration between two sources (database URL or schema file/folder)."`
	Inspect  inspectCmd  `cmd:"" help:"Print a live database schema as hcl, yaml, json or sql."`
	Validate validateCmd `cmd:"" help:"Check schema files and report every problem with file:line:col."`
	Fmt      fmtCmd      `cmd:"" help:"Rewrite HCL schema files in canonical layout."`
	Review   reviewCmd   `cmd:"" help:"PR review: flag hazards, missed options and drift in migration files (SQL or Alembic)."`
	Init     initCmd     `cmd:"" help:"Start a project: a commented schemadiff.yaml, an example schema and an empty migration directory."`
	Generate generateCmd `cmd:"" help:"Write the next migration: the desired schema against the migrations' state (or --url)."`
	Check    checkCmd    `cmd:"" help:"CI: exit 1 when the schema has changes no migration holds, or (--url) the database drifted."`
	Migrate  migrateCmd  `cmd:"" help:"Maintain the migration directory."`
	Apply    applyCmd    `cmd:"" help:"Apply the desired schema to a database directly: plan, confirm, run, verify."`
	Version  versionCmd  `cmd:"" help:"Print schemadiff's version and the commit it was built from."`

	Completion completionCmd `cmd:"" help:"Print the shell code that turns on tab completion: source <(schemadiff completion bash), or zsh, or fish."`

	ShowVersion kong.VersionFlag `name:"version" help:"Print schemadiff's version and exit."`
}

// env is what every command writes to.
type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
	// color reports whether stdout is a terminal that takes ANSI colors.
	color bool
	// stdin is the terminal to ask for confirmation on; nil when stdin is not one.
	stdin io.Reader
	// args are the command-line arguments, whose passwords every message hides.
	args []string
}

// warn prints a one-line warning to stderr, passwords hidden.
func (e *env) warn(format string, a ...any) {
	fmt.Fprintf(e.stderr, "warning: %s\n", redactArgs(fmt.Sprintf(format, a...), e.args))
}

// errChanges is returned by a command that found changes and must exit 1.
var errChanges = errors.New("changes found")

func main() {
	// Ctrl-C (SIGINT) and SIGTERM cancel the context: commands stop waiting
	// and write nothing, and run exits 130. A second signal kills at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() { <-ctx.Done(); stop() }()
	stopProfiles := startProfiles(os.Stderr)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfiles()
	stop()
	os.Exit(code)
}

// run parses args, runs the command and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var c cli
	exit := -1
	parser, err := kong.New(&c,
		kong.Name("schemadiff"),
		kong.Description("Compare a desired schema with a database and write the migration that closes the gap."),
		kong.UsageOnError(),
		kong.Writers(stdout, stderr),
		kong.Exit(func(code int) { exit = code }),
		kong.Vars{"version": versionLine()},
	)
	if err != nil {
		fmt.Fprintf(stderr, "schemadiff: %v\n", err)
		return exitFailure
	}
	// A shell asking for completions (COMP_LINE set) gets them, and nothing else runs.
	kongcompletion.Register(parser, kongcompletion.WithExitFunc(func(code int) { exit = code }))
	if exit >= 0 {
		return exit
	}
	kctx, err := parser.Parse(args)
	if exit >= 0 { // --help, --version
		return exit
	}
	if err != nil {
		fmt.Fprintf(stderr, "schemadiff: %s\n", redactArgs(err.Error(), args))
		return exitFailure
	}
	e := &env{ctx: ctx, stdout: stdout, stderr: stderr, color: colorOK(stdout), args: args, stdin: terminalStdin()}
	err = kctx.Run(e)
	switch {
	case err == nil:
		return exitOK
	case ctx.Err() != nil: // the command stopped because of the signal
		// The command's error says what it left (apply: what was rolled back).
		fmt.Fprintf(stderr, "schemadiff: interrupted: %s\n", redactArgs(err.Error(), args))
		return exitInterrupted
	case errors.Is(err, errChanges):
		return exitChanges
	}
	fmt.Fprintf(stderr, "schemadiff: %s\n", redactArgs(err.Error(), args))
	return exitFailure
}

// redactArgs removes any password that a URL among args carries from msg.
func redactArgs(msg string, args []string) string {
	return redact.Error(errors.New(msg), args...).Error()
}

// colorOK reports whether w is a terminal and NO_COLOR is unset.
func colorOK(w io.Writer) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
