// Package progress shows, on a terminal, how far a long command has come: a
// single line on stderr, rewritten in place ("\r"), that appears only once
// the command has run for a second. On a pipe or a file it prints nothing.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// delay is how long a command runs before its progress line appears, and
// tick how often the line is rewritten.
const (
	delay = time.Second
	tick  = 200 * time.Millisecond
)

// Meter counts the work of the current phase of a command and shows it. A
// nil *Meter is valid and shows nothing, so that callers need not check.
type Meter struct {
	w     io.Writer
	start time.Time
	done  atomic.Int64
	stop  chan struct{}
	wg    sync.WaitGroup
	once  sync.Once

	mu    sync.Mutex
	phase string // e.g. "loading schema files"
	unit  string // what done counts, e.g. "files"; "" shows no count
	shown bool   // a line is on the terminal
}

// Start returns a Meter writing to w when enabled and w is a terminal (a
// character device), else nil. Stop it when the command ends.
func Start(w io.Writer, enabled bool) *Meter {
	if !enabled || !IsTerminal(w) {
		return nil
	}
	m := &Meter{w: w, start: time.Now(), stop: make(chan struct{})}
	m.wg.Add(1)
	go m.run()
	return m
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Phase starts a phase of the command: what it does, and the unit of the
// count Add advances (empty: no count, only the elapsed time).
func (m *Meter) Phase(phase, unit string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.phase, m.unit = phase, unit
	m.done.Store(0)
	m.mu.Unlock()
}

// Add counts n more units done in the current phase. It may be called from
// several goroutines at once.
func (m *Meter) Add(n int) {
	if m != nil {
		m.done.Add(int64(n))
	}
}

// Stop ends the display and erases the progress line. Calls after the
// first do nothing.
func (m *Meter) Stop() {
	if m == nil {
		return
	}
	m.once.Do(func() {
		close(m.stop)
		m.wg.Wait()
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.shown {
			fmt.Fprint(m.w, "\r\x1b[K")
		}
	})
}

func (m *Meter) run() {
	defer m.wg.Done()
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case now := <-t.C:
			if now.Sub(m.start) >= delay {
				m.show(now)
			}
		}
	}
}

// show rewrites the progress line.
func (m *Meter) show(now time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.phase == "" {
		return
	}
	line := m.phase
	if m.unit != "" {
		line += fmt.Sprintf(": %d %s", m.done.Load(), m.unit)
	}
	fmt.Fprintf(m.w, "\r\x1b[Kschemadiff: %s (%.0fs)", line, now.Sub(m.start).Seconds())
	m.shown = true
}
