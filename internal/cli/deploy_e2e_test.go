package cli

import (
	"context"
	"strings"
	"testing"

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
