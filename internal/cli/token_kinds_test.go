package cli

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/prguard"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// tokenKind is a kind of token the toolkit may be given, and the login GitHub says it writes as.
type tokenKind struct{ name, spec, secret, login string }

// tokenKinds are the three kinds: an App's installation token, a workflow's GITHUB_TOKEN and a
// person's token. GET /user answers 403 to the first two.
var tokenKinds = []tokenKind{
	{"app", "app:incident-bot=S1", "S1", "incident-bot[bot]"},
	{"actions", "actions=S3", "S3", "github-actions[bot]"},
	{"user", "user:ada=S2", "S2", "ada"},
}

// kindStory is one incident's story on a sandbox where the toolkit holds a token of one kind and
// no identity is set; people act through the sandbox's own user.
type kindStory struct {
	*sandboxtest.Sandbox
	t    *testing.T
	kind tokenKind
	mu   sync.Mutex
	at   time.Time
}

func (k *kindStory) now() time.Time { k.mu.Lock(); defer k.mu.Unlock(); return k.at }

// runTwice runs `hotfix run` on the event at time at, then again (a rerun of the same workflow
// run): both exit 0, and the rerun creates no issue, pull request, comment, tag or branch.
func (k *kindStory) runTwice(at time.Time, name, path string, times int) []result {
	k.t.Helper()
	k.mu.Lock()
	k.at = at
	k.mu.Unlock()
	vars := actionVars(k.t, map[string]string{"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": k.URL, "GITHUB_TOKEN": k.kind.secret,
		"GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": path, "GITHUB_ACTOR": "alice", "GITHUB_RUN_ID": "4242"})
	var out []result
	var first state
	for i := range times {
		got := runAt(k.t, k.t.TempDir(), vars, at, "run")
		if got.code != ExitOK {
			k.t.Fatalf("hotfix run on %s (run %d): exit %d\nstdout:\n%s\nstderr:\n%s", name, i+1, got.code, got.stdout, got.stderr)
		}
		out = append(out, got)
		if i == 0 {
			first = k.state()
		} else if diff := cmp.Diff(k.state(), first); diff != "" {
			k.t.Errorf("run %d on %s created something (-after +before):\n%s", i+1, name, diff)
		}
	}
	return out
}

// state is what a rerun must not add to.
type state struct{ Issues, Comments, Tags, Branches int }

func (k *kindStory) state() state {
	k.t.Helper()
	ctx := context.Background()
	issues, _, err := k.Client.Issues.ListByRepo(ctx, sandboxtest.Owner, sandboxtest.Name, &github.IssueListByRepoOptions{State: "all", ListOptions: github.ListOptions{PerPage: 100}})
	if err != nil {
		k.t.Fatal(err)
	}
	comments, _, err := k.Client.Issues.ListComments(ctx, sandboxtest.Owner, sandboxtest.Name, 0, &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}})
	if err != nil {
		k.t.Fatal(err)
	}
	return state{len(issues), len(comments), len(strings.Fields(k.Git("tag", "--list"))), len(strings.Fields(k.Git("for-each-ref", "--format=%(refname)", "refs/heads")))}
}

// count is how many issues (pull requests included) with label there are, and who wrote them.
func (k *kindStory) count(label string) (int, []string) {
	k.t.Helper()
	issues, _, err := k.Client.Issues.ListByRepo(context.Background(), sandboxtest.Owner, sandboxtest.Name, &github.IssueListByRepoOptions{State: "all", Labels: []string{label}})
	if err != nil {
		k.t.Fatal(err)
	}
	var authors []string
	for _, is := range issues {
		authors = append(authors, is.GetUser().GetLogin())
	}
	return len(issues), authors
}

// TestLifecycleUnderEveryTokenKind plays declare, a command, the guard, the merge, /resolve, an
// action item and a reminder with each kind of token and no identity set, each event run again
// (the guard three times), and checks that the reruns create nothing: one incident, one guard
// comment, one tag, one backport PR, one postmortem, all written as the token's login.
func TestLifecycleUnderEveryTokenKind(t *testing.T) {
	t.Parallel()
	for _, kind := range tokenKinds {
		t.Run(kind.name, func(t *testing.T) {
			t.Parallel()
			k := &kindStory{t: t, kind: kind, at: jan(5, 9, 0)}
			k.Sandbox = sandboxtest.Start(t, sandboxtest.Options{Clock: k.now, Tokens: []string{kind.spec}})
			k.play()
		})
	}
}

func (k *kindStory) play() {
	t := k.t
	k.Push("main", map[string]string{"svc.txt": "one\ntwo\nthree\n"})
	k.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", "main")
	k.Push("develop", map[string]string{"feature.txt": "new\n"}, "main")

	dispatch := writeEvent(t, map[string]any{"ref": "refs/heads/main", "repository": sandboxRepo, "sender": map[string]any{"login": "alice"},
		"inputs": map[string]any{"title": "Checkout fails", "severity": "P1", "service": "checkout", "impact": "EU users can't pay", "create_branch": true}})
	k.runTwice(jan(5, 9, 50), "workflow_dispatch", dispatch, 2)
	if n, authors := k.count("incident"); n != 1 || authors[0] != k.kind.login {
		t.Fatalf("%d incidents by %v, want one by %s", n, authors, k.kind.login)
	}
	rec, err := incident.Load(context.Background(), k.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, 1, k.kind.login)
	if err != nil || rec.Branch == "" || len(rec.Entries) != 1 {
		t.Fatalf("the incident's log as %s: branch %q, %d entries, %v; want the declared entry", k.kind.login, rec.Branch, len(rec.Entries), err)
	}
	k.set(jan(5, 10, 5))
	status := k.runTwice(jan(5, 10, 5), "issue_comment", commentEvent(t, k.Sandbox, 1, "/status identified db pool"), 2)
	containsAll(t, "/status", status[0].stdout+status[1].stdout, []string{"incident #1: applied", "incident #1: already"})

	pr := k.openPR(rec.Branch)
	k.runTwice(jan(5, 10, 15), "pull_request", writeEvent(t, map[string]any{"action": "synchronize", "number": pr.GetNumber(),
		"pull_request": pr, "repository": sandboxRepo, "sender": map[string]any{"login": "alice"}}), 3)
	k.checkGuardComment(pr.GetNumber())

	merged := k.merge(pr)
	k.runTwice(jan(5, 10, 31), "pull_request", mergedPayload(t, merged), 2)
	k.checkMerge()

	k.set(jan(5, 11, 52))
	k.runTwice(jan(5, 11, 52), "issue_comment", commentEvent(t, k.Sandbox, 1, "/resolve error rate normal"), 2)
	k.followUp()
}

func (k *kindStory) set(at time.Time) { k.mu.Lock(); defer k.mu.Unlock(); k.at = at }

// openPR pushes a fix to branch and opens its PR naming incident #1.
func (k *kindStory) openPR(branch string) *github.PullRequest {
	k.t.Helper()
	k.set(jan(5, 10, 10))
	k.Push(branch, map[string]string{"svc.txt": "one\nTWO fixed\nthree\n"})
	pr, _, err := k.Client.PullRequests.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name, &github.NewPullRequest{
		Title: github.String("Raise the pool size"), Head: &branch, Base: github.String("main"), Body: github.String("Incident: #1\n")})
	if err != nil {
		k.t.Fatal(err)
	}
	return pr
}

// checkGuardComment: three guard runs on the PR leave one guard comment, by the token's login.
func (k *kindStory) checkGuardComment(number int) {
	k.t.Helper()
	comments, _, err := k.Client.Issues.ListComments(context.Background(), sandboxtest.Owner, sandboxtest.Name, number, nil)
	if err != nil {
		k.t.Fatal(err)
	}
	var guards []string
	for _, c := range comments {
		if strings.Contains(c.GetBody(), prguard.Marker) {
			guards = append(guards, c.GetUser().GetLogin())
		}
	}
	if diff := cmp.Diff(guards, []string{k.kind.login}); diff != "" {
		k.t.Errorf("guard comments' authors after three runs (-got +want):\n%s", diff)
	}
}

// merge squash-merges the PR at 10:30 and returns it as the merged event carries it.
func (k *kindStory) merge(pr *github.PullRequest) *github.PullRequest {
	k.t.Helper()
	ctx, c := context.Background(), k.Client
	k.set(jan(5, 10, 30))
	for range 2 { // mergeable is null until the sandbox has computed it
		if _, _, err := c.PullRequests.Get(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber()); err != nil {
			k.t.Fatal(err)
		}
	}
	if _, _, err := c.PullRequests.Merge(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber(), "", &github.PullRequestOptions{MergeMethod: "squash"}); err != nil {
		k.t.Fatal(err)
	}
	merged, _, err := c.PullRequests.Get(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber())
	if err != nil {
		k.t.Fatal(err)
	}
	return merged
}

// checkMerge: one tag, one backport PR to develop and one postmortem, by the token's login.
func (k *kindStory) checkMerge() {
	k.t.Helper()
	if got := k.Git("tag", "--list"); got != "v1.2.3\nv1.2.4" {
		k.t.Errorf("tags = %q, want v1.2.3 and one new v1.2.4", got)
	}
	pulls, _, err := k.Client.PullRequests.List(context.Background(), sandboxtest.Owner, sandboxtest.Name, &github.PullRequestListOptions{State: "all", Base: "develop"})
	if err != nil || len(pulls) != 1 || pulls[0].GetUser().GetLogin() != k.kind.login {
		k.t.Errorf("%d backport PRs (%v), want one by %s", len(pulls), err, k.kind.login)
	}
	if n, authors := k.count("postmortem"); n != 1 || authors[0] != k.kind.login {
		k.t.Errorf("%d postmortems by %v, want one by %s", n, authors, k.kind.login)
	}
}

// followUp files an action item on the postmortem and runs its issues event twice, then the
// schedule twice after the item is overdue: one table update and one reminder.
func (k *kindStory) followUp() {
	k.t.Helper()
	issues, _, err := k.Client.Issues.ListByRepo(context.Background(), sandboxtest.Owner, sandboxtest.Name, &github.IssueListByRepoOptions{State: "all", Labels: []string{"postmortem"}})
	if err != nil || len(issues) != 1 {
		k.t.Fatalf("postmortems: %d, %v", len(issues), err)
	}
	k.set(jan(5, 12, 0))
	item, _, err := k.Client.Issues.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name, &github.IssueRequest{
		Title: github.String("Alert on pool saturation"), Body: github.String(fmt.Sprintf("Postmortem: #%d\nDue: 2026-01-08", issues[0].GetNumber())),
		Labels: &[]string{"postmortem-action"}})
	if err != nil {
		k.t.Fatal(err)
	}
	action := "labeled"
	k.runTwice(jan(5, 12, 0), "issues", writeEvent(k.t, github.IssuesEvent{Action: &action, Issue: item, Repo: repository(),
		Label: &github.Label{Name: github.String("postmortem-action")}}), 2)
	schedule := writeEvent(k.t, event.ScheduleEvent{Cron: "*/30 * * * *", Repo: repository()})
	got := k.runTwice(jan(10, 10, 0), "schedule", schedule, 2)
	containsAll(k.t, "remind", got[0].stdout, []string{fmt.Sprintf("#%d action-item, window 2026-01-09T00:00:00Z: reminded", item.GetNumber())})
	containsAll(k.t, "remind again", got[1].stdout, []string{"0 reminders posted"})
}
