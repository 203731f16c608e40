package prguard

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestEvaluate checks a pull request's change set through the API under the policy: within its
// limits it passes, beyond them it fails, with the heading naming the policy's source; a target
// GitHub does not know is an error that names the change set.
func TestEvaluate(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	head := s.Push("hotfix/x", map[string]string{"a.txt": "one\ntwo\n"}, "main")
	ctx := context.Background()
	pr, _, err := s.Client.PullRequests.Create(ctx, sandboxtest.Owner, sandboxtest.Name, &github.NewPullRequest{
		Title: github.String("Fix"), Head: github.String("hotfix/x"), Base: github.String("main")})
	if err != nil {
		t.Fatal(err)
	}
	r := Repo{Client: s.Client, Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	policy := config.Default().Guard
	e := Evaluation{Target: Target{Base: "main", PR: pr}, Policy: policy, Source: "main:.github/hotfix.yml"}
	out, err := Evaluate(ctx, r, e)
	if err != nil || out.Result.Verdict != guard.Pass || out.SHA != head || out.Heading.Policy != e.Source {
		t.Errorf("Evaluate = %+v, %v; want a pass on %s under %s", out, err, head, e.Source)
	}
	e.Policy.Limits.MaxLines = 1
	if out, err := Evaluate(ctx, r, e); err != nil || out.Result.Verdict != guard.Fail {
		t.Errorf("Evaluate with max_lines 1 = %+v, %v; want a fail", out.Result, err)
	}
	e.Target = Target{Base: "main", PR: &github.PullRequest{Number: github.Int(99)}}
	if _, err := Evaluate(ctx, r, e); err == nil || !strings.Contains(err.Error(), "guard: read the change set") {
		t.Errorf("Evaluate of an unknown PR = %v, want the change set named", err)
	}
}
