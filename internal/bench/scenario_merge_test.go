package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// counted runs f and returns the requests it made, by route.
func counted(s *sandboxtest.Sandbox, f func()) map[string]int {
	s.Server.ResetRequests()
	f()
	return s.Server.Requests()
}

// guarded pushes main with a service file and hotfix/x changing three of its lines.
func guarded(tb testing.TB) (s *sandboxtest.Sandbox, main, head string) {
	tb.Helper()
	s = sandboxtest.Start(tb, sandboxtest.Options{})
	main = s.Push("main", map[string]string{"src/svc.go": gittest.Lines("svc", 100)})
	head = s.Push("hotfix/x", map[string]string{"src/svc.go": gittest.Lines("svc", 97) + gittest.Lines("fix", 3)})
	return s, main, head
}

// guardPush is the guard on a push to hotfix/x.
func guardPush(tb testing.TB) map[string]int {
	s, main, head := guarded(tb)
	return mustRun(tb, s, "push", pushPayload("hotfix/x", main, head), "run").routes
}

// guardPull is the guard on a pull request opened from hotfix/x.
func guardPull(tb testing.TB) map[string]int {
	s, _, _ := guarded(tb)
	pr, _, err := s.Client.PullRequests.Create(ctx, sandboxtest.Owner, sandboxtest.Name,
		&github.NewPullRequest{Title: github.String("Fix the login timeout"), Head: github.String("hotfix/x"), Base: github.String("main")})
	if err != nil {
		tb.Fatal(err)
	}
	return mustRun(tb, s, "pull_request", pullPayload(tb, s, "opened", pr.GetNumber()), "run").routes
}

// mergedPR is a merged hotfix PR into base with merge commit sha, as the event carries it.
func mergedPR(number int, base, head, sha string) *github.PullRequest {
	return &github.PullRequest{
		Number: github.Int(number), Title: github.String(fmt.Sprintf("Fix checkout %d", number)),
		HTMLURL: github.String(fmt.Sprintf("https://github.com/acme/shop/pull/%d", number)),
		Merged:  github.Bool(true), MergeCommitSHA: github.String(sha),
		Base: &github.PullRequestBranch{Ref: github.String(base)}, Head: &github.PullRequestBranch{Ref: github.String(head), SHA: github.String(sha)},
	}
}

// tagRelease runs release.Run for pr, failing the benchmark on an error.
func tagRelease(tb testing.TB, c *github.Client, pr *github.PullRequest) release.Result {
	tb.Helper()
	in := release.Input{Repo: release.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, PR: pr}
	res, err := release.Run(ctx, c, in, release.DefaultConfig())
	if err != nil {
		tb.Fatalf("release #%d: %v", pr.GetNumber(), err)
	}
	return res
}

// releaseRun tags a hotfix merged into release/1.2 (a known line) or main (an unknown one),
// with v1.2.3 and v1.1.0 tagged; on a rerun, it counts the second run.
func releaseRun(known, rerun bool) func(testing.TB) map[string]int {
	return func(tb testing.TB) map[string]int {
		s := sandboxtest.Start(tb, sandboxtest.Options{})
		s.Git("tag", "-a", "-m", "v1.1.0", "v1.1.0", s.Push("main", map[string]string{"app.go": "1.1.0\n"}))
		s.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
		base := "main"
		if known {
			base = "release/1.2"
		}
		pr := mergedPR(7, base, "hotfix/login", s.Push(base, map[string]string{"app.go": "fix\n"}, "main"))
		if rerun {
			tagRelease(tb, s.Client, pr)
		}
		return counted(s, func() { tagRelease(tb, s.Client, pr) })
	}
}

// backportRun brings the hotfix of sandboxtest.MergedHotfix, tagged v1.2.4, back to develop
// the way the merge handling does: the release branches listed, the targets chosen, the PR opened.
func backportRun(rerun bool) func(testing.TB) map[string]int {
	return func(tb testing.TB) map[string]int {
		s := sandboxtest.Start(tb, sandboxtest.Options{})
		pr := sandboxtest.MergedHotfix(tb, s, "squash", "")
		once := func() {
			repo := backport.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}
			rule := backport.Rule{Develop: "develop", Release: "release/*"}
			branches, err := backport.Branches(ctx, s.Client, repo, rule.Release)
			if err != nil {
				tb.Fatal(err)
			}
			targets := backport.Targets(rule, "main", release.Line{Major: 1, Minor: 2}, branches)
			h := backport.Hotfix{Number: pr.GetNumber(), Title: pr.GetTitle(), Branch: pr.GetHead().GetRef(), Base: "main", MergeSHA: pr.GetMergeCommitSHA(), Tag: "v1.2.4"}
			opts := backport.Options{Rule: rule, Sleep: func(context.Context, time.Duration) error { return nil }}
			if _, err := backport.Open(ctx, s.Client, repo, h, pr.GetHead().GetSHA(), targets, opts); err != nil {
				tb.Fatal(err)
			}
		}
		if rerun {
			once()
		}
		return counted(s, once)
	}
}

// postmortemRun opens the postmortem of a merged hotfix with no incident.
func postmortemRun(rerun bool) func(testing.TB) map[string]int {
	return func(tb testing.TB) map[string]int {
		s := sandboxtest.Start(tb, sandboxtest.Options{})
		f := postmortem.Facts{Title: "Fix login timeout", Severity: "P1", Commander: "alice", Opened: time.Now(),
			PR: postmortem.PR{Number: 1, Title: "Fix login timeout", Author: "alice", MergeSHA: "abc"}, Tag: "v1.2.4"}
		once := func() {
			if _, err := postmortem.Open(ctx, s.Client, postmortem.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, f, postmortem.Options{}); err != nil {
				tb.Fatal(err)
			}
		}
		if rerun {
			once()
		}
		return counted(s, once)
	}
}

// mergeRun is `hotfix run` on the merge of a squash-merged hotfix whose branch was deleted. A
// PR body naming an incident gets the incident declared first.
func mergeRun(body string, rerun bool) func(testing.TB) map[string]int {
	return func(tb testing.TB) map[string]int {
		s := sandboxtest.Start(tb, sandboxtest.Options{})
		if body != "" {
			mustRun(tb, s, "workflow_dispatch", declarePayload(tb, false), "run")
		}
		pr := sandboxtest.MergedHotfix(tb, s, "squash", body)
		event := &github.PullRequestEvent{Action: github.String("closed"), Number: pr.Number, PullRequest: pr, Repo: repository()}
		out := mustRun(tb, s, "pull_request", event, "run")
		if rerun {
			out = mustRun(tb, s, "pull_request", event, "run")
		}
		return out.routes
	}
}
