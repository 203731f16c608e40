package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
	"github.com/incident-hotfix/incident-hotfix/internal/merge"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// service is the demo's code: a login handler with a timeout too short for a slow database.
const service = `package auth

import "time"

// LoginTimeout bounds a login request.
const LoginTimeout = 2 * time.Second

// Retries is how often a login retries the database.
const Retries = 0
`

// play runs the story: set-up, two guarded pushes, the merge, and what the merge makes.
func (s *story) play(ctx context.Context) error {
	for _, step := range []func(context.Context) error{s.setUp, s.guardGood, s.guardBad, s.mergeFix} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// setUp makes main with release v1.2.3, and develop one feature ahead.
func (s *story) setUp(ctx context.Context) error {
	if _, err := s.clone.commit(ctx, "Release 1.2.3", map[string]string{"auth/login.go": service, "README.md": "# shop\n"}); err != nil {
		return err
	}
	err := s.clone.run(ctx, []string{"tag", "-a", "-m", "Release 1.2.3", "v1.2.3"}, []string{"push", "-q", "origin", "main", "v1.2.3"},
		[]string{"checkout", "-q", "-b", "develop"})
	if err != nil {
		return err
	}
	if _, err := s.clone.commit(ctx, "Add wish lists", map[string]string{"wishlist/list.go": "package wishlist\n"}); err != nil {
		return err
	}
	if err := s.clone.run(ctx, []string{"push", "-q", "origin", "develop"}); err != nil {
		return err
	}
	s.say("Set-up", "main released as v1.2.3; develop one feature ahead")
	return nil
}

// guardGood pushes a two-line fix and guards it: a minimal change.
func (s *story) guardGood(ctx context.Context) error {
	fixed := strings.Replace(strings.Replace(service, "2 * time.Second", "10 * time.Second", 1), "Retries = 0", "Retries = 2", 1)
	if err := s.branch(ctx, "hotfix/login-timeout", "Raise the login timeout and retry the database", map[string]string{"auth/login.go": fixed}); err != nil {
		return err
	}
	return s.guard(ctx, "hotfix/login-timeout")
}

// guardBad pushes a rewrite that also bumps dependencies, and guards it: it fails, with reasons.
func (s *story) guardBad(ctx context.Context) error {
	var b strings.Builder
	b.WriteString("package auth\n\n// A rewrite of login, in the middle of an incident.\n")
	for i := range 240 {
		fmt.Fprintf(&b, "func step%d() {}\n", i)
	}
	files := map[string]string{"auth/rewrite.go": b.String(), "go.mod": "module shop\n\ngo 1.26\n"}
	if err := s.branch(ctx, "hotfix/rewrite-auth", "Rewrite auth while we are here", files); err != nil {
		return err
	}
	return s.guard(ctx, "hotfix/rewrite-auth")
}

// branch cuts a hotfix branch from main, commits files and pushes it.
func (s *story) branch(ctx context.Context, name, msg string, files map[string]string) error {
	if err := s.clone.run(ctx, []string{"checkout", "-q", "-B", name, "origin/main"}); err != nil {
		return err
	}
	if _, err := s.clone.commit(ctx, msg, files); err != nil {
		return err
	}
	return s.clone.run(ctx, []string{"push", "-q", "origin", name})
}

// guard checks main...branch in the sandbox's repository, as the guard does on a push.
func (s *story) guard(ctx context.Context, branch string) error {
	set, err := change.FromGit(ctx, s.bare, "main", branch)
	if err != nil {
		return err
	}
	res := guard.Check(set, config.Default().Guard, "")
	s.say("Guard", "push to %s: %s, %s, +%d -%d", branch, strings.ToUpper(res.Verdict), files(res.ChangedFiles), res.Additions, res.Deletions)
	for _, f := range res.Findings {
		where := ""
		if f.Path != "" {
			where = f.Path + ": "
		}
		s.detail("%s %-18s %s%s", f.Level, f.Rule, where, f.Message)
	}
	return nil
}

// mergeFix opens the hotfix PR, squash-merges it, deletes its branch, and handles the merge.
func (s *story) mergeFix(ctx context.Context) error {
	pr, err := s.openAndMerge(ctx)
	if err != nil {
		return err
	}
	s.say("Merge", "PR #%d %q squash-merged into main as %.12s; hotfix branch deleted", pr.GetNumber(), pr.GetTitle(), pr.GetMergeCommitSHA())
	d := merge.Deps{Client: s.client, Owner: Owner, Name: Name, Policy: config.Default(), Now: s.now,
		Sleep:  func(ctx context.Context, d time.Duration) error { return sleep(ctx, d/10) },
		Tagger: release.Tagger{Name: "hotfix demo", Email: "demo@example.com", Now: s.now}}
	res, err := merge.Handle(ctx, d, pr)
	if r := res.Release; r != nil {
		s.say("Release", "annotated tag %s on %.12s, after %s", r.Tag, r.SHA, r.PreviousTag)
		s.detail("%s", r.Reason)
	}
	for _, b := range res.Backports {
		s.say("Backport", "PR #%d %s → %s: %s", b.Number, b.Branch, b.Target.Branch, b.Target.Reason)
		s.detail("%srepos/%s/%s/pulls/%d", s.url, Owner, Name, b.Number)
	}
	if p := res.Postmortem; p != nil {
		s.say("Postmortem", "issue #%d %q, due in 48 hours", p.Number, "Incident Postmortem: "+pr.GetTitle())
		s.detail("%srepos/%s/%s/issues/%d", s.url, Owner, Name, p.Number)
	}
	return err
}

// openAndMerge opens the PR with a severity label, waits for mergeability, merges it with a
// squash, deletes the branch, and reads the merged PR back.
func (s *story) openAndMerge(ctx context.Context) (*github.PullRequest, error) {
	title, head, base, body := "Raise the login timeout", "hotfix/login-timeout", "main", "Logins time out while the database fails over."
	pr, _, err := s.client.PullRequests.Create(ctx, Owner, Name, &github.NewPullRequest{Title: &title, Head: &head, Base: &base, Body: &body})
	if err != nil {
		return nil, fmt.Errorf("open the hotfix PR: %w", err)
	}
	if _, _, err := s.client.Issues.AddLabelsToIssue(ctx, Owner, Name, pr.GetNumber(), []string{"severity/P1"}); err != nil {
		return nil, err
	}
	for i := 0; pr.Mergeable == nil && i < 5; i++ {
		if pr, _, err = s.client.PullRequests.Get(ctx, Owner, Name, pr.GetNumber()); err != nil {
			return nil, err
		}
	}
	if _, _, err := s.client.PullRequests.Merge(ctx, Owner, Name, pr.GetNumber(), "", &github.PullRequestOptions{MergeMethod: "squash"}); err != nil {
		return nil, fmt.Errorf("merge #%d: %w", pr.GetNumber(), err)
	}
	if _, err := s.client.Git.DeleteRef(ctx, Owner, Name, "heads/"+head); err != nil {
		return nil, err
	}
	pr, _, err = s.client.PullRequests.Get(ctx, Owner, Name, pr.GetNumber())
	return pr, err
}

func files(n int) string {
	if n == 1 {
		return "1 file"
	}
	return fmt.Sprintf("%d files", n)
}

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}
