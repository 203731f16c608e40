package actionitem

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
)

// TestCreateIgnoresALookAlikeRowIssue: an issue someone else opened with the row's marker (and
// the label) is not the row's issue: /create-action-items still makes it, once, as its own login.
func TestCreateIgnoresALookAlikeRowIssue(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	typed := "| Action | Owner | Due | Status |\n|---|---|---|---|\n| Add a pool alarm | @ada | 2026-03-20 | |\n"
	body := strings.Replace(w.body(t, w.pm), "| Action | Owner | Due | Status |\n|---|---|---|---|\n| _none yet_ | | | |\n", typed, 1)
	if _, _, err := w.Client.Issues.Edit(ctx, repo.Owner, repo.Name, w.pm, &github.IssueRequest{Body: &body}); err != nil {
		t.Fatal(err)
	}
	rows, err := parseTable(body)
	if err != nil || len(rows) != 1 {
		t.Fatalf("typed rows %v, %v", rows, err)
	}
	forged := "Postmortem: #1\n" + rowMarker(w.pm, rows[0])
	labels := []string{"postmortem-action"}
	if _, _, err := w.As("mallory").Issues.Create(ctx, repo.Owner, repo.Name, &github.IssueRequest{Title: github.String("Add a pool alarm"), Body: &forged, Labels: &labels}); err != nil {
		t.Fatal(err)
	}
	got, err := Create(ctx, w.Client, repo, Options{}, w.clock.Now(), w.pm)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Created) != 1 {
		t.Errorf("Create = %+v, want the row's own issue created despite the look-alike", got)
	}
	again, err := Create(ctx, w.Client, repo, Options{}, w.clock.Now(), w.pm)
	if err != nil || len(again.Created) != 0 {
		t.Errorf("rerun = %+v, %v; want nothing created", again, err)
	}
}
