package hostile

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/refname"
)

// shellNames are branch names, valid to git, that run `touch canary` if a shell ever sees them.
func shellNames(canary string) []string {
	return []string{
		shellBranch(canary),
		"hotfix/;touch${IFS}" + canary + ";#",
		"hotfix/&&touch${IFS}" + canary,
		"hotfix/|touch${IFS}" + canary,
		"-hotfix/$(touch${IFS}" + canary + ")",
		"hotfix/'\"$(touch${IFS}" + canary + ")\"'",
	}
}

// TestShellBranchesLocal runs guard and the release dry run on a checkout whose hostile refs
// were made with git update-ref, as either side of the range: nothing runs, and each command
// answers as it would for any branch.
func TestShellBranchesLocal(t *testing.T) {
	t.Parallel()
	canary := filepath.Join(t.TempDir(), "canary")
	r := gittest.New(t)
	r.Commit("base", map[string]string{"svc.txt": gittest.Lines("svc", 10)})
	r.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3")
	fix := r.Commit("fix", map[string]string{"svc.txt": gittest.Lines("svc", 9) + "fixed\n"})
	r.Git("reset", "-q", "--hard", "HEAD~1")
	for _, name := range shellNames(canary) {
		r.Git("update-ref", "refs/heads/"+name, fix)
		guard := run(t, r.Dir, nil, "guard", "--repo", r.Dir, "--base", "main", "--head", name, "--json")
		rel := run(t, r.Dir, nil, "release", "--dry-run", "--repo", r.Dir, "--base", name, "--json")
		if strings.HasPrefix(name, "-") { // refused as an option look-alike, never passed on
			if guard.code == cli.ExitOK || rel.code == cli.ExitOK || !strings.Contains(guard.stderr+rel.stderr, "start") {
				t.Errorf("a ref starting with -: guard exit %d, release exit %d\n%s%s", guard.code, rel.code, guard.stderr, rel.stderr)
			}
			continue
		}
		if guard.code != cli.ExitOK || !strings.Contains(guard.stdout, `"verdict": "pass"`) {
			t.Errorf("guard --head %q: exit %d\n%s%s", name, guard.code, guard.stdout, guard.stderr)
		}
		if rel.code != cli.ExitOK || !strings.Contains(rel.stdout, `"tag": "v1.2.4"`) {
			t.Errorf("release --dry-run --base %q: exit %d\n%s%s", name, rel.code, rel.stdout, rel.stderr)
		}
	}
	if _, err := os.Stat(canary); !os.IsNotExist(err) {
		t.Errorf("a shell ran a branch name: %s exists", canary)
	}
}

// TestNewlineBranchRefused: git itself refuses a branch name with a newline, and so does the
// toolkit's own check, so such a name can reach neither.
func TestNewlineBranchRefused(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("base", nil)
	cmd := exec.Command("git", "update-ref", "refs/heads/hotfix/a\nb", "HEAD")
	cmd.Dir, cmd.Env = r.Dir, gittest.Env
	if err := cmd.Run(); err == nil {
		t.Error("git update-ref made a branch with a newline")
	}
	if err := refname.Check("hotfix/a\nb"); err == nil {
		t.Error("refname.Check accepted a branch with a newline")
	}
	got := run(t, r.Dir, nil, "guard", "--repo", r.Dir, "--base", "main", "--head", "hotfix/a\nb")
	if got.code == cli.ExitOK || !strings.Contains(got.stderr, "control character") {
		t.Errorf("guard --head with a newline: exit %d\n%s", got.code, got.stderr)
	}
}

// TestBackportBranchNames: whatever the hotfix branch and target hold, the backport branch is a
// valid name made only of lowercase letters, digits, dashes and slashes.
func TestBackportBranchNames(t *testing.T) {
	t.Parallel()
	for _, name := range append(shellNames("/tmp/canary"), "hotfix/`id`", "hotfix/@{-1}..x", "hotfix/"+strings.Repeat("é", 300)) {
		for _, target := range []string{"develop", "release/1.3", "release/$(id)"} {
			got := backport.BranchName(name, target)
			if err := refname.Check(got); err != nil {
				t.Errorf("BranchName(%q, %q) = %q: %v", name, target, got, err)
			}
			if strings.Trim(got, "abcdefghijklmnopqrstuvwxyz0123456789-/") != "" {
				t.Errorf("BranchName(%q, %q) = %q holds other characters", name, target, got)
			}
		}
	}
}

// TestNoShellInCode parses every Go file of the module outside tests: each program it runs is
// named by a literal, and none is a shell, except the one place that runs a shell on purpose:
// internal/verify runs the verify steps from the base branch's policy with bash.
func TestNoShellInCode(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	var programs []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		for _, p := range programsRun(t, path) {
			rel, _ := filepath.Rel(root, path)
			programs = append(programs, filepath.ToSlash(rel)+": "+p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(programs) == 0 {
		t.Fatal("found no exec.Command call at all; the walk is broken")
	}
	if !slices.Contains(programs, `internal/verify/run.go: "bash"`) {
		t.Errorf("the walk did not see verify's bash, so it can't see a shell: %v", programs)
	}
	for _, p := range programs {
		_, program, _ := strings.Cut(p, ": ")
		if p == `internal/verify/run.go: "bash"` {
			continue
		}
		if !strings.HasPrefix(program, `"`) || shells[strings.Trim(filepath.Base(program), `"`)] {
			t.Errorf("runs a shell, or a program it does not name: %s", p)
		}
	}
}

// shells are the programs that would read their arguments as shell code.
var shells = map[string]bool{"sh": true, "bash": true, "dash": true, "zsh": true, "ksh": true, "fish": true, "env": true}

// programsRun lists the first argument of each exec.Command and exec.CommandContext call in a
// file, as source: a literal shows quoted, anything else as it is written.
func programsRun(t *testing.T, path string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Command" && sel.Sel.Name != "CommandContext") || ident(sel.X) != "exec" {
			return true
		}
		arg := call.Args[0]
		if sel.Sel.Name == "CommandContext" {
			arg = call.Args[1]
		}
		out = append(out, source(arg))
		return true
	})
	return out
}

func ident(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// source shows an argument: a string literal quoted, an identifier by name.
func source(e ast.Expr) string {
	switch v := e.(type) {
	case *ast.BasicLit:
		s, _ := strconv.Unquote(v.Value)
		return strconv.Quote(s)
	case *ast.Ident:
		return v.Name
	}
	return "(expression)"
}
