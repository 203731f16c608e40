//go:build e2e

package workflowtest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/acttest"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/refname"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

const (
	owner, name   = sandboxtest.Owner, sandboxtest.Name
	hotfixBranch  = "hotfix/login-timeout"
	incidentTitle = "Login times out" // the title input of workflow_dispatch.declare.json
)

// stages are the story's events, in order. Each job runs its from-source step; the step that
// would pull the container image is skipped, so it is not among the steps act reports.
var stages = []stage{{
	name: "push to a hotfix branch: guard and verify", event: "push", workflow: "hotfix.yml",
	payload: pushStage,
	jobs:    map[string]string{"guard": "success", "verify": "success", "verify-status": "success"},
	steps:   map[string][]string{"guard": {"guard-from-source success"}, "verify": {"0 success", "verify success"}, "verify-status": {"0 success"}},
	check:   checkStatuses,
}, {
	name: "merged hotfix pull request: tag, backport, postmortem", event: "pull_request", workflow: "hotfix.yml",
	payload: mergeStage,
	jobs:    map[string]string{"merge": "success"},
	steps:   map[string][]string{"merge": {"merge-from-source success"}},
	check:   checkMerge,
}, {
	name: "workflow_dispatch: declare an incident", event: "workflow_dispatch", workflow: "incident.yml",
	payload: func(t *testing.T, st *story) []byte {
		return acttest.DispatchPayload(t, st.repo, &github.User{Login: github.String("ada")})
	},
	jobs:  map[string]string{"declare": "success"},
	steps: map[string][]string{"declare": {"declare-from-source success"}},
	check: checkIncident,
}, {
	name: "issues labeled: an action item joins the postmortem's table", event: "issues", workflow: "incident.yml",
	payload: actionItemStage,
	jobs:    map[string]string{"action-items": "success"},
	steps:   map[string][]string{"action-items": {"1 success"}},
	check:   checkActionItem,
}, {
	name: "issue_comment: /status on the incident", event: "issue_comment", workflow: "incident.yml",
	payload: statusStage,
	jobs:    map[string]string{"update": "success"},
	steps:   map[string][]string{"update": {"1 success"}},
	check:   checkStatusUpdate,
}, {
	name: "schedule: a reminder on the overdue action item", event: "schedule", workflow: "incident.yml",
	payload: func(t *testing.T, st *story) []byte { return acttest.SchedulePayload(t, st.repo) },
	jobs:    map[string]string{"remind": "success"},
	steps:   map[string][]string{"remind": {"1 success"}},
	check:   checkReminder,
}}

// pushStage pushes a one-line hotfix, as a person would.
func pushStage(t *testing.T, st *story) []byte {
	st.head = pushHotfix(t, st.shop, hotfixBranch)
	return acttest.PushPayload(t, st.repo, hotfixBranch, st.head)
}

// checkStatuses wants the guard's and verify's commit statuses on the hotfix head, both green,
// and verify to have run the steps of the policy on main.
func checkStatuses(t *testing.T, st *story) {
	combined, _, err := st.s.Client.Repositories.GetCombinedStatus(context.Background(), owner, name, st.head, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, verify := map[string]string{}, ""
	for _, s := range combined.Statuses {
		got[s.GetContext()] = s.GetState()
		if s.GetContext() == "hotfix/verify" {
			verify = s.GetDescription()
		}
	}
	if diff := cmp.Diff(got, map[string]string{"hotfix/guard": "success", "hotfix/verify": "success"}); diff != "" {
		t.Errorf("statuses on %s (-got +want):\n%s", st.head, diff)
	}
	if !strings.HasPrefix(verify, "3 steps passed") { // go vet, go build and go test, as init detected them
		t.Errorf("hotfix/verify says %q, want the 3 steps of the policy that init wrote", verify)
	}
}

// mergeStage opens the hotfix pull request as ada, labels it P1, merges it and deletes its
// branch, as GitHub does on merge; the payload carries the merged pull request.
func mergeStage(t *testing.T, st *story) []byte {
	ctx, c := context.Background(), st.s.Client
	pr, _, err := st.ada.PullRequests.Create(ctx, owner, name, &github.NewPullRequest{Title: github.String("Fix login timeout"),
		Head: github.String(hotfixBranch), Base: github.String("main"), Body: github.String("The login timeout is 30s again.")})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Issues.AddLabelsToIssue(ctx, owner, name, pr.GetNumber(), []string{"severity/P1"}); err != nil {
		t.Fatal(err)
	}
	for pr.Mergeable == nil { // GitHub computes mergeability after the first read
		if pr, _, err = c.PullRequests.Get(ctx, owner, name, pr.GetNumber()); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := c.PullRequests.Merge(ctx, owner, name, pr.GetNumber(), "", &github.PullRequestOptions{MergeMethod: "merge"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Git.DeleteRef(ctx, owner, name, "heads/"+hotfixBranch); err != nil {
		t.Fatal(err)
	}
	if pr, _, err = c.PullRequests.Get(ctx, owner, name, pr.GetNumber()); err != nil {
		t.Fatal(err)
	}
	return acttest.MergedPayload(t, st.repo, pr)
}

// checkMerge wants the annotated tag v1.2.4 on the merge commit, one backport pull request to
// develop and one postmortem issue.
func checkMerge(t *testing.T, st *story) {
	ctx, c := context.Background(), st.s.Client
	prs, _, err := c.PullRequests.List(ctx, owner, name, &github.PullRequestListOptions{State: "all", Base: "main"})
	if err != nil || len(prs) != 1 {
		t.Fatalf("pull requests into main: %d, %v", len(prs), err)
	}
	ref, _, err := c.Git.GetRef(ctx, owner, name, "tags/v1.2.4")
	if err != nil || ref.GetObject().GetType() != "tag" {
		t.Fatalf("tag v1.2.4: %v, %+v; want an annotated tag", err, ref)
	}
	tag, _, err := c.Git.GetTag(ctx, owner, name, ref.GetObject().GetSHA())
	if err != nil || tag.GetObject().GetSHA() != prs[0].GetMergeCommitSHA() {
		t.Errorf("tag v1.2.4 points at %s (%v), want the merge commit %s", tag.GetObject().GetSHA(), err, prs[0].GetMergeCommitSHA())
	}
	backports, _, err := c.PullRequests.List(ctx, owner, name, &github.PullRequestListOptions{State: "open", Base: "develop"})
	if err != nil || len(backports) != 1 || !strings.HasPrefix(backports[0].GetHead().GetRef(), "backport/") {
		t.Errorf("backport pull requests to develop: %d (%v), want one from backport/…", len(backports), err)
	}
	issues := listIssues(t, st, "postmortem")
	if len(issues) != 1 || issues[0].GetTitle() != "Incident Postmortem: Fix login timeout" {
		t.Fatalf("postmortem issues: %d, want one titled after the pull request", len(issues))
	}
	st.postmortem = issues[0].GetNumber()
}

// checkIncident wants the incident issue, labelled, and its hotfix branch cut from main.
func checkIncident(t *testing.T, st *story) {
	issues := listIssues(t, st, "incident")
	if len(issues) != 1 || issues[0].GetTitle() != "[P1] "+incidentTitle {
		t.Fatalf("incident issues: %d, want one titled [P1] %s", len(issues), incidentTitle)
	}
	st.incident = issues[0].GetNumber()
	for _, want := range []string{"severity/P1", "status/investigating"} {
		if !hasLabel(issues[0], want) {
			t.Errorf("incident #%d lacks the label %s", st.incident, want)
		}
	}
	branch := "hotfix/" + refname.Slug(incidentTitle)
	if _, _, err := st.s.Client.Git.GetRef(context.Background(), owner, name, "heads/"+branch); err != nil {
		t.Errorf("declare with create_branch cut no %s: %v", branch, err)
	}
}

// actionItemStage files an action item on the postmortem as ada, labelled when it is opened. It
// was due two days ago, so that the schedule stage has a reminder to post.
func actionItemStage(t *testing.T, st *story) []byte {
	item, _, err := st.ada.Issues.Create(context.Background(), owner, name, &github.IssueRequest{
		Title: github.String("Alert on login latency"), Labels: &[]string{"postmortem-action"},
		Body: github.String(fmt.Sprintf("Postmortem: #%d\nDue: %s\n", st.postmortem, time.Now().UTC().AddDate(0, 0, -2).Format(time.DateOnly))),
	})
	if err != nil {
		t.Fatal(err)
	}
	return acttest.LabeledPayload(t, st.repo, item)
}

// checkActionItem wants the item in the postmortem's Action Items table.
func checkActionItem(t *testing.T, st *story) {
	items := listIssues(t, st, "postmortem-action")
	pm, _, err := st.s.Client.Issues.Get(context.Background(), owner, name, st.postmortem)
	if err != nil || len(items) != 1 {
		t.Fatalf("postmortem #%d: %v; action items: %d", st.postmortem, err, len(items))
	}
	_, table, _ := strings.Cut(pm.GetBody(), postmortem.ItemsStart)
	table, _, _ = strings.Cut(table, postmortem.ItemsEnd)
	if !strings.Contains(table, fmt.Sprintf("#%d", items[0].GetNumber())) {
		t.Errorf("the postmortem's Action Items table lacks #%d:\n%s", items[0].GetNumber(), table)
	}
	st.item = items[0].GetNumber()
}

// statusStage comments a /status command on the incident as ada.
func statusStage(t *testing.T, st *story) []byte {
	ctx := context.Background()
	comment, _, err := st.ada.Issues.CreateComment(ctx, owner, name, st.incident, &github.IssueComment{Body: github.String("/status identified eta 30m db failover")})
	if err != nil {
		t.Fatal(err)
	}
	issue, _, err := st.s.Client.Issues.Get(ctx, owner, name, st.incident)
	if err != nil {
		t.Fatal(err)
	}
	return acttest.CommentPayload(t, st.repo, issue, comment)
}

// checkStatusUpdate wants one log entry for the update, written by the toolkit, and the
// incident's status label moved to identified.
func checkStatusUpdate(t *testing.T, st *story) {
	ctx := context.Background()
	comments, _, err := st.s.Client.Issues.ListComments(ctx, owner, name, st.incident, nil)
	if err != nil {
		t.Fatal(err)
	}
	entries := 0
	for _, c := range comments {
		body := c.GetBody()
		if c.GetUser().GetLogin() != "ada" && strings.HasPrefix(body, "<!-- hotfix:log ") && strings.Contains(body, "identified") {
			entries++
		}
	}
	if entries != 1 {
		t.Errorf("log entries for /status identified on #%d: %d, want 1", st.incident, entries)
	}
	issue, _, err := st.s.Client.Issues.Get(ctx, owner, name, st.incident)
	if err != nil || !hasLabel(issue, "status/identified") {
		t.Errorf("incident #%d: %v; want the label status/identified", st.incident, err)
	}
}

// checkReminder wants one reminder on the overdue action item, and none on the incident, whose
// last update is minutes old.
func checkReminder(t *testing.T, st *story) {
	for issue, want := range map[int]int{st.item: 1, st.incident: 0} {
		comments, _, err := st.s.Client.Issues.ListComments(context.Background(), owner, name, issue, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for _, c := range comments {
			if c.GetUser().GetLogin() != "ada" && !strings.HasPrefix(c.GetBody(), "<!-- hotfix:log ") {
				got++
			}
		}
		if got != want {
			t.Errorf("#%d has %d comments from the toolkit other than log entries, want %d reminders", issue, got, want)
		}
	}
}

// listIssues lists the issues, open or closed, with label.
func listIssues(t *testing.T, st *story, label string) []*github.Issue {
	t.Helper()
	issues, _, err := st.s.Client.Issues.ListByRepo(context.Background(), owner, name, &github.IssueListByRepoOptions{State: "all", Labels: []string{label}})
	if err != nil {
		t.Fatal(err)
	}
	return issues
}

func hasLabel(issue *github.Issue, name string) bool {
	return slices.ContainsFunc(issue.Labels, func(l *github.Label) bool { return l.GetName() == name })
}
