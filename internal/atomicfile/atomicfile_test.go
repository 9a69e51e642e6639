package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestCreateAndReplace: Create writes a new file and never overwrites one;
// Replace overwrites; neither leaves temporary files behind.
func TestCreateAndReplace(t *testing.T) {
	tests := []struct {
		name     string
		existing string // "" : no file before
		write    func(string, []byte) error
		wantErr  error
		want     string
	}{
		{"create new", "", Create, nil, "new"},
		{"create over existing", "old", Create, fs.ErrExist, "old"},
		{"replace existing", "old", Replace, nil, "new"},
		{"replace new", "", Replace, nil, "new"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "f.hcl")
			if tt.existing != "" {
				if err := os.WriteFile(path, []byte(tt.existing), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			err := tt.write(path, []byte("new"))
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("file holds %q, want %q", got, tt.want)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 {
				t.Errorf("folder holds %d entries, want only the file", len(entries))
			}
		})
	}
}
