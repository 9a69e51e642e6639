package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

type versionCmd struct{}

// Run prints the version line (the same as --version).
func (versionCmd) Run(e *env) error {
	_, err := fmt.Fprintln(e.stdout, versionLine())
	return err
}

// versionLine describes the running binary from its build information.
func versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "schemadiff (unknown version: built without module information)"
	}
	return describeBuild(info)
}

// moduleVersion is the module version of the running binary, or "(devel)"
// (what SARIF records as the tool's version).
func moduleVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// describeBuild returns "schemadiff VERSION (commit REV[, modified], TIME)":
// VERSION is the module version `go install …@vX` records, or "(devel)" for
// a build from a source tree; the commit comes from the vcs.* build settings
// that `go build` stamps in a git checkout (cmd/go: "go help buildvcs").
func describeBuild(info *debug.BuildInfo) string {
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	vcs := map[string]string{}
	for _, s := range info.Settings {
		vcs[s.Key] = s.Value
	}
	rev := vcs["vcs.revision"]
	if rev == "" {
		return "schemadiff " + version
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	parts := []string{"commit " + rev}
	if vcs["vcs.modified"] == "true" {
		parts = append(parts, "modified")
	}
	if t := vcs["vcs.time"]; t != "" {
		parts = append(parts, t)
	}
	return fmt.Sprintf("schemadiff %s (%s)", version, strings.Join(parts, ", "))
}
