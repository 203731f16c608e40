package prguard

import (
	"testing"

	"github.com/google/go-github/v60/github"
)

func TestSeverityOf(t *testing.T) {
	t.Parallel()
	pr := func(labels ...string) *github.PullRequest {
		p := &github.PullRequest{}
		for _, l := range labels {
			p.Labels = append(p.Labels, &github.Label{Name: github.String(l)})
		}
		return p
	}
	tests := []struct {
		name, input string
		pr          *github.PullRequest
		want        string
		wantErr     bool
	}{
		{"input wins", "P0", pr("severity/P2"), "P0", false},
		{"label", "", pr("hotfix", "severity/P2"), "P2", false},
		{"label in another case", "", pr("Severity/p1"), "P1", false},
		{"a push has no labels", "", nil, "", false},
		{"no severity label", "", pr("hotfix"), "", false},
		{"bad input", "P9", pr(), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := SeverityOf(tt.input, tt.pr)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("SeverityOf(%q) = %q, %v; want %q, error %v", tt.input, got, err, tt.want, tt.wantErr)
			}
		})
	}
}
