package contract

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPointerMatches(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, pointer string
		want             bool
	}{
		{"/object/sha", "/object/sha", true},
		{"/*/name", "/3/name", true},
		{"/*/name", "/name", false},
		{"/object", "/object/sha", false},
		{"/object/sha", "/object/url", false},
	}
	for _, tt := range tests {
		t.Run(tt.pattern+" "+tt.pointer, func(t *testing.T) {
			t.Parallel()
			if got := pointerMatches(tt.pattern, tt.pointer); got != tt.want {
				t.Errorf("pointerMatches(%q, %q) = %v, want %v", tt.pattern, tt.pointer, got, tt.want)
			}
		})
	}
}

func TestAllowanceMatchesExactly(t *testing.T) {
	t.Parallel()
	allowed := Allowance{Method: "GET", Path: "/repos/{owner}/{repo}/git/ref/{ref}", Status: 200, Pointer: "/object/sha", Reason: "test"}
	tests := []struct {
		name     string
		allow    Allowance
		wantPass bool
	}{
		{"exact", allowed, true},
		{"other method", with(allowed, func(a *Allowance) { a.Method = "PATCH" }), false},
		{"other path", with(allowed, func(a *Allowance) { a.Path = "/repos/{owner}/{repo}/git/refs" }), false},
		{"other status", with(allowed, func(a *Allowance) { a.Status = 201 }), false},
		{"other field", with(allowed, func(a *Allowance) { a.Pointer = "/object/url" }), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := ownChecker(t)
			allowed, err := compile([]Allowance{tt.allow})
			if err != nil {
				t.Fatal(err)
			}
			c.allowed = allowed
			req, err := http.NewRequest("GET", "http://127.0.0.1/repos/o/r/git/ref/heads/main", http.NoBody)
			if err != nil {
				t.Fatal(err)
			}
			resp := &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}}}
			err = c.Check(req, nil, resp, []byte(badRef))
			if diff := cmp.Diff(err == nil, tt.wantPass); diff != "" {
				t.Errorf("passed (-got +want):\n%s\nerr: %v", diff, err)
			}
		})
	}
}

// with returns a copy of a changed by f.
func with(a Allowance, f func(*Allowance)) Allowance {
	f(&a)
	return a
}

func TestAllowlistEntriesHaveReasons(t *testing.T) {
	t.Parallel()
	c := loadChecker(t)
	for _, a := range allowlist {
		if strings.TrimSpace(a.Reason) == "" || a.Method == "" {
			t.Errorf("allow-list entry %+v needs a method and a reason", a)
		}
		if c.doc.Paths.Value(a.Path).GetOperation(a.Method) == nil {
			t.Errorf("allow-list entry %+v names no operation of the description", a)
		}
	}
}

func TestAllowlistExcusesOnlyItsShape(t *testing.T) {
	t.Parallel()
	c := loadChecker(t)
	tests := []struct {
		name, body string
		wantPass   bool
	}{
		{"object", `{"labels":["bug"]}`, true},
		{"bare array of names, as go-github sends", `["bug","incident"]`, true},
		{"bare array of numbers", `[1,2]`, false},
		{"string", `"bug"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req, err := http.NewRequest("POST", "http://127.0.0.1/repos/o/r/issues/1/labels", strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			err = c.Check(req, []byte(tt.body), nil, nil)
			if diff := cmp.Diff(err == nil, tt.wantPass); diff != "" {
				t.Errorf("passed (-got +want):\n%s\nerr: %v", diff, err)
			}
		})
	}
}
