package redact

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

func TestURL(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"postgres url", "postgres://app:s3cret@db.example.com:5432/shop?sslmode=disable",
			"postgres://app:xxxxx@db.example.com:5432/shop?sslmode=disable"},
		{"postgresql url", "postgresql://app:pw@localhost/shop", "postgresql://app:xxxxx@localhost/shop"},
		{"password with @ and /", "postgres://app:p@ss/w0rd@h/db", "postgres://app:xxxxx@h/db"},
		{"escaped password", "postgres://app:p%40ss@h/db", "postgres://app:xxxxx@h/db"},
		{"password with ?", "postgres://app:1?Tr0ub4dor@h/db", "postgres://app:xxxxx@h/db"},
		{"password with #", "postgres://app:9#secret@h/db?sslmode=disable", "postgres://app:xxxxx@h/db?sslmode=disable"},
		{"no password", "postgres://app@h/db", "postgres://app@h/db"},
		{"no password, @ in the query", "postgres://app@h/db?application_name=a@b", "postgres://app@h/db?application_name=a@b"},
		{"no userinfo", "postgres://h/db?options=a@b", "postgres://h/db?options=a@b"},
		{"empty password", "postgres://app:@h/db", "postgres://app:xxxxx@h/db"},
		{"sqlserver url", "sqlserver://sa:Str0ng!@mssql:1433?database=shop",
			"sqlserver://sa:xxxxx@mssql:1433?database=shop"},
		{"password query parameter", "postgres://h/db?user=app&password=s3cret&sslmode=require",
			"postgres://h/db?user=app&password=xxxxx&sslmode=require"},
		{"key=value", "host=h user=app password=s3cret dbname=shop",
			"host=h user=app password=xxxxx dbname=shop"},
		{"key=value quoted", "host=h password='se cret' dbname=shop", "host=h password=xxxxx dbname=shop"},
		{"key = value spaced", "host=h password = s3cret dbname=shop", "host=h password = xxxxx dbname=shop"},
		{"ADO", "Server=tcp:h,1433;Database=shop;User Id=sa;Password=Str0ng!;Encrypt=true",
			"Server=tcp:h,1433;Database=shop;User Id=sa;Password=xxxxx;Encrypt=true"},
		{"ADO braces", "Server=h;Pwd={se;cret};Database=x", "Server=h;Pwd=xxxxx;Database=x"},
		{"ADO last", "Server=h;PASSWORD=abc", "Server=h;PASSWORD=xxxxx"},
		{"not a connection string", "plain text", "plain text"},
		{"URL without a scheme", "app:S3cret@localhost/app", "app:xxxxx@localhost/app"},
		{"URL without a scheme, as a flag value", "--url=app:S3cret@localhost/app", "--url=app:xxxxx@localhost/app"},
		{"text with an at sign is left alone", "time 10:30 @ home", "time 10:30 @ home"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := URL(tt.in); got != tt.want {
				t.Errorf("URL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestError(t *testing.T) {
	const url = "postgres://app:s3cret@db:5432/shop"
	tests := []struct {
		name    string
		err     error
		urls    []string
		want    string
		secrets []string
	}{
		{"whole url echoed", fmt.Errorf("cannot connect to %s: refused", url), []string{url},
			"cannot connect to postgres://app:xxxxx@db:5432/shop: refused", []string{"s3cret"}},
		{"password alone", errors.New("bad password s3cret for app"), []string{url},
			"bad password xxxxx for app", []string{"s3cret"}},
		{"key=value in message without urls", errors.New("failed: host=db password=hunter2 user=x"), nil,
			"failed: host=db password=xxxxx user=x", []string{"hunter2"}},
		{"short password left in prose", errors.New("a bad thing"), []string{"postgres://u:a@h/d"},
			"a bad thing", nil},
		{"nothing to hide", errors.New("timeout"), []string{url}, "timeout", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Error(tt.err, tt.urls...)
			if got.Error() != tt.want {
				t.Errorf("Error() = %q, want %q", got.Error(), tt.want)
			}
			for _, s := range tt.secrets {
				if strings.Contains(got.Error(), s) {
					t.Errorf("message %q still holds %q", got.Error(), s)
				}
			}
			if !errors.Is(got, tt.err) {
				t.Errorf("redacted error does not unwrap to the original")
			}
		})
	}
}

func TestErrorKeepsChain(t *testing.T) {
	base := &fs.PathError{Op: "open", Path: "/x", Err: fs.ErrNotExist}
	err := Error(fmt.Errorf("reading: %w", base))
	var pe *fs.PathError
	if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("errors.As/Is lost the chain of %v", err)
	}
	if Error(nil, "x") != nil {
		t.Fatalf("Error(nil) must be nil")
	}
}

func TestOneLine(t *testing.T) {
	err := errors.New("failed to connect:\n\t127.0.0.1:1 (tls): refused\n\t127.0.0.1:1 (plain): refused\n")
	got := OneLine(err)
	if got.Error() != "127.0.0.1:1 (plain): refused" {
		t.Errorf("OneLine = %q", got.Error())
	}
	if !errors.Is(got, err) {
		t.Error("OneLine does not unwrap to the original error")
	}
	if OneLine(nil) != nil {
		t.Error("OneLine(nil) is not nil")
	}
}
