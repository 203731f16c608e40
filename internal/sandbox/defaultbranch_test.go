package sandbox

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// TestDefaultBranchFromHEAD serves repositories whose only branch is master: one made with
// master as HEAD, and one the sandbox made with main whose first push was master. Each reports
// default_branch master, and contents, commits and a release without a ref use it.
func TestDefaultBranchFromHEAD(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, initBranch string }{
		{"made with master", "master"},
		{"made with main, master pushed", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "shop.git")
			if tt.initBranch != "" {
				runGit(t, filepath.Dir(dir), "init", "--quiet", "--bare", "-b", tt.initBranch, dir)
			}
			srv, err := New(Options{Dir: dir, Owner: "acme", Name: "shop", Token: testToken})
			if err != nil {
				t.Fatal(err)
			}
			head := pushBranchFrom(t, dir, "master", "", map[string]string{"README.md": "# on master\n"})
			c := testClient(t, srv, testToken)
			ctx := context.Background()
			repo, _, err := c.Repositories.Get(ctx, "acme", "shop")
			if err != nil {
				t.Fatal(err)
			}
			file, _, _, err := c.Repositories.GetContents(ctx, "acme", "shop", "README.md", nil)
			if err != nil {
				t.Fatalf("contents without a ref: %v", err)
			}
			text, _ := file.GetContent()
			commits, _, err := c.Repositories.ListCommits(ctx, "acme", "shop", nil)
			if err != nil || len(commits) != 1 {
				t.Fatalf("commits without a sha: %v, %d", err, len(commits))
			}
			rel, _, err := c.Repositories.CreateRelease(ctx, "acme", "shop", &github.RepositoryRelease{TagName: github.String("v1.0.0")})
			if err != nil {
				t.Fatalf("release without a target: %v", err)
			}
			got := []string{repo.GetDefaultBranch(), text, commits[0].GetSHA(), rel.GetTargetCommitish(), runGit(t, dir, "rev-parse", "v1.0.0")}
			if diff := cmp.Diff(got, []string{"master", "# on master\n", head, "master", head}); diff != "" {
				t.Errorf("default branch, README, last commit, release target and tag (-got +want):\n%s", diff)
			}
		})
	}
}
