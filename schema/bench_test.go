package schema_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/schemadiff/schemadiff/internal/benchschema"
	"github.com/schemadiff/schemadiff/schema"
)

// writeBenchFile writes the n-table benchmark schema as one file in dir.
func writeBenchFile(b *testing.B, dir string, n int, format string) string {
	db, err := schema.Normalize(benchschema.Database(n, nil))
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	write := schema.WriteHCL
	if format == "yaml" {
		write = schema.WriteYAML
	}
	if err := write(&buf, db); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "schema."+string(format))
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// writeBenchSplit writes the n-table benchmark schema in dir as
// schema.SplitFiles lays it out (inspect --split).
func writeBenchSplit(b *testing.B, dir string, n int, format string) string {
	db, err := schema.Normalize(benchschema.Database(n, nil))
	if err != nil {
		b.Fatal(err)
	}
	write := schema.WriteHCL
	if format == "yaml" {
		write = schema.WriteYAML
	}
	for _, f := range schema.SplitFiles(db, format) {
		var buf bytes.Buffer
		if err := write(&buf, f.DB); err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkLoad loads the benchmark schema of N and 2N tables written as
// one HCL and one YAML file, and as split folders of each.
func BenchmarkLoad(b *testing.B) {
	for _, n := range benchschema.Sizes(b) {
		for _, format := range []string{"hcl", "yaml"} {
			for _, layout := range []string{"one-file", "split"} {
				b.Run(fmt.Sprintf("%s/%s/n=%d", format, layout, n), func(b *testing.B) {
					var path string
					if layout == "split" {
						path = writeBenchSplit(b, b.TempDir(), n, format)
					} else {
						path = writeBenchFile(b, b.TempDir(), n, format)
					}
					b.ResetTimer()
					for b.Loop() {
						if _, err := schema.Load(schema.LoadOptions{}, path); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}

// BenchmarkNormalize normalizes the benchmark schema of N and 2N tables.
func BenchmarkNormalize(b *testing.B) {
	for _, n := range benchschema.Sizes(b) {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				db := benchschema.Database(n, nil)
				b.StartTimer()
				if _, err := schema.Normalize(db); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWrite writes the benchmark schema of N and 2N tables as HCL and
// as YAML.
func BenchmarkWrite(b *testing.B) {
	for _, n := range benchschema.Sizes(b) {
		db, err := schema.Normalize(benchschema.Database(n, nil))
		if err != nil {
			b.Fatal(err)
		}
		for _, format := range []string{"hcl", "yaml"} {
			write := schema.WriteHCL
			if format == "yaml" {
				write = schema.WriteYAML
			}
			b.Run(fmt.Sprintf("%s/n=%d", format, n), func(b *testing.B) {
				for b.Loop() {
					if err := write(io.Discard, db); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
