package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// sandboxVars is the environment of a command run against the sandbox.
func sandboxVars(s *sandboxtest.Sandbox) map[string]string {
	return map[string]string{"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token}
}

// TestBackportAndPostmortemCommands runs the merge's later steps on their own, by PR number,
// and again, which makes nothing new.
func TestBackportAndPostmortemCommands(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	sandboxtest.MergedHotfix(t, s, "merge", "")
	for range 2 {
		got := run(t, t.TempDir(), sandboxVars(s), "backport", "--pr", "1", "--json")
		if got.code != ExitOK {
			t.Fatalf("backport: exit %d\n%s%s", got.code, got.stdout, got.stderr)
		}
		var res struct {
			Backports []struct {
				Number int
				Target struct{ Branch string }
			}
		}
		if err := json.Unmarshal([]byte(got.stdout[strings.Index(got.stdout, "{"):]), &res); err != nil {
			t.Fatalf("backport --json: %v\n%s", err, got.stdout)
		}
		if len(res.Backports) != 1 || res.Backports[0].Number != 2 || res.Backports[0].Target.Branch != "develop" {
			t.Errorf("backports = %+v, want #2 to develop", res.Backports)
		}
		pm := run(t, t.TempDir(), sandboxVars(s), "postmortem", "--pr", "1")
		if pm.code != ExitOK || !strings.Contains(pm.stdout, "postmortem  #3 ") {
			t.Fatalf("postmortem: exit %d\n%s%s", pm.code, pm.stdout, pm.stderr)
		}
	}
	all, _, err := s.Client.Issues.ListByRepo(context.Background(), sandboxtest.Owner, sandboxtest.Name, &github.IssueListByRepoOptions{State: "all"})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Errorf("%d issues and PRs, want 3: the hotfix, one backport and one postmortem", len(all))
	}
}

// TestBackportFromTheEvent takes the merged PR from the payload, as the action does.
func TestBackportFromTheEvent(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	pr := sandboxtest.MergedHotfix(t, s, "squash", "")
	vars := actionVars(t, sandboxVars(s))
	vars["GITHUB_EVENT_NAME"], vars["GITHUB_EVENT_PATH"] = "pull_request", mergedPayload(t, pr)
	got := run(t, t.TempDir(), vars, "backport")
	if got.code != ExitOK || !strings.Contains(got.outputs, "backport_prs<<") || strings.Contains(got.outputs, "tag<<") {
		t.Errorf("backport in an action: exit %d, outputs:\n%s\n%s%s", got.code, got.outputs, got.stdout, got.stderr)
	}
}

// TestPostmortemForIncident opens the postmortem of an incident that had no hotfix PR.
func TestPostmortemForIncident(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	repo := incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	_, err := incident.Declare(context.Background(), s.Client, repo, incident.Declaration{RunID: 3, Title: "Queue backlog", Severity: "P2", Commander: "ada"},
		incident.Options{Identity: "sandbox-bot", Production: "main", Prefix: "v", Window: time.Hour, Scale: incident.Severities, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	got := run(t, t.TempDir(), sandboxVars(s), "postmortem", "--incident", "1")
	if got.code != ExitOK || !strings.Contains(got.stdout, "incident #1") || !strings.Contains(got.stdout, "postmortem  #2 created") {
		t.Fatalf("postmortem --incident: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	pm, _, err := s.Client.Issues.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, 2)
	if err != nil || pm.GetTitle() != "Incident Postmortem: Queue backlog" {
		t.Errorf("postmortem title %q, %v", pm.GetTitle(), err)
	}
}

func TestMergeStepUsage(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"backport", "--pr", "-1"}, "--pr -1 is not a pull request number"},
		{[]string{"backport"}, "no --pr, and no event to take the PR from"},
		{[]string{"postmortem", "--pr", "1", "--incident", "2"}, "give --pr N or --incident N, not both"},
		{[]string{"backport", "now"}, `unexpected argument "now"`},
	}
	for _, tt := range tests {
		got := run(t, t.TempDir(), sandboxVars(s), tt.args...)
		if got.code != ExitUsage || !strings.Contains(got.stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, got.code, got.stderr, tt.want)
		}
	}
	got := run(t, t.TempDir(), sandboxVars(s), "backport", "--pr", "1")
	if got.code != ExitFailed || !strings.Contains(got.stderr, "read #1") {
		t.Errorf("backport of a missing PR: exit %d, stderr %q", got.code, got.stderr)
	}
}
