package gh

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
)

func TestEnsureRef(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		faults      string
		wantCreates int // creates that reached the sandbox
		wantErr     string
	}{
		{"no faults", "", 1, ""},
		{"response lost after the write", "route=POST /repos/{owner}/{repo}/git/refs:500@after*1", 1, ""},
		{"connection reset after the write", "route=POST /repos/{owner}/{repo}/git/refs:reset@after*2", 1, ""},
		{"refused before the write", "route=POST /repos/{owner}/{repo}/git/refs:502@before*2", 1, ""},
		{"rate limited", "retry-after=0,route=POST /repos/{owner}/{repo}/git/refs:429*9", 1, ""},
		{"never gets through", "route=POST /repos/{owner}/{repo}/git/refs:500@before", 0, "500 Server Error"},
		{"forbidden", "route=POST /repos/{owner}/{repo}/git/refs:forbidden", 0, "403 Resource not accessible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, tt.faults)
			f.srv.ResetRequests()
			ref, err := ensureRef(t.Context(), f.client(t), "refs/heads/hotfix/db", f.main)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("ensure ref: %v, want an error containing %q", err, tt.wantErr)
				}
			} else if err != nil || ref.GetObject().GetSHA() != f.main {
				t.Errorf("ensure ref: %v, %+v", err, ref)
			}
			if got := f.routeCount(createRef); got != tt.wantCreates {
				t.Errorf("%d creates reached the sandbox, want %d", got, tt.wantCreates)
			}
		})
	}
}

func TestEnsureRefusesAForeignRef(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	other := pushCommit(t, f.dir, "hotfix/db", "main")
	_, err := ensureRef(t.Context(), f.client(t), "refs/heads/hotfix/db", f.main)
	if err == nil || !strings.Contains(err.Error(), "ref refs/heads/hotfix/db points at "+other) {
		t.Errorf("ensure ref over another commit: %v, want the ref's SHA named", err)
	}
}

// TestEnsureSteps follows Ensure's calls to find and create through each documented path; the
// sandbox tests above show the same paths with real requests.
func TestEnsureSteps(t *testing.T) {
	t.Parallel()
	exists := &github.ErrorResponse{Response: &http.Response{StatusCode: 422}, Message: "Reference already exists"}
	tests := []struct {
		name      string
		found     []bool  // what each find says
		created   []error // what each create returns
		wantCalls string
		wantErr   error
	}{
		{"found at once", []bool{true}, nil, "F", nil},
		{"created", []bool{false}, []error{nil}, "FC", nil},
		{"lost response, then found", []bool{false, true}, []error{&UncertainWriteError{Err: errors.New("reset")}}, "FCF", nil},
		{"lost response, absent, created", []bool{false, false}, []error{&UncertainWriteError{Err: errors.New("reset")}, nil}, "FCFC", nil},
		{"exists, then found", []bool{false, true}, []error{exists}, "FCF", nil},
		{"exists, yet absent", []bool{false, false}, []error{exists}, "FCF", exists},
		{"other error", []bool{false}, []error{context.Canceled}, "FC", context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var calls string
			find := func(context.Context) (string, bool, error) {
				ok := tt.found[min(strings.Count(calls, "F"), len(tt.found)-1)]
				calls += "F"
				return "v", ok, nil
			}
			create := func(context.Context) (string, error) {
				err := tt.created[strings.Count(calls, "C")]
				calls += "C"
				return "v", err
			}
			_, err := Ensure(t.Context(), find, create)
			if calls != tt.wantCalls || !errors.Is(err, tt.wantErr) {
				t.Errorf("calls %s, error %v; want calls %s, error %v", calls, err, tt.wantCalls, tt.wantErr)
			}
		})
	}
}
