package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
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
func deployStory(t *testing.T, seed ...func(*lifecycle)) (*lifecycle, string) {
	t.Helper()
	l := &lifecycle{followup: newFollowup(t, jan(5, 9, 0)), t: t}
	l.Push("main", map[string]string{"svc.txt": "one\ntwo\nthree\n", ".github/hotfix.yml": deployPolicy, ".github/workflows/deploy.yml": deployWorkflow})
	l.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", "main")
	for _, f := range seed {
		f(l)
	}
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
	vars := l.vars("", nil)
	vars["GITHUB_EVENT_NAME"], vars["GITHUB_EVENT_PATH"] = "pull_request", merged
	plan := runAt(t, t.TempDir(), vars, jan(5, 10, 31), "run", "--dry-run")
	containsAll(t, "dry run", plan.stdout, []string{"would deploy   deploy.yml at v1.2.4, unless a run of it at that ref exists"})
	if n := len(dispatchRuns(l.Server)); n != 0 {
		t.Errorf("the dry run dispatched %d deploys", n)
	}
	l.Server.ResetRequests()
	got := l.runEvent(jan(5, 10, 31), "pull_request", merged)
	containsAll(t, "merge", got.stdout, []string{"tag         v1.2.4 created", "deploy      deploy.yml dispatched at v1.2.4: "})
	l.checkDeployRequests("the merge", 1, 1)
	runs := dispatchRuns(l.Server)
	if len(runs) != 1 || runs[0].Branch != "v1.2.4" || runs[0].SHA != l.Git("rev-parse", "v1.2.4^{commit}") || runs[0].Inputs["version"] != "v1.2.4" {
		t.Fatalf("deploy runs after the merge: %+v; want one at v1.2.4 with version v1.2.4", runs)
	}
	rec := l.record()
	if !rec.Linked("deploy", 0, "v1.2.4") || !strings.Contains(l.body(1), "Deploy of v1.2.4 dispatched") {
		t.Errorf("the incident does not log the deploy of v1.2.4:\n%s", l.body(1))
	}
	l.Server.ResetRequests()
	again := l.runEvent(jan(5, 10, 40), "pull_request", merged)
	l.checkDeployRequests("the rerun", 1, 0)
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

// deployedAt records a successful deployment of tag to production at time at, as a deploy job
// with an environment does.
func deployedAt(tag string, at time.Time) func(*lifecycle) {
	return func(l *lifecycle) {
		l.t.Helper()
		l.set(at)
		ctx := context.Background()
		d, _, err := l.Client.Repositories.CreateDeployment(ctx, sandboxtest.Owner, sandboxtest.Name, &github.DeploymentRequest{Ref: github.String(tag), Environment: github.String("production")})
		if err != nil {
			l.t.Fatal(err)
		}
		if _, _, err := l.Client.Repositories.CreateDeploymentStatus(ctx, sandboxtest.Owner, sandboxtest.Name, d.GetID(), &github.DeploymentStatusRequest{State: github.String("success")}); err != nil {
			l.t.Fatal(err)
		}
	}
}

// commentAs posts body on incident #1 as login and returns the issue_comment event file for it.
func (l *lifecycle) commentAs(login, body string) string {
	l.t.Helper()
	ctx := context.Background()
	cm, _, err := l.As(login).Issues.CreateComment(ctx, sandboxtest.Owner, sandboxtest.Name, 1, &github.IssueComment{Body: &body})
	if err != nil {
		l.t.Fatal(err)
	}
	issue, _, err := l.Client.Issues.Get(ctx, sandboxtest.Owner, sandboxtest.Name, 1)
	if err != nil {
		l.t.Fatal(err)
	}
	return writeEvent(l.t, map[string]any{"action": "created", "issue": issue, "comment": cm, "repository": sandboxRepo, "sender": cm.User})
}

// TestRollback: the declared incident names the last known good release and its rule (the newest
// one deployed to production before the impact started, from the Deployments API); /rollback
// from a writer dispatches deploy.yml at it and
// records the mitigation with the tag and the rule, and the deploy's outcome comes back to the
// incident; a rerun dispatches nothing more; a
// non-writer's /rollback is refused with a reply, and a TAG that is no release gets one.
func TestRollback(t *testing.T) {
	t.Parallel()
	l, merged := deployStory(t, deployedAt("v1.2.3", jan(5, 9, 10)))
	l.runEvent(jan(5, 10, 31), "pull_request", merged)
	containsAll(t, "the declared incident", l.body(1), []string{"`v1.2.3`, deployed 2026-01-05 09:10 UTC: the rollback candidate, as the newest release deployed successfully to production before the impact started."})

	l.set(jan(5, 10, 40))
	refused := l.runEvent(jan(5, 10, 40), "issue_comment", l.commentAs("mallory", "/rollback"))
	containsAll(t, "non-writer", refused.stdout, []string{"incident #1: refused"})
	if n := len(dispatchRuns(l.Server)); n != 1 {
		t.Errorf("%d deploy runs after a non-writer's /rollback, want only the merge's", n)
	}
	l.set(jan(5, 10, 41))
	bad := l.runEvent(jan(5, 10, 41), "issue_comment", commentEvent(t, l.Sandbox, 1, "/rollback v9.9.9"))
	containsAll(t, "unknown tag", bad.stdout, []string{"incident #1: invalid"})

	l.set(jan(5, 10, 45))
	event := commentEvent(t, l.Sandbox, 1, "/rollback checkout errors after v1.2.4")
	containsAll(t, "/rollback", l.runEvent(jan(5, 10, 45), "issue_comment", event).stdout, []string{"incident #1: applied mitigated"})
	runs := dispatchRuns(l.Server)
	if len(runs) != 2 || runs[1].Branch != "v1.2.3" || runs[1].Inputs["version"] != "v1.2.3" {
		t.Fatalf("deploy runs after /rollback: %+v; want the merge's and one at v1.2.3", runs)
	}
	rec := l.record()
	if rec.MitigatedHow != "rollback" || !rec.Mitigated.Equal(jan(5, 10, 45)) || !rec.Linked("deploy", 0, "v1.2.3") {
		t.Errorf("after /rollback: mitigated %q at %s, links %+v", rec.MitigatedHow, rec.Mitigated, rec.Links)
	}
	containsAll(t, "the incident", l.body(1), []string{"Mitigated by rollback: Rolled back to v1.2.3 (the newest release deployed successfully to production before the impact started)."})
	containsAll(t, "/rollback again", l.runEvent(jan(5, 10, 50), "issue_comment", event).stdout, []string{"incident #1: already"})
	if n := len(dispatchRuns(l.Server)); n != 2 {
		t.Errorf("%d deploy runs after a rerun of /rollback, want 2", n)
	}
	l.set(jan(5, 11, 0))
	done, err := l.Server.CompleteRun(runs[1].ID, "success")
	if err != nil {
		t.Fatal(err)
	}
	containsAll(t, "the rollback's outcome", l.runEvent(jan(5, 11, 1), "workflow_run", workflowRunPayload(t, done)).stdout,
		[]string{"deploy of v1.2.3 to production: success; recorded on incident #1"})
	containsAll(t, "the incident after the rollback's deploy", l.body(1), []string{"Fix deployed: v1.2.3 to production"})
	replies := l.comments(1)
	containsAll(t, "replies", replies, []string{"Incident commands can only be given by collaborators with write access", "there is no tag v9.9.9 in the repository"})
}

// comments is every comment on issue number, joined.
func (l *lifecycle) comments(number int) string {
	l.t.Helper()
	cms, _, err := l.Client.Issues.ListComments(context.Background(), sandboxtest.Owner, sandboxtest.Name, number, &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}})
	if err != nil {
		l.t.Fatal(err)
	}
	var b strings.Builder
	for _, c := range cms {
		b.WriteString(c.GetBody() + "\n")
	}
	return b.String()
}

// TestDeploymentStatusReachesIncident: a deploy job with an environment reports through
// deployment_status; its failure at 10:50 is recorded on the incident with the log's link.
func TestDeploymentStatusReachesIncident(t *testing.T) {
	t.Parallel()
	l, merged := deployStory(t)
	l.runEvent(jan(5, 10, 31), "pull_request", merged)
	l.set(jan(5, 10, 50))
	ctx := context.Background()
	d, _, err := l.Client.Repositories.CreateDeployment(ctx, sandboxtest.Owner, sandboxtest.Name, &github.DeploymentRequest{Ref: github.String("v1.2.4"), Environment: github.String("production")})
	if err != nil {
		t.Fatal(err)
	}
	st, _, err := l.Client.Repositories.CreateDeploymentStatus(ctx, sandboxtest.Owner, sandboxtest.Name, d.GetID(),
		&github.DeploymentStatusRequest{State: github.String("failure"), LogURL: github.String("https://ci.example/logs/7")})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(payloadDir, "deployment_status.created.json"))
	if err != nil {
		t.Fatal(err)
	}
	var payload map[string]any
	if err := json.Unmarshal(raw, &payload); err != nil {
		t.Fatal(err)
	}
	for key, v := range map[string]any{"deployment": d, "deployment_status": st} {
		data, _ := json.Marshal(v)
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		payload[key] = m
	}
	repo := payload["repository"].(map[string]any)
	repo["name"], repo["full_name"], repo["default_branch"] = sandboxtest.Name, sandboxtest.Owner+"/"+sandboxtest.Name, "main"
	repo["owner"].(map[string]any)["login"] = sandboxtest.Owner
	got := l.runEvent(jan(5, 10, 52), "deployment_status", writeEvent(t, payload))
	containsAll(t, "deployment_status", got.stdout, []string{"deploy of v1.2.4 to production: failure; recorded on incident #1"})
	containsAll(t, "the incident", l.body(1), []string{"Deploy of v1.2.4 to production failed (failure): https://ci.example/logs/7"})
}

// checkDeployRequests checks what the deploy cost since the last reset: reads of deploy.yml's
// runs and dispatches of it.
func (l *lifecycle) checkDeployRequests(what string, reads, dispatches int) {
	l.t.Helper()
	runs, posts := 0, 0
	for _, r := range l.Server.RequestLog() {
		switch {
		case r.Route == "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs" && strings.HasPrefix(r.Path, "/repos/acme/shop/actions/workflows/deploy.yml/runs?"):
			runs++
		case r.Route == "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches":
			posts++
		}
	}
	if runs != reads || posts != dispatches {
		l.t.Errorf("%s read the runs %d times and dispatched %d times, want %d and %d", what, runs, posts, reads, dispatches)
	}
}
