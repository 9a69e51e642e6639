package progress

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// TestStartOnlyOnTerminals: on a pipe, a buffer or when disabled, Start
// returns nil, and a nil Meter does nothing.
func TestStartOnlyOnTerminals(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	var buf bytes.Buffer
	for _, tt := range []struct {
		name string
		m    *Meter
	}{
		{"pipe", Start(w, true)},
		{"buffer", Start(&buf, true)},
		{"disabled", Start(os.Stderr, false)},
	} {
		if tt.m != nil {
			t.Errorf("%s: Start returned a meter", tt.name)
		}
		tt.m.Phase("x", "files")
		tt.m.Add(1)
		tt.m.Stop()
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q to a buffer", buf.String())
	}
}

// TestShow: the line names the phase and the count, is rewritten in place,
// and is erased by Stop.
func TestShow(t *testing.T) {
	tests := []struct {
		phase, unit string
		add         int
		want        string
	}{
		{"loading schema files", "files", 1234, "\r\x1b[Kschemadiff: loading schema files: 1234 files (3s)"},
		{"comparing", "", 0, "\r\x1b[Kschemadiff: comparing (3s)"},
		{"", "", 0, ""},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		m := &Meter{w: &buf, start: start, stop: make(chan struct{})}
		m.Phase(tt.phase, tt.unit)
		m.Add(tt.add)
		m.show(start.Add(3 * time.Second))
		if buf.String() != tt.want {
			t.Errorf("phase %q: wrote %q, want %q", tt.phase, buf.String(), tt.want)
		}
		buf.Reset()
		m.Stop()
		if wantErase := tt.want != ""; (buf.String() == "\r\x1b[K") != wantErase {
			t.Errorf("phase %q: Stop wrote %q", tt.phase, buf.String())
		}
	}
}
