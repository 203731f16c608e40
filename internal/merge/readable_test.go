package merge

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// hidden matches an HTML comment, which GitHub does not show.
var hidden = regexp.MustCompile(`(?s)<!--.*?-->`)

// TestHandleLeavesTheIncidentReadable merges a hotfix that names its incident: every comment on
// the incident shows a sentence for people (the machine data stays hidden), the first one saying
// what merged where with which tag, and the incident's summary shows the merge at once.
func TestHandleLeavesTheIncidentReadable(t *testing.T) {
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
	pr := sandboxtest.MergedHotfix(t, s, "squash", fmt.Sprintf("Incident: #%d", opened.Number))
	got, err := Handle(ctx, d, pr)
	if err != nil {
		t.Fatal(err)
	}
	comments, _, err := s.Client.Issues.ListComments(ctx, sandboxtest.Owner, sandboxtest.Name, opened.Number, &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}})
	if err != nil {
		t.Fatal(err)
	}
	var visible []string
	for _, cm := range comments {
		text := strings.TrimSpace(hidden.ReplaceAllString(cm.GetBody(), ""))
		if text == "" {
			t.Errorf("comment %d shows nothing: %q", cm.GetID(), cm.GetBody())
		}
		visible = append(visible, strings.SplitN(text, "\n", 2)[0])
	}
	want := fmt.Sprintf("Hotfix #%d merged into `main` and tagged `%s`.", pr.GetNumber(), got.Release.Tag)
	if len(visible) < 2 || visible[1] != want {
		t.Errorf("the comments after the declaration begin %q, want the merge's first as %q", visible, want)
	}
	is, _, err := s.Client.Issues.Get(ctx, sandboxtest.Owner, sandboxtest.Name, opened.Number)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{fmt.Sprintf("Hotfix PR #%d linked", pr.GetNumber()), "Tag " + got.Release.Tag + " linked"} {
		if !strings.Contains(is.GetBody(), want) {
			t.Errorf("the incident's summary lacks %q after the merge:\n%s", want, is.GetBody())
		}
	}
}
