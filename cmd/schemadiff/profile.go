package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// Environment variables that make schemadiff write Go profiles of one run,
// for docs/performance.md's method: go tool pprof FILE.
const (
	// envCPUProfile names the file to write a CPU profile of the run to.
	envCPUProfile = "SCHEMADIFF_CPUPROFILE"
	// envMemProfile names the file to write a heap profile (allocations
	// over the whole run) to, when the command ends.
	envMemProfile = "SCHEMADIFF_MEMPROFILE"
)

// startProfiles starts the profiles the environment asks for and returns
// the function that writes them; problems are reported on stderr and never
// stop the command.
func startProfiles(stderr io.Writer) (stop func()) {
	var stops []func()
	if path := os.Getenv(envCPUProfile); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "warning: %s: no CPU profile: %v\n", envCPUProfile, err)
		} else {
			stops = append(stops, func() {
				pprof.StopCPUProfile()
				if err := f.Close(); err != nil {
					fmt.Fprintf(stderr, "warning: %s: %v\n", envCPUProfile, err)
				}
			})
		}
	}
	if path := os.Getenv(envMemProfile); path != "" {
		stops = append(stops, func() {
			f, err := os.Create(path)
			if err == nil {
				runtime.GC()
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
			if err != nil {
				fmt.Fprintf(stderr, "warning: %s: no heap profile: %v\n", envMemProfile, err)
			}
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
