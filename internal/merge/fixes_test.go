package merge

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestHandleSecondHotfixKeepsTheFirst merges two hotfixes for one incident: after the second,
// the postmortem names both PRs, both tags and both backports, in its resolution and its
// timeline, and the text people wrote in it after the first is unchanged.
func TestHandleSecondHotfixKeepsTheFirst(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	repo := incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	identity := "sandbox-bot"
	opened, err := incident.Declare(ctx, s.Client, repo, incident.Declaration{RunID: 1, Title: "Logins time out", Severity: "P1", Commander: "ada"},
		incident.Options{Identity: identity, Production: "main", Prefix: "v", Window: 24 * time.Hour, Scale: incident.Severities, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	d := testDeps(s, config.Default())
	d.Identity = identity
	ref := fmt.Sprintf("Incident: #%d", opened.Number)
	pr1 := sandboxtest.MergedHotfix(t, s, "squash", ref)
	first, err := Handle(ctx, d, pr1)
	if err != nil {
		t.Fatal(err)
	}
	pm := first.Postmortem.Number
	written := "Logins hung for everyone."
	body := strings.Replace(issueBody(t, s, pm), "✍️ _What happened, in two or three sentences._", written, 1)
	if _, _, err := s.Client.Issues.Edit(ctx, sandboxtest.Owner, sandboxtest.Name, pm, &github.IssueRequest{Body: &body}); err != nil {
		t.Fatal(err)
	}

	pr2 := mergeSecondHotfix(t, s, ref)
	second, err := Handle(ctx, d, pr2)
	if err != nil {
		t.Fatal(err)
	}
	if second.Postmortem.Number != pm || !second.Postmortem.Refreshed {
		t.Fatalf("second postmortem = %+v, want #%d refreshed", second.Postmortem, pm)
	}
	after := issueBody(t, s, pm)
	p1, p2 := first.Backports[0], second.Backports[0]
	for _, want := range []string{
		written,
		"released as `" + first.Release.Tag + "`", "released as `" + second.Release.Tag + "`",
		fmt.Sprintf("Backport #%d to `develop`", p1.Number), fmt.Sprintf("Backport #%d to `develop`", p2.Number),
		fmt.Sprintf("Fixed by #%d (%s), merged as %s", pr1.GetNumber(), pr1.GetTitle(), pr1.GetMergeCommitSHA()),
		fmt.Sprintf("Fixed by #%d (Cap the retries), merged as %s", pr2.GetNumber(), pr2.GetMergeCommitSHA()),
		"Tagged " + first.Release.Tag, "Tagged " + second.Release.Tag,
	} {
		if !strings.Contains(after, want) {
			t.Errorf("the postmortem after the second hotfix lacks %q:\n%s", want, after)
		}
	}
	_, timeline, _ := strings.Cut(after, "<!-- hotfix:facts:timeline:start -->")
	timeline, _, _ = strings.Cut(timeline, "<!-- hotfix:facts:timeline:end -->")
	for _, want := range []string{
		// The first fix too sits at its merge, as its link kept the merge commit and time.
		fmt.Sprintf("| Hotfix PR #%d opened |", pr1.GetNumber()), fmt.Sprintf("| Hotfix PR #%d opened |", pr2.GetNumber()),
		fmt.Sprintf("| Hotfix PR #%d merged |", pr1.GetNumber()), fmt.Sprintf("| Hotfix PR #%d merged |", pr2.GetNumber()),
		"| Tagged " + first.Release.Tag + " |", "| Tagged " + second.Release.Tag + " |",
		fmt.Sprintf("| Backport #%d opened to develop |", p1.Number), fmt.Sprintf("| Backport #%d opened to develop |", p2.Number),
	} {
		if !strings.Contains(timeline, want) {
			t.Errorf("the postmortem's timeline after the second hotfix lacks %q:\n%s", want, timeline)
		}
	}
	if strings.Contains(timeline, "linked |") {
		t.Errorf("the timeline still shows a fix at the time it was linked, not merged:\n%s", timeline)
	}
	if strings.Count(after, written) != 1 || strings.Count(body, "\n") > strings.Count(after, "\n") {
		t.Errorf("people's text was not kept once:\n%s", after)
	}
}

// mergeSecondHotfix opens and merges a second hotfix into main that names the same incident.
func mergeSecondHotfix(t *testing.T, s *sandboxtest.Sandbox, body string) *github.PullRequest {
	t.Helper()
	ctx := context.Background()
	s.Push("hotfix/retry-limit", map[string]string{"svc.txt": "one\nTWO fixed\nthree\nfour\nfive\n"}, "main")
	title, head, base := "Cap the retries", "hotfix/retry-limit", "main"
	pr, _, err := s.Client.PullRequests.Create(ctx, sandboxtest.Owner, sandboxtest.Name, &github.NewPullRequest{Title: &title, Head: &head, Base: &base, Body: &body})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, _, err := s.Client.PullRequests.Get(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber()); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.Client.PullRequests.Merge(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber(), "", &github.PullRequestOptions{MergeMethod: "squash"}); err != nil {
		t.Fatal(err)
	}
	pr, _, err = s.Client.PullRequests.Get(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber())
	if err != nil {
		t.Fatal(err)
	}
	return pr
}
