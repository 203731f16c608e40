//go:build e2e

package containertest

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/acttest"
	"github.com/incident-hotfix/incident-hotfix/internal/refname"
)

// mergeStage labels the hotfix pull request P1, merges it as ada and deletes its branch, as
// GitHub does on merge; the payload carries the merged pull request.
func mergeStage(t *testing.T, st *story) []byte {
	ctx, c, n := context.Background(), st.s.Client, st.pr.GetNumber()
	_, _, err := c.Issues.AddLabelsToIssue(ctx, owner, name, n, []string{"severity/P1"})
	must(t, err)
	pr := st.pr
	for pr.Mergeable == nil { // GitHub computes mergeability after the first read
		pr, _, err = c.PullRequests.Get(ctx, owner, name, n)
		must(t, err)
	}
	_, _, err = st.ada.PullRequests.Merge(ctx, owner, name, n, "", &github.PullRequestOptions{MergeMethod: "merge"})
	must(t, err)
	_, err = c.Git.DeleteRef(ctx, owner, name, "heads/"+hotfixBranch)
	must(t, err)
	st.pr, _, err = c.PullRequests.Get(ctx, owner, name, n)
	must(t, err)
	return acttest.MergedPayload(t, st.repo, st.pr)
}

// checkMerge wants the annotated tag v1.2.4 on the merge commit, one backport pull request to
// develop and one postmortem issue.
func checkMerge(t *testing.T, st *story) {
	ctx, c := context.Background(), st.s.Client
	ref, _, err := c.Git.GetRef(ctx, owner, name, "tags/v1.2.4")
	if err != nil || ref.GetObject().GetType() != "tag" {
		t.Fatalf("tag v1.2.4: %v, %+v; want an annotated tag", err, ref)
	}
	tag, _, err := c.Git.GetTag(ctx, owner, name, ref.GetObject().GetSHA())
	if err != nil || tag.GetObject().GetSHA() != st.pr.GetMergeCommitSHA() {
		t.Errorf("tag v1.2.4 points at %s (%v), want the merge commit %s", tag.GetObject().GetSHA(), err, st.pr.GetMergeCommitSHA())
	}
	backports, _, err := c.PullRequests.List(ctx, owner, name, &github.PullRequestListOptions{State: "open", Base: "develop"})
	if err != nil || len(backports) != 1 || !strings.HasPrefix(backports[0].GetHead().GetRef(), "backport/") {
		t.Errorf("backport pull requests to develop: %d (%v), want one from backport/…", len(backports), err)
	}
	issues := listIssues(t, st, "postmortem")
	if len(issues) != 1 || issues[0].GetTitle() != "Incident Postmortem: Fix login timeout" {
		t.Errorf("postmortem issues: %d, want one titled after the pull request", len(issues))
	}
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

// statusStage comments a /status command on the incident as ada.
func statusStage(t *testing.T, st *story) []byte {
	ctx := context.Background()
	comment, _, err := st.ada.Issues.CreateComment(ctx, owner, name, st.incident, &github.IssueComment{Body: github.String("/status identified eta 30m db failover")})
	must(t, err)
	issue, _, err := st.s.Client.Issues.Get(ctx, owner, name, st.incident)
	must(t, err)
	return acttest.CommentPayload(t, st.repo, issue, comment)
}

// checkStatusUpdate wants one log entry for the update, written by the toolkit, and the
// incident's status label moved to identified.
func checkStatusUpdate(t *testing.T, st *story) {
	ctx := context.Background()
	comments, _, err := st.s.Client.Issues.ListComments(ctx, owner, name, st.incident, nil)
	must(t, err)
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
