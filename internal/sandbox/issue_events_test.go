package sandbox

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestIssueEventsRecordLabels(t *testing.T) {
	t.Parallel()
	srv, c, _ := newTestSandbox(t)
	ctx := context.Background()
	createIssue(t, c, &github.IssueRequest{Title: github.String("Outage"), Labels: &[]string{"incident"}})
	steps := []func() error{
		func() error {
			_, _, err := c.Issues.AddLabelsToIssue(ctx, "acme", "shop", 1, []string{"severity/P1", "incident"})
			return err
		},
		func() error { return srv.LabelAs(1, "hotfix-override", "alice") },
		func() error {
			_, err := c.Issues.RemoveLabelForIssue(ctx, "acme", "shop", 1, "severity/P1")
			return err
		},
		func() error {
			_, _, err := c.Issues.ReplaceLabelsForIssue(ctx, "acme", "shop", 1, []string{"p2"})
			return err
		},
		func() error { _, err := c.Issues.RemoveLabelsForIssue(ctx, "acme", "shop", 1); return err },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	page1, resp, err := c.Issues.ListIssueEvents(ctx, "acme", "shop", 1, &github.ListOptions{PerPage: 5})
	if err != nil {
		t.Fatal(err)
	}
	page2, _, err := c.Issues.ListIssueEvents(ctx, "acme", "shop", 1, &github.ListOptions{PerPage: 5, Page: resp.NextPage})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range append(page1, page2...) {
		got = append(got, e.GetEvent()+" "+e.GetLabel().GetName()+" by "+e.GetActor().GetLogin())
		if e.GetCreatedAt().IsZero() || e.GetID() == 0 {
			t.Errorf("event %d: no id or created_at", e.GetID())
		}
	}
	want := []string{
		"labeled incident by sandbox-bot",
		"labeled severity/P1 by sandbox-bot",
		"labeled hotfix-override by alice",
		"unlabeled severity/P1 by sandbox-bot",
		"unlabeled incident by sandbox-bot",
		"unlabeled hotfix-override by sandbox-bot",
		"labeled p2 by sandbox-bot",
		"unlabeled p2 by sandbox-bot",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("events (-got +want):\n%s", diff)
	}
	if _, resp, err := c.Issues.ListIssueEvents(ctx, "acme", "shop", 99, nil); resp == nil || resp.StatusCode != 404 {
		t.Errorf("events of a missing issue: %v, want 404", err)
	}
	if err := srv.LabelAs(99, "x", "alice"); err == nil {
		t.Error("LabelAs on a missing issue: no error")
	}
}
