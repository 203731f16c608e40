package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// hotfixRepo makes main with a service file and a hotfix branch that changes n lines of it.
func hotfixRepo(t *testing.T, n int) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	r.Commit("service", map[string]string{"src/svc.go": gittest.Lines("base", 400)})
	r.Git("checkout", "-q", "-b", "hotfix/login")
	r.Commit("fix login", map[string]string{"src/svc.go": gittest.Lines("base", 400-n) + gittest.Lines("fixed", n)})
	return r
}

func TestGuardPasses(t *testing.T) {
	t.Parallel()
	r := hotfixRepo(t, 3)
	got := run(t, r.Dir, nil, "guard")
	if got.code != ExitOK {
		t.Fatalf("exit %d, want 0; stdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	for _, want := range []string{"1 file, +3 -3 (6 changed lines), 1 commit", "PASS"} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, got.stdout)
		}
	}
}

func TestGuardFailsJSON(t *testing.T) {
	t.Parallel()
	r := hotfixRepo(t, 150) // 300 changed lines, over the default 200
	got := run(t, r.Dir, nil, "guard", "--json")
	if got.code != ExitFailed {
		t.Fatalf("exit %d, want 1; stderr %s", got.code, got.stderr)
	}
	var doc struct {
		Verdict      string `json:"verdict"`
		ChangedFiles int    `json:"changed_files"`
		Additions    int    `json:"additions"`
		Deletions    int    `json:"deletions"`
		Findings     []struct{ Rule, Path, Message string }
	}
	if err := json.Unmarshal([]byte(got.stdout), &doc); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, got.stdout)
	}
	if doc.Verdict != "fail" || doc.ChangedFiles != 1 || doc.Additions != 150 || doc.Deletions != 150 {
		t.Errorf("JSON = %+v", doc)
	}
	if len(doc.Findings) != 1 || doc.Findings[0].Rule != "max-lines" {
		t.Errorf("findings = %+v, want one max-lines", doc.Findings)
	}
}

func TestGuardSeverityFromInput(t *testing.T) {
	t.Parallel()
	r := hotfixRepo(t, 150)
	got := run(t, r.Dir, map[string]string{"INPUT_SEVERITY": "P0"}, "guard")
	if got.code != ExitOK {
		t.Errorf("P0 allows 500 lines: exit %d, stdout:\n%s", got.code, got.stdout)
	}
}

func TestGuardInAction(t *testing.T) {
	t.Parallel()
	r := hotfixRepo(t, 3)
	r.Commit("bump deps", map[string]string{"go.mod": "module x\n"})
	vars := actionVars(t, nil)
	got := run(t, r.Dir, vars, "guard")
	if got.code != ExitFailed {
		t.Fatalf("exit %d, want 1", got.code)
	}
	if !strings.Contains(got.stdout, "::error file=go.mod,title=hotfix guard%3A deny::go.mod matches the deny glob") {
		t.Errorf("no error annotation on go.mod:\n%s", got.stdout)
	}
	for _, want := range []string{"verdict<<", "\nfail\n", "changed_files<<", "\n2\n", "changed_lines<<", "\n7\n"} {
		if !strings.Contains(got.outputs, want) {
			t.Errorf("outputs lack %q:\n%s", want, got.outputs)
		}
	}
	if !strings.Contains(got.summary, "| error | `deny` | `go.mod` |") {
		t.Errorf("summary lacks the finding:\n%s", got.summary)
	}
}

// TestGuardPolicyFromBase shows that a hotfix can't loosen its own limits: the policy on the
// hotfix branch is ignored, the base branch's is used.
func TestGuardPolicyFromBase(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("service", map[string]string{
		"src/svc.go":         gittest.Lines("base", 50),
		".github/hotfix.yml": "guard:\n  max_lines: 20\n",
	})
	r.Git("checkout", "-q", "-b", "hotfix/sneaky")
	r.Commit("loosen and fix", map[string]string{
		"src/svc.go":         gittest.Lines("base", 35) + gittest.Lines("fixed", 15),
		".github/hotfix.yml": "guard:\n  max_lines: 5000\n  allow: ['**']\n",
	})
	got := run(t, r.Dir, nil, "guard", "--json")
	if got.code != ExitFailed || !strings.Contains(got.stdout, "exceed the limit of 20") {
		t.Errorf("exit %d, stdout:\n%s\nwant the base branch's limit of 20 to fail the change", got.code, got.stdout)
	}
}

func TestGuardTightenOnly(t *testing.T) {
	t.Parallel()
	r := hotfixRepo(t, 3)
	if got := run(t, r.Dir, nil, "guard", "--max-lines", "4"); got.code != ExitFailed {
		t.Errorf("--max-lines 4 on 6 lines: exit %d, want 1", got.code)
	}
	got := run(t, r.Dir, nil, "guard", "--max-lines", "201")
	if got.code != ExitUsage || !strings.Contains(got.stderr, "looser than the policy's 200") {
		t.Errorf("--max-lines 201: exit %d, stderr %q", got.code, got.stderr)
	}
}

// TestGuardUsageErrors checks that each bad input gives one clear line and exit 2.
func TestGuardUsageErrors(t *testing.T) {
	t.Parallel()
	r := hotfixRepo(t, 3)
	bad := gittest.New(t)
	bad.Commit("policy", map[string]string{".github/hotfix.yml": "guard:\n  max_linez: 3\n"})
	notRepo := t.TempDir()
	tests := []struct {
		name string
		dir  string
		args []string
		want string
	}{
		{"bad base ref", r.Dir, []string{"guard", "--base", "nope"}, "nope"},
		{"bad head ref", r.Dir, []string{"guard", "--head", "hotfix/missing"}, "hotfix/missing"},
		{"not a repository", notRepo, []string{"guard"}, notRepo},
		{"invalid policy", bad.Dir, []string{"guard", "--head", "main"}, ".github/hotfix.yml:2:3"},
		{"unreadable config", r.Dir, []string{"guard", "--config", "missing.yml"}, filepath.Join(r.Dir, "missing.yml")},
		{"bad severity", r.Dir, []string{"guard", "--severity", "P9"}, `"P9" is not a severity; valid: P0, P1, P2, P3`},
		{"stray argument", r.Dir, []string{"guard", "main"}, `unexpected argument "main"`},
		{"option as a ref", r.Dir, []string{"guard", "--head=--output=x"}, `head ref "--output=x" starts with '-'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := run(t, tt.dir, nil, tt.args...)
			lines := strings.Split(strings.TrimSpace(got.stderr), "\n")
			if diff := cmp.Diff(got.code, ExitUsage); diff != "" {
				t.Errorf("exit code (-got +want): %s; stderr:\n%s", diff, got.stderr)
			}
			if len(lines) != 1 || !strings.Contains(lines[0], tt.want) || !strings.HasPrefix(lines[0], "hotfix guard: ") {
				t.Errorf("stderr = %q, want one line naming %q", got.stderr, tt.want)
			}
		})
	}
}
