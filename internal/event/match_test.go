package event

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestHotfixPush(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file, glob string
		branch     string
		ok         bool
	}{
		{"push.hotfix.json", "hotfix/**", "hotfix/x", true},
		{"push.hotfix.json", "hotfix/*", "hotfix/x", true},
		{"push.hotfix.json", "fix/**", "", false},
		{"push.hotfix-deleted.json", "hotfix/**", "", false},
		{"push.json", "hotfix/**", "", false},
		{"push.json", "**", "master", true},
		{"push.tag-deleted.json", "**", "", false},
		{"push.hotfix.json", "[", "", false},
		{"pull_request.opened.hotfix.json", "hotfix/**", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.glob, func(t *testing.T) {
			t.Parallel()
			branch, ok := load(t, tt.file).HotfixPush(tt.glob)
			if branch != tt.branch || ok != tt.ok {
				t.Errorf("HotfixPush(%q) = %q, %v, want %q, %v", tt.glob, branch, ok, tt.branch, tt.ok)
			}
		})
	}
}

func TestMergedPR(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file        string
		ok          bool
		mergeCommit string
	}{
		{"pull_request.closed.merged-hotfix.json", true, "9f1c2e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6"},
		{"pull_request.closed.merged-feature.json", true, "9f1c2e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6"},
		{"pull_request.closed.json", false, "c4295bd74fb0f4fda03689c3df3f2803b658fd85"},
		{"pull_request.opened.hotfix.json", false, ""},
		{"push.hotfix.json", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			pr, ok := load(t, tt.file).MergedPR()
			if ok != tt.ok || pr.GetMergeCommitSHA() != tt.mergeCommit {
				t.Errorf("MergedPR() = %q, %v, want %q, %v", pr.GetMergeCommitSHA(), ok, tt.mergeCommit, tt.ok)
			}
		})
	}
}

func TestPROpenedFromHotfix(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		ok   bool
	}{
		{"pull_request.opened.hotfix.json", true},
		{"pull_request.synchronize.hotfix.json", true},
		{"pull_request.opened.hotfix-fork.json", true},
		{"pull_request.opened.json", false},
		{"pull_request.closed.merged-hotfix.json", false},
		{"issues.labeled.json", false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			pr, ok := load(t, tt.file).PROpenedFromHotfix("hotfix/**")
			if ok != tt.ok {
				t.Errorf("PROpenedFromHotfix() = #%d, %v, want %v", pr.GetNumber(), ok, tt.ok)
			}
		})
	}
}

func TestIncidentCommand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		body string
		ok   bool
	}{
		{"issue_comment.created.incident.json", "/status identified eta 30m db failover", true},
		{"issue_comment.created.incident-chat.json", "You are totally right! I'll get this fixed right away.", false},
		{"issue_comment.created.json", "", false},
		{"issues.labeled.json", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			c, ok := load(t, tt.file).IncidentCommand("incident")
			if c.GetBody() != tt.body || ok != tt.ok {
				t.Errorf("IncidentCommand(%q) = %q, %v, want %q, %v", "incident", c.GetBody(), ok, tt.body, tt.ok)
			}
			if c, ok := load(t, tt.file).IncidentCommand("sev"); ok || c != nil {
				t.Errorf("IncidentCommand(%q) = %q, %v, want nil, false: the issue is not labelled sev", "sev", c.GetBody(), ok)
			}
		})
	}
}

func TestActionItem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		ok   bool
	}{
		{"issues.labeled.action-item.json", true},
		{"issues.closed.action-item.json", true},
		{"issues.reopened.action-item.json", true},
		{"issues.labeled.json", false},
		{"issues.reopened.json", false},
		{"issue_comment.created.json", false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			if _, ok := load(t, tt.file).ActionItem("postmortem-action"); ok != tt.ok {
				t.Errorf("ActionItem(%q) ok = %v, want %v", "postmortem-action", ok, tt.ok)
			}
		})
	}
}

func TestBaseRef(t *testing.T) {
	t.Parallel()
	files := []string{
		"pull_request.closed.merged-hotfix-release.json", "pull_request.opened.json", "push.json",
		"issues.labeled.json", "issue_comment.created.json", "workflow_dispatch.json", "schedule.json",
	}
	got := map[string]string{}
	for _, f := range files {
		got[f] = load(t, f).BaseRef()
	}
	want := map[string]string{
		"pull_request.closed.merged-hotfix-release.json": "release/1.1", "pull_request.opened.json": "master", "push.json": "master",
		"issues.labeled.json": "master", "issue_comment.created.json": "master", "workflow_dispatch.json": "master", "schedule.json": "master",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("BaseRef() mismatch (-got +want):\n%s", diff)
	}
}

func TestIsFork(t *testing.T) {
	t.Parallel()
	repo := func(full string) *github.Repository { return &github.Repository{FullName: github.String(full)} }
	tests := []struct {
		name string
		pr   *github.PullRequest
		want bool
	}{
		{"same repository", &github.PullRequest{Head: &github.PullRequestBranch{Repo: repo("o/r")}, Base: &github.PullRequestBranch{Repo: repo("o/r")}}, false},
		{"names differ only in case", &github.PullRequest{Head: &github.PullRequestBranch{Repo: repo("O/R")}, Base: &github.PullRequestBranch{Repo: repo("o/r")}}, false},
		{"fork", &github.PullRequest{Head: &github.PullRequestBranch{Repo: repo("forker/r")}, Base: &github.PullRequestBranch{Repo: repo("o/r")}}, true},
		{"deleted fork", &github.PullRequest{Head: &github.PullRequestBranch{}, Base: &github.PullRequestBranch{Repo: repo("o/r")}}, true},
		{"no branches", &github.PullRequest{}, false},
		{"no pull request", nil, false},
	}
	for _, tt := range tests {
		if got := isFork(tt.pr); got != tt.want {
			t.Errorf("%s: isFork() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
