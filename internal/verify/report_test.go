package verify

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/golden"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// failedRun is a run whose second step failed after an allowed failure, with a hostile name.
var failedRun = Result{Verdict: Fail, FailedStep: "go test", Duration: 83 * time.Second, Steps: []StepResult{
	{Name: "lint | @org/team", Outcome: Failed, ExitCode: 2, Duration: 1500 * time.Millisecond, Allowed: true, Message: "exited with code 2"},
	{Name: "go test", Outcome: Failed, ExitCode: 1, Duration: 80 * time.Second, Message: "exited with code 1"},
	{Name: "slow", Outcome: TimedOut, ExitCode: -1, Duration: 10 * time.Second, Message: "timed out after 10s; killed its process group"},
	{Name: "build", Outcome: Skipped, ExitCode: -1},
}}

func TestMarkdown(t *testing.T) {
	t.Parallel()
	detected := Plan{Source: "detected", Notes: []string{"go.mod is a Go module: go vet ./..., go build ./... and go test ./..."}}
	golden.Check(t, "summary-fail.md.golden", Markdown(detected, failedRun))
	pass := Result{Verdict: Pass, Duration: 2 * time.Second, Steps: []StepResult{{Name: "vet", Outcome: Passed, Duration: 2 * time.Second}}}
	golden.Check(t, "summary-pass.md.golden", Markdown(Plan{Source: "policy"}, pass))
	golden.Check(t, "summary-none.md.golden", Markdown(Plan{Source: "none", Notes: []string{"verify.steps is empty and verify.detect is false, so nothing runs"}}, Result{Verdict: Pass}))
}

func TestElapsed(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		0: "<1ms", 400 * time.Microsecond: "<1ms", 415 * time.Millisecond: "415ms", 999 * time.Millisecond: "999ms",
		1500 * time.Millisecond: "1.5s", 12340 * time.Millisecond: "12.3s", 80 * time.Second: "1m20s", 2 * time.Hour: "2h0m0s",
	} {
		if got := Elapsed(d); got != want {
			t.Errorf("Elapsed(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestDescriptions(t *testing.T) {
	t.Parallel()
	long := Plan{}
	for i := 0; i < 30; i++ {
		long.Steps = append(long.Steps, Step{Name: "a step with a long name"})
	}
	pass := Result{Verdict: Pass, Duration: 65 * time.Second, Steps: []StepResult{{Name: "lint", Outcome: Failed, Allowed: true}, {Name: "test", Outcome: Passed}}}
	for name, tc := range map[string]struct{ got, want string }{
		"pending": {pendingDescription(Plan{Steps: []Step{{Name: "go vet"}, {Name: "go test"}}}), "running 2 steps: go vet, go test"},
		"failure": {finalDescription(failedRun), "go test failed after 1m20s (exit code 1)"},
		"pass":    {finalDescription(pass), "2 steps passed in 1m5s; lint failed but may fail"},
		"nothing": {finalDescription(Result{Verdict: Pass}), "no verify steps: the policy lists none and turns detection off"},
		"fast failure": {finalDescription(Result{Verdict: Fail, FailedStep: "lint", Steps: []StepResult{{Name: "lint", Outcome: Failed, ExitCode: 1, Duration: 415 * time.Millisecond}}}),
			"lint failed after 415ms (exit code 1)"},
		"fast pass": {finalDescription(Result{Verdict: Pass, Duration: 2340 * time.Millisecond, Steps: []StepResult{{Name: "vet", Outcome: Passed}}}), "1 step passed in 2.3s"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", name, tc.got, tc.want)
		}
	}
	// The cut is gh.StatusDescription's, as for the guard's status: "…", not "..." as it was.
	if got := pendingDescription(long); len([]rune(got)) != gh.MaxStatusDescription || !strings.HasSuffix(got, "…") {
		t.Errorf("a long description is %d characters (%q), want %d ending in …", len([]rune(got)), got, gh.MaxStatusDescription)
	}
}

// TestStatusOnTheSandbox writes pending then the verdict, and checks that the head has exactly
// those hotfix/verify statuses, newest first.
func TestStatusOnTheSandbox(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		res  Result
		want string
	}{
		"success": {Result{Verdict: Pass, Duration: time.Second, Steps: []StepResult{{Name: "go test", Outcome: Passed}}}, "success"},
		"failure": {failedRun, "failure"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := sandboxtest.Start(t, sandboxtest.Options{})
			sha := s.Push("hotfix/login", map[string]string{"a.txt": "a\n"})
			st := Status{Client: s.Client.Repositories, Owner: sandboxtest.Owner, Name: sandboxtest.Name, SHA: sha, TargetURL: "https://github.com/acme/shop/actions/runs/7"}
			ctx := context.Background()
			s.Server.ResetRequests()
			if err := st.Pending(ctx, Plan{Steps: []Step{{Name: "go test"}}}); err != nil {
				t.Fatal(err)
			}
			if err := st.Final(ctx, tc.res); err != nil {
				t.Fatal(err)
			}
			if n := s.Requests(); n != 2 {
				t.Errorf("%d requests, want 2", n)
			}
			list, _, err := s.Client.Repositories.ListStatuses(ctx, sandboxtest.Owner, sandboxtest.Name, sha, nil)
			if err != nil {
				t.Fatal(err)
			}
			type status struct{ Context, State, Description, URL string }
			var got []status
			for _, r := range list {
				got = append(got, status{r.GetContext(), r.GetState(), r.GetDescription(), r.GetTargetURL()})
			}
			want := []status{
				{Context, tc.want, finalDescription(tc.res), st.TargetURL},
				{Context, "pending", "running 1 step: go test", st.TargetURL},
			}
			if diff := cmp.Diff(got, want); diff != "" {
				t.Errorf("statuses (-got +want):\n%s", diff)
			}
		})
	}
}

func TestStatusErrorNamesTheCause(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	st := Status{Client: s.Client.Repositories, Owner: sandboxtest.Owner, Name: sandboxtest.Name, SHA: strings.Repeat("0", 40)}
	err := st.Pending(context.Background(), Plan{})
	if err == nil || !strings.Contains(err.Error(), "set the hotfix/verify status pending on 0000") {
		t.Errorf("Pending on a missing commit: %v", err)
	}
	var _ StatusWriter = (*github.RepositoriesService)(nil)
}
