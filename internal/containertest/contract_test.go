//go:build e2e

package containertest

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/acttest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// pushedHotfix sets up a sandbox with main and a hotfix branch that changes one line (two lines
// of diff), and returns it, the push's payload and the hotfix's head.
func pushedHotfix(t *testing.T) (*sandboxtest.Sandbox, []byte, string) {
	t.Helper()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("main", map[string]string{"svc.txt": "one\ntwo\nthree\n"})
	head := s.Push("hotfix/login-timeout", map[string]string{"svc.txt": "one\nTWO fixed\nthree\n"}, "main")
	repo, _, err := s.Client.Repositories.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name)
	must(t, err)
	return s, acttest.PushPayload(t, repo, "hotfix/login-timeout", head), head
}

// statuses are the commit statuses on sha, context → state.
func statuses(t *testing.T, s *sandboxtest.Sandbox, sha string) map[string]string {
	t.Helper()
	combined, _, err := s.Client.Repositories.GetCombinedStatus(context.Background(), sandboxtest.Owner, sandboxtest.Name, sha, nil)
	must(t, err)
	got := map[string]string{}
	for _, st := range combined.Statuses {
		got[st.GetContext()] = st.GetState()
	}
	return got
}

// TestRunnerContract runs the actions' image as GitHub's runner runs a Docker action, and checks
// what differs inside a container: how inputs arrive, the workspace, the file commands, the exit
// codes and the user. Afterwards the image holds no token it was given.
func TestRunnerContract(t *testing.T) {
	t.Run("runs", func(t *testing.T) {
		t.Run("an underscore input arrives as INPUT_DRY_RUN and is read", func(t *testing.T) {
			t.Parallel()
			s, payload, head := pushedHotfix(t)
			got := runAction(t, actionRun{action: "actions/guard/action.yml", event: "push", payload: payload,
				with: map[string]string{"dry_run": "true"}}, s.URL)
			wantRun(t, got, 0, map[string]string{"verdict": "pass", "changed_files": "1", "changed_lines": "2"})
			if st := statuses(t, s, head); len(st) != 0 {
				t.Errorf("a dry run set statuses %v", st)
			}
		})
		t.Run("a hyphenated input arrives as INPUT_DRY-RUN, which the binary does not read", func(t *testing.T) {
			t.Parallel()
			s, payload, head := pushedHotfix(t)
			got := runAction(t, actionRun{action: "actions/guard/action.yml", event: "push", payload: payload,
				with: map[string]string{"dry-run": "true"}}, s.URL)
			wantRun(t, got, 0, map[string]string{"verdict": "pass", "changed_files": "1", "changed_lines": "2"})
			if diff := cmp.Diff(statuses(t, s, head), map[string]string{"hotfix/guard": "success"}); diff != "" {
				t.Errorf("statuses (-got +want):\n%s", diff)
			}
		})
		t.Run("the workspace is /github/workspace; a failed check exits 1", func(t *testing.T) {
			t.Parallel()
			s, payload, head := pushedHotfix(t)
			got := runAction(t, actionRun{action: "actions/guard/action.yml", event: "push", payload: payload,
				with:      map[string]string{"config": "policy/hotfix.yml"},
				workspace: map[string]string{"policy/hotfix.yml": "guard:\n  max_lines: 1\n"}}, s.URL)
			wantRun(t, got, 1, map[string]string{"verdict": "fail", "changed_files": "1", "changed_lines": "2"})
			if !strings.Contains(got.summary, "max-lines") {
				t.Errorf("the job summary does not name the max-lines rule of the workspace's policy:\n%s", got.summary)
			}
			if diff := cmp.Diff(statuses(t, s, head), map[string]string{"hotfix/guard": "failure"}); diff != "" {
				t.Errorf("statuses (-got +want):\n%s", diff)
			}
		})
		t.Run("the root action on a merged hotfix writes its outputs and summary to the file commands", func(t *testing.T) {
			t.Parallel()
			s := sandboxtest.Start(t, sandboxtest.Options{})
			pr := sandboxtest.MergedHotfix(t, s, "squash", "")
			repo, _, err := s.Client.Repositories.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name)
			must(t, err)
			got := runAction(t, actionRun{action: "action.yml", event: "pull_request", payload: acttest.MergedPayload(t, repo, pr),
				with: map[string]string{"only": "merge"}}, s.URL)
			wantRun(t, got, 0, map[string]string{"tag": "v1.2.4", "previous_tag": "v1.2.3", "sha": pr.GetMergeCommitSHA(), "backport_prs": "2", "postmortem_issue": "3"})
			if !strings.Contains(got.summary, "v1.2.4") || !strings.Contains(got.log, "::add-mask::"+sandboxtest.Token) {
				t.Errorf("the summary lacks v1.2.4, or the log the token's mask\nsummary:\n%s\nlog:\n%s", got.summary, got.log)
			}
			if _, _, err := s.Client.Git.GetRef(context.Background(), sandboxtest.Owner, sandboxtest.Name, "tags/v1.2.4"); err != nil {
				t.Errorf("tag v1.2.4 on the sandbox: %v", err)
			}
		})
		t.Run("a bad input exits 2 with an error annotation", func(t *testing.T) {
			t.Parallel()
			s, payload, _ := pushedHotfix(t)
			got := runAction(t, actionRun{action: "action.yml", event: "push", payload: payload,
				with: map[string]string{"only": "publish"}}, s.URL)
			if got.code != 2 || !strings.Contains(got.log, `::error::hotfix run: --only "publish" is not a route`) {
				t.Errorf("exit %d, want 2 and the error annotation\n%s", got.code, got.log)
			}
		})
	})
	checkNoSecret(t, image, sandboxtest.Token)
}

// wantRun checks a run's exit code and outputs, and that it ran as root: the output file it
// created is owned by uid 0.
func wantRun(t *testing.T, got ran, code int, outputs map[string]string) {
	t.Helper()
	if got.code != code {
		t.Errorf("exit %d, want %d\n%s", got.code, code, got.log)
	}
	if diff := cmp.Diff(got.outputs, outputs); diff != "" {
		t.Errorf("outputs (-got +want):\n%s\n%s", diff, got.log)
	}
	if got.outputFileUID != 0 {
		t.Errorf("the output file belongs to uid %d: the container did not run as root", got.outputFileUID)
	}
}
