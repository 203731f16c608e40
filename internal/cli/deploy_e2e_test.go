package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// deployWorkflow is the repository's deploy workflow, run by workflow_dispatch with the tag.
const deployWorkflow = "name: deploy\non:\n  workflow_dispatch:\n    inputs:\n      version: {type: string, required: true}\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: echo deploying\n"

// deployPolicy turns the deploy on: the workflow at the tag, with the tag as its version input.
const deployPolicy = "deploy:\n  workflow: deploy.yml\n  inputs: {version: \"{tag}\"}\n"

// deployStory is an incident declared at 09:50 on a repository whose main has the deploy policy
// and workflow, v1.2.3 tagged on it, and the hotfix PR that names the incident merged at 10:30.
func deployStory(t *testing.T) (*lifecycle, string) {
	t.Helper()
	l := &lifecycle{followup: newFollowup(t, jan(5, 9, 0)), t: t}
	l.Push("main", map[string]string{"svc.txt": "one\ntwo\nthree\n", ".github/hotfix.yml": deployPolicy, ".github/workflows/deploy.yml": deployWorkflow})
	l.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", "main")
	l.Push("develop", map[string]string{"feature.txt": "new\n"}, "main")
	dispatch := writeEvent(t, map[string]any{"ref": "refs/heads/main", "repository": sandboxRepo, "sender": map[string]any{"login": "alice"},
		"inputs": map[string]any{"title": "Checkout fails for EU", "severity": "P1", "service": "checkout", "impact": "EU users can't pay",
			"impact_started": "2026-01-05T09:40:00Z", "create_branch": true}})
	l.runEvent(jan(5, 9, 50), "workflow_dispatch", dispatch)
	rec := l.record()
	pr := l.hotfixPR(rec.Branch)
	return l, mergedPayload(t, pr)
}

// record is incident #1 as its log has it now.
func (l *lifecycle) record() incident.Record {
	l.t.Helper()
	rec, err := incident.Load(context.Background(), l.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, 1, "sandbox-bot")
	if err != nil {
		l.t.Fatal(err)
	}
	return rec
}

// dispatchRuns are the workflow_dispatch runs of deploy.yml.
func dispatchRuns(s *sandbox.Server) []sandbox.Run {
	var out []sandbox.Run
	for _, r := range s.Runs() {
		if r.Path == ".github/workflows/deploy.yml" && r.Event == "workflow_dispatch" {
			out = append(out, r)
		}
	}
	return out
}

// TestMergeDispatchesDeployOnce: with deploy.workflow set, the merge tags v1.2.4 and dispatches
// deploy.yml at it once, with the tag as its input, and says so on the incident; a rerun of the
// merge finds the run and dispatches nothing.
func TestMergeDispatchesDeployOnce(t *testing.T) {
	t.Parallel()
	l, merged := deployStory(t)
	got := l.runEvent(jan(5, 10, 31), "pull_request", merged)
	containsAll(t, "merge", got.stdout, []string{"tag         v1.2.4 created", "deploy      deploy.yml dispatched at v1.2.4"})
	runs := dispatchRuns(l.Server)
	if len(runs) != 1 || runs[0].Branch != "v1.2.4" || runs[0].SHA != l.Git("rev-parse", "v1.2.4^{commit}") || runs[0].Inputs["version"] != "v1.2.4" {
		t.Fatalf("deploy runs after the merge: %+v; want one at v1.2.4 with version v1.2.4", runs)
	}
	rec := l.record()
	if !rec.Linked("deploy", 0, "v1.2.4") || !strings.Contains(l.body(1), "Deploy of v1.2.4 dispatched") {
		t.Errorf("the incident does not log the deploy of v1.2.4:\n%s", l.body(1))
	}
	again := l.runEvent(jan(5, 10, 40), "pull_request", merged)
	containsAll(t, "rerun", again.stdout, []string{"deploy      deploy.yml already dispatched at v1.2.4: " + runs[0].HTMLURL})
	if n := len(dispatchRuns(l.Server)); n != 1 {
		t.Errorf("%d deploy runs after a rerun of the merge, want 1", n)
	}
}

// workflowRunPayload is GitHub's example of the deploy workflow's completed run, with the run and
// the repository replaced by the sandbox's.
func workflowRunPayload(t *testing.T, run sandbox.Run) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(payloadDir, "workflow_run.completed.deploy.json"))
	if err != nil {
		t.Fatal(err)
	}
	var payload map[string]any
	if err := json.Unmarshal(raw, &payload); err != nil {
		t.Fatal(err)
	}
	wr := payload["workflow_run"].(map[string]any)
	wr["id"], wr["head_branch"], wr["head_sha"], wr["html_url"] = run.ID, run.Branch, run.SHA, run.HTMLURL
	wr["status"], wr["conclusion"], wr["updated_at"] = run.Status, run.Conclusion, run.UpdatedAt.Format(time.RFC3339)
	repo := payload["repository"].(map[string]any)
	repo["name"], repo["full_name"], repo["default_branch"] = sandboxtest.Name, sandboxtest.Owner+"/"+sandboxtest.Name, "main"
	repo["owner"].(map[string]any)["login"] = sandboxtest.Owner
	return writeEvent(t, payload)
}

// TestDeployOutcomeReachesIncident: the deploy workflow's run, completed with success at 10:50,
// puts "Fix deployed: v1.2.4 to production" into the incident's log and summary and into the
// postmortem's timeline at 10:50, once; a failed run's outcome names the run.
func TestDeployOutcomeReachesIncident(t *testing.T) {
	t.Parallel()
	l, merged := deployStory(t)
	l.runEvent(jan(5, 10, 31), "pull_request", merged)
	l.set(jan(5, 10, 50))
	run, err := l.Server.CompleteRun(dispatchRuns(l.Server)[0].ID, "success")
	if err != nil {
		t.Fatal(err)
	}
	event := workflowRunPayload(t, run)
	got := l.runEvent(jan(5, 10, 52), "workflow_run", event)
	containsAll(t, "workflow_run", got.stdout, []string{"deploy of v1.2.4 to production: success; recorded on incident #1"})
	containsAll(t, "the incident", l.body(1), []string{"Fix deployed: v1.2.4 to production"})
	if !strings.Contains(l.body(4), "| 2026-01-05 10:50 UTC | Fix deployed: v1.2.4 to production |") {
		t.Errorf("the postmortem's timeline lacks the deploy at 10:50:\n%s", l.body(4))
	}
	again := l.runEvent(jan(5, 10, 55), "workflow_run", event)
	containsAll(t, "rerun", again.stdout, []string{"incident #1 already has it"})
	if n := strings.Count(l.body(1), "Fix deployed"); n != 1 {
		t.Errorf("the summary shows the deploy %d times, want once:\n%s", n, l.body(1))
	}

	failed := run
	failed.Conclusion, failed.HTMLURL = "failure", run.HTMLURL+"-2"
	containsAll(t, "failed run", l.runEvent(jan(5, 11, 0), "workflow_run", workflowRunPayload(t, failed)).stdout,
		[]string{"deploy of v1.2.4 to production: failure; recorded on incident #1"})
	containsAll(t, "the incident after a failure", l.body(1), []string{"Deploy of v1.2.4 to production failed (failure): " + failed.HTMLURL})
}
