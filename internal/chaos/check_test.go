//go:build e2e

package chaos

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestStateCheckSeesDamage plays a clean lifecycle, which must leave exactly the wanted state,
// then does one thing a broken re-run could do, and checks that the state check sees it.
func TestStateCheckSeesDamage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		damage func(t *testing.T, l *life)
		want   string // a word the diff must show
	}{
		{"a log entry written twice", duplicateEntry, "status"},
		{"a backport branch without its PR", strayBranch, "backport/login-times-out-to-develop-2"},
		{"a tag moved", moveTag, "refs/tags/v1.2.4"},
		{"a second postmortem", secondPostmortem, "Incident Postmortem"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := play(t, newWorld(t, sandbox.FaultSpec{}), inProcess)
			if diff := cmp.Diff(read(t, l), want(l)); diff != "" {
				t.Fatalf("a clean lifecycle's state (-got +want):\n%s", diff)
			}
			tt.damage(t, l)
			diff := cmp.Diff(read(t, l), want(l))
			if !strings.Contains(diff, tt.want) {
				t.Errorf("after %s, the state check shows no %q:\n%s", tt.name, tt.want, diff)
			}
		})
	}
}

func duplicateEntry(t *testing.T, l *life) {
	e := incident.Entry{Type: incident.Status, State: incident.Identified, Text: "the pool is too small"}
	_, err := incident.Append(context.Background(), l.w.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, l.incident, e)
	check(t, "append a second status entry", err)
}

func strayBranch(t *testing.T, l *life) {
	l.w.Git("branch", "backport/login-times-out-to-develop-2", "develop")
}

func moveTag(t *testing.T, l *life) {
	_, _, err := l.w.Client.Git.UpdateRef(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.Reference{Ref: github.String("refs/tags/v1.2.4"), Object: &github.GitObject{SHA: github.String(l.head)}}, true)
	check(t, "move v1.2.4", err)
}

func secondPostmortem(t *testing.T, l *life) {
	_, _, err := l.w.Client.Issues.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.IssueRequest{Title: github.String("Incident Postmortem: Login times out")})
	check(t, "open a second postmortem", err)
}
