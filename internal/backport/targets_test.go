package backport

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/refname"
)

func TestParseLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Line
		ok   bool
	}{
		{"release/1.3", Line{Major: 1, Minor: 3}, true},
		{"release/v2.0", Line{Major: 2, Minor: 0}, true},
		{"release/1.3.0", Line{Major: 1, Minor: 3}, true},
		{"release/next", Line{}, false},
		{"release/1", Line{}, false},
		{"release/01.2", Line{}, false},
		{"release/1.2.3.4", Line{}, false},
	}
	for _, tt := range tests {
		got, ok := parseLine(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseLine(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTargets(t *testing.T) {
	t.Parallel()
	rule := Rule{Develop: "develop", Release: "release/*"}
	branches := []string{"main", "develop", "release/1.1", "release/1.3", "release/1.10", "release/next", "feature/x"}
	tests := []struct {
		name    string
		rule    Rule
		merged  string
		shipped Line
		want    []string
	}{
		{"no open release goes to develop", rule, "main", Line{Major: 1, Minor: 10}, []string{"develop"}},
		{"open releases newer than the shipped line, oldest first", rule, "main", Line{Major: 1, Minor: 2}, []string{"release/1.3", "release/1.10"}},
		{"a maintenance hotfix goes to the newer lines, not its own", rule, "release/1.1", Line{Major: 1, Minor: 1}, []string{"release/1.3", "release/1.10"}},
		{"fixed targets win", Rule{Fixed: []string{"develop", "main", "release/2.0"}}, "main", Line{Major: 1, Minor: 2}, []string{"develop", "release/2.0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, tg := range Targets(tt.rule, tt.merged, tt.shipped, branches) {
				got = append(got, tg.Branch)
				if tg.Reason == "" {
					t.Errorf("target %s has no reason", tg.Branch)
				}
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("Targets (-got +want):\n%s", diff)
			}
		})
	}
}

func TestBranchName(t *testing.T) {
	t.Parallel()
	tests := []struct{ hotfix, target, want string }{
		{"hotfix/login-timeout", "develop", "backport/login-timeout-to-develop"},
		{"hotfix/1.2.4", "release/1.3", "backport/1-2-4-to-release-1-3"},
		{"hotfix/$(curl x);rm", "develop", "backport/curl-x-rm-to-develop"},
	}
	for _, tt := range tests {
		got := BranchName(tt.hotfix, tt.target)
		if got != tt.want {
			t.Errorf("BranchName(%q, %q) = %q, want %q", tt.hotfix, tt.target, got, tt.want)
		}
		if err := refname.Check(got); err != nil {
			t.Error(err)
		}
	}
}
