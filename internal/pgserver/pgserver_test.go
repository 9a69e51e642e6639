package pgserver

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// fakeInstall makes a directory with an initdb that prints version and a
// pg_ctl, as an installation of the server binaries looks to Find.
func fakeInstall(t *testing.T, version string) string {
	t.Helper()
	dir := t.TempDir()
	script := "#!/bin/sh\necho 'initdb (PostgreSQL) " + version + " (Fake)'\n"
	if err := os.WriteFile(filepath.Join(dir, "initdb"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pg_ctl"), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNewest(t *testing.T) {
	v13, v16, v16b, v9 := fakeInstall(t, "13.2"), fakeInstall(t, "16.1"), fakeInstall(t, "16.1"), fakeInstall(t, "9.6.24")
	empty := t.TempDir()
	tests := []struct {
		name    string
		dirs    []string
		want    string // the chosen dir; "" for ErrNoBinaries
		version string
	}{
		{"the newest wins", []string{v13, v16, v9}, v16, "16.1"},
		{"major versions compare as numbers", []string{v9, v13}, v13, "13.2"},
		{"a tie goes to the first found", []string{v16b, v16}, v16b, "16.1"},
		{"dirs without binaries are passed over", []string{empty, v13}, v13, "13.2"},
		{"none", []string{empty, filepath.Join(empty, "missing")}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := newest(context.Background(), tt.dirs)
			if tt.want == "" {
				if !errors.Is(err, ErrNoBinaries) {
					t.Fatalf("newest = %+v, %v; want ErrNoBinaries", got, err)
				}
				return
			}
			want, _ := filepath.EvalSymlinks(tt.want)
			if err != nil || got.Dir != want || got.Version != tt.version {
				t.Errorf("newest = %+v, %v; want %s %s", got, err, want, tt.version)
			}
		})
	}
}

func TestNewer(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"16.1", "15.8", true},
		{"15.8", "16.1", false},
		{"10.1", "9.6", true},
		{"15.10", "15.9", true},
		{"15", "15.0", false},
		{"15.1", "15.1", false},
	}
	for _, tt := range tests {
		if got := newer(tt.a, tt.b); got != tt.want {
			t.Errorf("newer(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestFindEnvBinDir(t *testing.T) {
	v := fakeInstall(t, "17.0")
	tests := []struct {
		name    string
		env     string
		want    string
		wantErr string
	}{
		{"names an installation", v, v, ""},
		{"names a dir without binaries", t.TempDir(), "", EnvBinDir + "="},
		{"names nothing", filepath.Join(t.TempDir(), "nowhere"), "", "holds no initdb and pg_ctl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvBinDir, tt.env)
			got, err := Find(context.Background())
			if tt.wantErr != "" {
				if !errors.Is(err, ErrNoBinaries) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Find = %+v, %v; want ErrNoBinaries mentioning %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got.Dir != tt.want || got.Version != "17.0" {
				t.Errorf("Find = %+v, %v; want %s 17.0", got, err, tt.want)
			}
		})
	}
}

// TestStartStop starts real servers, on a unix socket and on TCP, checks
// their settings, and that Stop ends the postmaster and removes the dir.
func TestStartStop(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	bin := installed(t)
	tests := []struct {
		name     string
		opts     Options
		urlHas   string
		settings map[string]string
	}{
		{"socket", Options{Settings: []string{"shared_buffers=16MB"}}, "host=%2F", map[string]string{"listen_addresses": "", "shared_buffers": "16MB", "fsync": "off"}},
		{"tcp", Options{TCP: true, Settings: []string{"max_connections=10"}}, "@127.0.0.1:", map[string]string{"listen_addresses": "127.0.0.1", "max_connections": "10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			begin := time.Now()
			s, err := Start(ctx, bin, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("PostgreSQL %s (%s) started in %v", bin.Version, tt.name, time.Since(begin).Round(time.Millisecond))
			dir := s.dir
			defer s.Stop()
			if !strings.Contains(s.URL(), tt.urlHas) {
				t.Errorf("URL %s lacks %q", s.URL(), tt.urlHas)
			}
			conn, err := pgx.Connect(ctx, s.URL())
			if err != nil {
				t.Fatal(err)
			}
			for name, want := range tt.settings {
				var got string
				if err := conn.QueryRow(ctx, `SELECT current_setting($1)`, name).Scan(&got); err != nil || got != want {
					t.Errorf("%s = %q (err %v), want %q", name, got, err, want)
				}
			}
			conn.Close(ctx)
			data := filepath.Join(dir, "data")
			pid, err := PostmasterPID(data)
			if err != nil {
				t.Fatal(err)
			}
			if !Alive(pid) {
				t.Fatalf("no live postmaster in %s", data)
			}
			s.Stop()
			s.Stop() // a second Stop does nothing
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("%s still exists after Stop (err %v)", dir, err)
			}
			if Alive(pid) {
				t.Errorf("the postmaster (pid %d) still runs after Stop", pid)
			}
			if err := Ping(ctx, s.URL()); err == nil {
				t.Errorf("the server still answers after Stop")
			}
		})
	}
}

// TestRemoveStaleDirs: an Owned server whose process is gone is stopped and
// removed by the next Start; one whose process lives, and a server that is
// not Owned, are kept.
func TestRemoveStaleDirs(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	bin := installed(t)
	tmp := t.TempDir()
	for d := tmp; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		os.Chmod(d, 0o755) // the postgres OS user traverses it when we are root
	}
	t.Setenv("TMPDIR", tmp)
	owned, err := Start(ctx, bin, Options{Owned: true})
	if err != nil {
		t.Fatal(err)
	}
	defer owned.Stop()
	other, err := Start(ctx, bin, Options{}) // runs removeStaleDirs: owned's owner (this test) lives
	if err != nil {
		t.Fatal(err)
	}
	defer other.Stop()
	ownedDir, otherDir := owned.dir, other.dir
	if _, err := os.Stat(ownedDir); err != nil {
		t.Fatalf("the server of a live process was removed: %v", err)
	}
	pm, err := PostmasterPID(filepath.Join(ownedDir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	// The owner dies: a process that has ended stands for it.
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ownedDir, ownerFile), []byte(strconv.Itoa(gone.Process.Pid)), 0o644); err != nil {
		t.Fatal(err)
	}
	removeStaleDirs()
	if _, err := os.Stat(ownedDir); !os.IsNotExist(err) {
		t.Errorf("the server of a dead process is still there (err %v)", err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for Alive(pm) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if Alive(pm) {
		t.Errorf("the postmaster of a dead process (pid %d) still runs", pm)
	}
	if err := Ping(ctx, other.URL()); err != nil {
		t.Errorf("the server that is not Owned was stopped: %v", err)
	}
	if _, err := os.Stat(otherDir); err != nil {
		t.Errorf("the dir of the server that is not Owned was removed: %v", err)
	}
}

// installed returns the installed server binaries, skipping t when there
// are none (failing it with CI=true, as pgtest does).
func installed(t *testing.T) Binaries {
	t.Helper()
	bin, err := Find(context.Background())
	if errors.Is(err, ErrNoBinaries) && os.Getenv("CI") != "true" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return bin
}
