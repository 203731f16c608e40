package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// verifyRepo is a checkout of hotfix/fix, whose base main has a policy with the given steps.
// The hotfix branch rewrites the policy to run `true` only, which must not count.
func verifyRepo(t *testing.T, steps string) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	r.Commit("policy", map[string]string{".github/hotfix.yml": "verify:\n  steps:\n" + steps, "README.md": "shop\n"})
	r.Git("checkout", "-q", "-b", "hotfix/fix")
	r.Commit("loosen", map[string]string{".github/hotfix.yml": "verify:\n  steps:\n    - run: \"true\"\n"})
	return r
}

func TestVerify(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		steps    string
		args     []string
		code     int
		want     []string
		verdict  string
		ranFiles []string
	}{
		"pass": {"    - {name: check, run: \"test -f README.md && touch checked\"}\n", nil, ExitOK,
			[]string{"policy: .github/hotfix.yml on refs/heads/main", "1. check: test -f README.md", "verdict: pass"}, "verdict<<", []string{"checked"}},
		"a failing step": {"    - {name: unit, run: \"echo boom; exit 4\"}\n    - {name: after, run: \"touch after\"}\n", nil, ExitFailed,
			[]string{"boom", "verdict: fail", "failed step: unit"}, "fail", nil},
		"dry run": {"    - {name: check, run: \"touch checked\"}\n", []string{"--dry-run"}, ExitOK,
			[]string{"1. check: touch checked", "dry run: would run 1 step, and ran none"}, "", nil},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := verifyRepo(t, tc.steps)
			vars := actionVars(t, nil)
			got := run(t, r.Dir, vars, append([]string{"verify", "--base", "main", "--head", "hotfix/fix"}, tc.args...)...)
			if got.code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", got.code, tc.code, got.stdout, got.stderr)
			}
			for _, want := range tc.want {
				if !strings.Contains(got.stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, got.stdout)
				}
			}
			if tc.verdict != "" && !strings.Contains(got.outputs, tc.verdict) {
				t.Errorf("outputs %q lack %q", got.outputs, tc.verdict)
			}
			for _, f := range []string{"checked", "after"} {
				_, err := os.Stat(filepath.Join(r.Dir, f))
				if ran := err == nil; ran != contains(tc.ranFiles, f) {
					t.Errorf("%s exists: %v, want %v", f, ran, !ran)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestVerifyUsage(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		files map[string]string
		args  []string
		want  string
	}{
		"bad policy":       {map[string]string{".github/hotfix.yml": "verify: {steps: [{name: a}]}\n"}, nil, ".github/hotfix.yml:1:18: verify.steps[0]: a step needs run"},
		"nothing detected": {map[string]string{"README.md": "x\n"}, nil, "no verify steps"},
		"bad base":         {map[string]string{"README.md": "x\n"}, []string{"--base", "nope"}, `bad base ref "nope": no refs/remotes/origin/nope or refs/heads/nope`},
		"an argument":      {map[string]string{"README.md": "x\n"}, []string{"go test"}, `unexpected argument "go test"`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := gittest.New(t)
			r.Commit("base", tc.files)
			got := run(t, r.Dir, nil, append([]string{"verify"}, tc.args...)...)
			if got.code != ExitUsage || !strings.Contains(got.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", got.code, got.stderr, tc.want)
			}
		})
	}
}

func TestVerifyJSON(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("go", map[string]string{"Makefile": "test:\n\t@echo made\n"})
	got := run(t, r.Dir, nil, "verify", "--json")
	var res struct {
		Verdict string `json:"verdict"`
		Steps   []struct {
			Name    string `json:"name"`
			Outcome string `json:"outcome"`
		} `json:"steps"`
	}
	if err := json.Unmarshal([]byte(got.stdout), &res); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, got.stdout)
	}
	if res.Verdict != "pass" || len(res.Steps) != 1 || res.Steps[0].Name != "make test" || res.Steps[0].Outcome != "passed" {
		t.Errorf("result = %+v", res)
	}
	if !strings.Contains(got.stderr, "Makefile has a test target: make test") || !strings.Contains(got.stderr, "made") {
		t.Errorf("stderr lacks the detection note or the step's output:\n%s", got.stderr)
	}
}

// TestVerifyStatus runs verify with a token and a head SHA against the sandbox: the head gets a
// pending status, then the verdict, linked to the run, and nothing else.
func TestVerifyStatus(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		step  string
		code  int
		state string
	}{
		"success": {"exit 0", ExitOK, "success"},
		"failure": {"exit 1", ExitFailed, "failure"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := sandboxtest.Start(t, sandboxtest.Options{})
			s.Push("main", map[string]string{".github/hotfix.yml": "verify:\n  steps:\n    - {name: unit, run: \"" + tc.step + "\"}\n"})
			sha := s.Push("hotfix/fix", map[string]string{"a.txt": "a\n"})
			dir := checkout(t, s, "hotfix/fix")
			vars := actionVars(t, map[string]string{
				"INPUT_TOKEN": sandboxtest.Token, "GITHUB_API_URL": s.URL, "GITHUB_REPOSITORY": "acme/shop",
				"GITHUB_RUN_ID": "42", "GITHUB_SERVER_URL": "https://github.example", "INPUT_SHA": sha,
			})
			got := run(t, dir, vars, "verify", "--head", "hotfix/fix")
			if got.code != tc.code {
				t.Fatalf("exit %d, want %d\n%s\n%s", got.code, tc.code, got.stdout, got.stderr)
			}
			list, _, err := s.Client.Repositories.ListStatuses(context.Background(), sandboxtest.Owner, sandboxtest.Name, sha, nil)
			if err != nil {
				t.Fatal(err)
			}
			var states []string
			for _, st := range list {
				states = append(states, st.GetContext()+" "+st.GetState()+" "+st.GetTargetURL())
			}
			url := "https://github.example/acme/shop/actions/runs/42"
			want := []string{"hotfix/verify " + tc.state + " " + url, "hotfix/verify pending " + url}
			if diff := cmp.Diff(states, want); diff != "" {
				t.Errorf("statuses, newest first (-got +want):\n%s", diff)
			}
			for _, line := range strings.Split(got.stdout+got.stderr, "\n") {
				if strings.Contains(line, sandboxtest.Token) && line != "::add-mask::"+sandboxtest.Token {
					t.Errorf("the token is in the output: %q", line)
				}
			}
		})
	}
}

// checkout clones the sandbox's repository at branch, as actions/checkout does.
func checkout(t *testing.T, s *sandboxtest.Sandbox, branch string) string {
	t.Helper()
	dir := t.TempDir()
	gittest.Clone(t, s.Dir, branch, dir)
	return dir
}

// TestVerifyStatusOtherHead runs verify with --sha naming a commit the checkout is not on: it
// refuses before any step runs, says how to fix it, and writes no status on that commit.
func TestVerifyStatusOtherHead(t *testing.T) {
	t.Parallel()
	for name, sha := range map[string]string{
		"another commit":           "",
		"a commit it doesn't have": "0123456789abcdef0123456789abcdef01234567",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := sandboxtest.Start(t, sandboxtest.Options{})
			s.Push("main", map[string]string{".github/hotfix.yml": "verify:\n  steps:\n    - {name: unit, run: \"touch ran\"}\n"})
			tested := s.Push("hotfix/fix", map[string]string{"a.txt": "a\n"})
			dir := checkout(t, s, "hotfix/fix")
			if sha == "" {
				sha = s.Push("hotfix/fix", map[string]string{"a.txt": "b\n"}) // pushed after the checkout
			}
			vars := actionVars(t, map[string]string{
				"INPUT_TOKEN": sandboxtest.Token, "GITHUB_API_URL": s.URL, "GITHUB_REPOSITORY": "acme/shop", "INPUT_SHA": sha,
			})
			got := run(t, dir, vars, "verify", "--head", "hotfix/fix")
			want := "the checkout " + dir + " is at " + tested + ", not at " + sha + ", the commit whose hotfix/verify status this run would write; " +
				"check out that commit (actions/checkout with ref: " + sha + "), or pass the checkout's HEAD as --sha (the sha input)"
			if got.code != ExitUsage || !strings.Contains(got.stdout+got.stderr, "::error::hotfix verify: "+want) {
				t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s\nwant 2 and the error annotation %q", got.code, got.stdout, got.stderr, want)
			}
			if _, err := os.Stat(filepath.Join(dir, "ran")); err == nil {
				t.Error("a step ran")
			}
			for _, ref := range []string{sha, tested} {
				list, _, err := s.Client.Repositories.ListStatuses(context.Background(), sandboxtest.Owner, sandboxtest.Name, ref, nil)
				if err == nil && len(list) != 0 {
					t.Errorf("%s has statuses %v, want none", ref, list)
				}
			}
		})
	}
}
