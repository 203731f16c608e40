package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// releasedRepo has v1.2.3 on main and one more commit, and a release/1.1 line at v1.1.4.
func releasedRepo(t *testing.T) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	r.Commit("1.1.0", map[string]string{"app.go": "1.1.0\n"})
	r.Git("tag", "-a", "-m", "Release v1.1.0", "v1.1.0")
	r.Git("branch", "release/1.1")
	r.Commit("1.2.3", map[string]string{"app.go": "1.2.3\n"})
	r.Git("tag", "-a", "-m", "Release v1.2.3", "v1.2.3")
	r.Git("tag", "V9.9.9")
	r.Commit("fix", map[string]string{"app.go": "fix\n"})
	r.Git("checkout", "-q", "release/1.1")
	r.Commit("1.1.4", map[string]string{"app.go": "1.1.4\n"})
	r.Git("tag", "v1.1.4")
	r.Commit("fix on 1.1", map[string]string{"app.go": "fix 1.1\n"})
	r.Git("checkout", "-q", "main")
	return r
}

func TestReleaseDryRunJSON(t *testing.T) {
	t.Parallel()
	r := releasedRepo(t)
	tests := []struct {
		args []string
		want map[string]any
	}{
		{[]string{"--base", "main"}, map[string]any{"tag": "v1.2.4", "previous_tag": "v1.2.3", "target": r.Git("rev-parse", "main")}},
		{[]string{"--base", "release/1.1"}, map[string]any{"tag": "v1.1.5", "previous_tag": "v1.1.4", "target": r.Git("rev-parse", "release/1.1")}},
		{[]string{"--base", "main~1"}, map[string]any{"tag": "v1.2.3", "previous_tag": "v1.1.0", "target": r.Git("rev-parse", "main~1")}},
	}
	for _, tt := range tests {
		t.Run(tt.args[1], func(t *testing.T) {
			t.Parallel()
			got := run(t, t.TempDir(), nil, append([]string{"release", "--dry-run", "--repo", r.Dir, "--json"}, tt.args...)...)
			if got.code != ExitOK {
				t.Fatalf("exit %d, stderr %q", got.code, got.stderr)
			}
			var plan map[string]any
			if err := json.Unmarshal([]byte(got.stdout), &plan); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%s", err, got.stdout)
			}
			for _, k := range []string{"reason", "exists", "ignored"} {
				delete(plan, k)
			}
			if diff := cmp.Diff(plan, tt.want); diff != "" {
				t.Errorf("dry run (-got +want):\n%s", diff)
			}
		})
	}
}

func TestReleaseDryRunForPeople(t *testing.T) {
	t.Parallel()
	r := releasedRepo(t)
	got := run(t, r.Dir, map[string]string{"INPUT_PREFIX": "v"}, "release", "--dry-run", "--base", "main")
	for _, want := range []string{"would tag v1.2.4 on ", "(previous v1.2.3)", "v1.2.3 is the highest stable v-tag in refs/heads/main", `ignored: tag "V9.9.9"`} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, got.stdout)
		}
	}
	if got.code != ExitOK {
		t.Errorf("exit %d, want 0", got.code)
	}
}

func TestReleaseUsageErrors(t *testing.T) {
	t.Parallel()
	r := releasedRepo(t)
	tests := []struct {
		name string
		args []string
		vars map[string]string
		want string
	}{
		{"no base", []string{"--dry-run"}, nil, "--base is required"},
		{"bad ref", []string{"--dry-run", "--base", "nope"}, nil, `"nope"`},
		{"not a repository", []string{"--dry-run", "--base", "main", "--repo", t.TempDir()}, nil, "not a git repository"},
		{"no merge sha", []string{"--base", "main"}, nil, "--merge-sha and --pr-number are required"},
		{"no token", []string{"--base", "main", "--merge-sha", "abc", "--pr-number", "1"}, nil, "no GitHub token"},
		{"bad repository", []string{"--base", "main", "--merge-sha", "abc", "--pr-number", "1"},
			map[string]string{"GITHUB_TOKEN": "t", "GITHUB_REPOSITORY": "nope"}, "not owner/name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := run(t, r.Dir, tt.vars, append([]string{"release"}, tt.args...)...)
			if got.code != ExitUsage || !strings.Contains(got.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", got.code, got.stderr, tt.want)
			}
		})
	}
}

func TestReleaseTagsOnTheSandbox(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Git("tag", "-a", "-m", "Release v1.2.3", "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	m := s.Push("main", map[string]string{"app.go": "fix\n"})
	vars := actionVars(t, map[string]string{"GITHUB_TOKEN": sandboxtest.Token, "GITHUB_API_URL": s.URL,
		"GITHUB_REPOSITORY": sandboxtest.Owner + "/" + sandboxtest.Name, "GITHUB_SERVER_URL": "https://github.example"})
	args := []string{"release", "--base", "main", "--merge-sha", m, "--head-branch", "hotfix/pay",
		"--pr-number", "7", "--pr-title", "Fix payments\nretry", "--incident", "3"}

	got := run(t, t.TempDir(), vars, args...)
	if got.code != ExitOK {
		t.Fatalf("exit %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
	containsAll(t, "outputs", got.outputs, []string{"tag<<", "v1.2.4", "previous_tag<<", "v1.2.3", "sha<<", m})
	containsAll(t, "summary", got.summary, []string{"`v1.2.4`", "v1.2.3 is the highest stable v-tag in main"})
	msg := s.Git("for-each-ref", "--format=%(contents)", "refs/tags/v1.2.4")
	want := "Hotfix: Fix payments retry\n\nPull request: https://github.example/acme/shop/pull/7\nIncident: https://github.example/acme/shop/issues/3"
	if msg != want {
		t.Errorf("tag message = %q, want %q", msg, want)
	}

	again := run(t, t.TempDir(), vars, append(args, "--json")...)
	var res map[string]any
	if err := json.Unmarshal([]byte(again.stdout), &res); err != nil || again.code != ExitOK {
		t.Fatalf("re-run: exit %d, stdout %q: %v", again.code, again.stdout, err)
	}
	if res["tag"] != "v1.2.4" || res["created"] != false {
		t.Errorf("re-run = %v, want v1.2.4 not created", res)
	}
}
