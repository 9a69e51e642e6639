package introspect

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

// TestConnectTimeout: a server that accepts TCP and never answers fails the
// connection, for both dialects, within the URL's connect timeout, with one
// line that says so and never the password.
func TestConnectTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		var held []net.Conn // accepted, never answered, closed with the listener
		for {
			c, err := ln.Accept()
			if err != nil {
				for _, c := range held {
					c.Close()
				}
				return
			}
			held = append(held, c)
		}
	}()
	addr := ln.Addr().String()
	tests := []struct{ name, url, want string }{
		{"SQL Server", "sqlserver://sa:s3cret-pw@" + addr + "?database=app&encrypt=disable&dial+timeout=1", "did not answer within 1s"},
		{"PostgreSQL", "postgres://app:s3cret-pw@" + addr + "/app?sslmode=disable&connect_timeout=1", "did not answer within 1s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // safety net only
			defer cancel()
			in, err := Open(ctx, tt.url)
			if err == nil {
				in.Close()
				t.Fatal("connected to a server that never answers")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") || strings.Contains(msg, "s3cret-pw") {
				t.Errorf("error = %q, want one line containing %q, without the password", msg, tt.want)
			}
			if ctx.Err() != nil {
				t.Errorf("the connection gave up only when the test's safety net did")
			}
		})
	}
}

// TestDefaultConnectTimeout: URLs without a timeout get the default one.
func TestDefaultConnectTimeout(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sqlserver://sa:pw@host?database=app", "sqlserver://sa:pw@host?database=app&dial+timeout=10"},
		{"sqlserver://sa:pw@host?Dial+Timeout=3", "sqlserver://sa:pw@host?Dial+Timeout=3"},
	}
	for _, tt := range tests {
		if got := withDialTimeout(tt.in); got != tt.want {
			t.Errorf("withDialTimeout(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
