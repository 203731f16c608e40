package merge

import (
	"testing"

	"github.com/google/go-github/v60/github"
)

// TestSeverityOfLabels: the merge reads the PR's severity label as the guard does, in any case,
// and only a real severity (the merge used to take Severity/p1 as no severity).
func TestSeverityOfLabels(t *testing.T) {
	t.Parallel()
	tests := []struct {
		given  string
		labels []string
		want   string
	}{
		{"", []string{"severity/P1"}, "P1"},
		{"", []string{"Severity/p1"}, "P1"},
		{"", []string{"severity/P9"}, ""},
		{"P0", []string{"severity/P2"}, "P0"},
	}
	for _, tt := range tests {
		pr := &github.PullRequest{}
		for _, l := range tt.labels {
			pr.Labels = append(pr.Labels, &github.Label{Name: github.String(l)})
		}
		if got := (Deps{Severity: tt.given}).severityOf(pr); got != tt.want {
			t.Errorf("severityOf(given %q, labels %q) = %q, want %q", tt.given, tt.labels, got, tt.want)
		}
	}
}
