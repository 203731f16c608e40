package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestRunMergeOnMaster plays the merge lifecycle on a repository whose default (and production)
// branch is master, with the policy `hotfix init` writes for it: the tag on master's merge
// commit, the backport PR to develop and the postmortem.
func TestRunMergeOnMaster(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Branch: "master"})
	s.Push("master", map[string]string{".github/hotfix.yml": "branches:\n  production: master\n"})
	repo, _, err := s.Client.Repositories.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name)
	if err != nil || repo.GetDefaultBranch() != "master" {
		t.Fatalf("default branch %q, %v; want master", repo.GetDefaultBranch(), err)
	}
	pr := sandboxtest.MergedHotfixInto(t, s, "master", "squash", "Incident: none")
	vars := actionVars(t, map[string]string{
		"GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": mergedPayload(t, pr),
		"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token,
	})
	got := run(t, t.TempDir(), vars, "run")
	if got.code != ExitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	for _, want := range []string{"merged into master", "tag         v1.2.4 created (previous v1.2.3)", "backport    #2 to develop created", "postmortem  #3 created"} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, got.stdout)
		}
	}
	backport, _, err := s.Client.PullRequests.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, 2)
	if err != nil {
		t.Fatal(err)
	}
	state := []string{s.Git("rev-parse", "v1.2.4^{commit}"), backport.GetBase().GetRef()}
	if diff := cmp.Diff(state, []string{pr.GetMergeCommitSHA(), "develop"}); diff != "" {
		t.Errorf("v1.2.4's commit and the backport's base (-got +want):\n%s", diff)
	}
}
