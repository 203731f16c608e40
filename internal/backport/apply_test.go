package backport

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

var repo = Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}

// noSleep makes the mergeability poll instant.
func noSleep(context.Context, time.Duration) error { return nil }

// merged sets up main, develop and a hotfix merged into main with a squash; the hotfix branch is
// deleted, as GitHub does on merge. developLine is what develop has on the hotfix's line.
func merged(t *testing.T, developLine string) (*sandboxtest.Sandbox, Hotfix, string) {
	t.Helper()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("main", map[string]string{"svc.txt": "one\ntwo\nthree\n"})
	s.Push("develop", map[string]string{"svc.txt": "one\n" + developLine + "\nthree\n"}, "main")
	head := s.Push("hotfix/login-timeout", map[string]string{"svc.txt": "one\nTWO fixed\nthree\n"}, "main")
	ctx := context.Background()
	title, hb, base := "Fix login timeout", "hotfix/login-timeout", "main"
	pr, _, err := s.Client.PullRequests.Create(ctx, repo.Owner, repo.Name, &github.NewPullRequest{Title: &title, Head: &hb, Base: &base})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 { // until GitHub computes mergeability
		if pr, _, err = s.Client.PullRequests.Get(ctx, repo.Owner, repo.Name, pr.GetNumber()); err != nil {
			t.Fatal(err)
		}
	}
	m, _, err := s.Client.PullRequests.Merge(ctx, repo.Owner, repo.Name, pr.GetNumber(), "", &github.PullRequestOptions{MergeMethod: "squash"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Client.Git.DeleteRef(ctx, repo.Owner, repo.Name, "heads/"+hb); err != nil {
		t.Fatal(err)
	}
	return s, Hotfix{Number: pr.GetNumber(), Title: title, Branch: hb, Base: base, MergeSHA: m.GetSHA(), Tag: "v1.2.4"}, head
}

func TestOpenCleanAndRerun(t *testing.T) {
	t.Parallel()
	s, h, head := merged(t, "two")
	ctx := context.Background()
	targets := []Target{{Branch: "develop", Reason: "no release branch is open"}}
	opts := Options{Labels: []string{"backport"}, Sleep: noSleep}
	s.Server.ResetRequests()
	got, err := Open(ctx, s.Client, repo, h, head, targets, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !got[0].Created || got[0].Conflict || got[0].Branch != "backport/login-timeout-to-develop" {
		t.Fatalf("Open = %+v", got)
	}
	if n := s.Requests(); n > 5 {
		t.Errorf("the first run made %d requests, want at most 5 (ref, PR, 2 mergeability reads, labels)", n)
	}
	pr, _, err := s.Client.PullRequests.Get(ctx, repo.Owner, repo.Name, got[0].Number)
	if err != nil {
		t.Fatal(err)
	}
	if pr.GetBase().GetRef() != "develop" || pr.GetHead().GetSHA() != head || len(pr.Labels) != 1 || pr.Labels[0].GetName() != "backport" {
		t.Errorf("backport PR = base %s head %s labels %v", pr.GetBase().GetRef(), pr.GetHead().GetSHA(), pr.Labels)
	}
	if !strings.Contains(pr.GetBody(), Marker(h.Number, "develop")) {
		t.Errorf("PR body lacks its marker:\n%s", pr.GetBody())
	}

	again, err := Open(ctx, s.Client, repo, h, head, targets, opts)
	if err != nil {
		t.Fatal(err)
	}
	if again[0].Created || again[0].Number != got[0].Number {
		t.Errorf("rerun = %+v, want the same PR, not created", again[0])
	}
	all, _, err := s.Client.PullRequests.List(ctx, repo.Owner, repo.Name, &github.PullRequestListOptions{State: "all"})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 { // the hotfix and one backport
		t.Errorf("%d pull requests after a rerun, want 2", len(all))
	}
}

func TestOpenConflict(t *testing.T) {
	t.Parallel()
	s, h, head := merged(t, "two changed on develop")
	ctx := context.Background()
	targets := []Target{{Branch: "develop", Reason: "no release branch is open"}}
	got, err := Open(ctx, s.Client, repo, h, head, targets, Options{Sleep: noSleep})
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "#2 (backport/login-timeout-to-develop → develop)") {
		t.Fatalf("Open error = %v, want ErrConflict naming the PR", err)
	}
	pr, _, err := s.Client.PullRequests.Get(ctx, repo.Owner, repo.Name, got[0].Number)
	if err != nil {
		t.Fatal(err)
	}
	if len(pr.Labels) != 1 || pr.Labels[0].GetName() != "backport-conflict" {
		t.Errorf("labels = %v, want backport-conflict", pr.Labels)
	}
	if !strings.Contains(pr.GetBody(), "git merge origin/develop") {
		t.Errorf("body lacks the resolution commands:\n%s", pr.GetBody())
	}
	if _, err := Open(ctx, s.Client, repo, h, head, targets, Options{Sleep: noSleep, ConflictWarn: true}); err != nil {
		t.Errorf("with conflict: warn, Open = %v, want nil", err)
	}
}

// TestOpenAlreadyThere: when the target already has every commit of the hotfix, there is
// nothing to backport, and no PR is opened.
func TestOpenAlreadyThere(t *testing.T) {
	t.Parallel()
	s, h, head := merged(t, "two")
	ctx := context.Background()
	if _, _, err := s.Client.Git.UpdateRef(ctx, repo.Owner, repo.Name, &github.Reference{Ref: github.String("heads/develop"), Object: &github.GitObject{SHA: &head}}, true); err != nil {
		t.Fatal(err)
	}
	got, err := Open(ctx, s.Client, repo, h, head, []Target{{Branch: "develop"}}, Options{Sleep: noSleep})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Number != 0 || !strings.Contains(got[0].Skipped, "already has every commit of #1") {
		t.Errorf("Open = %+v, want a skip with no PR", got)
	}
}

func TestBranches(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	for _, b := range []string{"release/1.1", "release/1.3", "releases", "develop"} {
		s.Push(b, nil)
	}
	got, err := Branches(context.Background(), s.Client, repo, "release/*")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "release/1.1,release/1.3" {
		t.Errorf("Branches = %v", got)
	}
}

// TestBranchesInOneRequest lists 150 branches, more than a page, in the one response GitHub
// sends for matching-refs.
func TestBranchesInOneRequest(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("develop", nil)
	for i := range 150 {
		s.Git("branch", fmt.Sprintf("release/1.%d", i), "develop")
	}
	s.Server.ResetRequests()
	got, err := Branches(context.Background(), s.Client, repo, "release/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 150 {
		t.Errorf("Branches listed %d, want 150", len(got))
	}
	if n := s.Server.Requests()["GET /repos/{owner}/{repo}/git/matching-refs/{ref...}"]; n != 1 {
		t.Errorf("Branches made %d matching-refs requests, want 1", n)
	}
}

// TestMergeabilityPollIsConditional opens a backport on a sandbox that, like GitHub under load,
// takes four reads after the create to compute mergeability: the reads in between carry the
// last ETag and are answered 304, which costs no rate limit, and the waits back off from
// firstWait after the first answer, with no fixed sleep.
func TestMergeabilityPollIsConditional(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{MergeableAfter: 5})
	s.Push("main", map[string]string{"svc.txt": "one\n"})
	s.Push("develop", map[string]string{"feature.txt": "new\n"}, "main")
	fix := s.Push("main", map[string]string{"svc.txt": "one fixed\n"})
	h := Hotfix{Number: 9, Title: "Fix svc", Branch: "hotfix/svc", Base: "main", MergeSHA: fix, Tag: "v1.0.1"}
	s.Server.ResetRequests()
	var slept []time.Duration
	sleep := func(_ context.Context, d time.Duration) error { slept = append(slept, d); return nil }
	got, err := Open(context.Background(), s.Client, repo, h, fix, []Target{{Branch: "develop"}}, Options{Sleep: sleep})
	if err != nil || len(got) != 1 || !got[0].Created || got[0].Conflict {
		t.Fatalf("Open = %+v, %v; want one clean backport", got, err)
	}
	var statuses []int
	for _, lr := range s.Server.RequestLog() {
		if lr.Route == "GET /repos/{owner}/{repo}/pulls/{number}" {
			statuses = append(statuses, lr.Status)
		}
	}
	if fmt.Sprint(statuses) != "[200 304 304 200]" {
		t.Errorf("mergeability reads answered %v, want [200 304 304 200]", statuses)
	}
	if want := []time.Duration{firstWait, 2 * firstWait, 4 * firstWait}; fmt.Sprint(slept) != fmt.Sprint(want) {
		t.Errorf("waits %v, want %v", slept, want)
	}
}
