package sandbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// gitRepo runs the git CLI on the sandbox's bare repository, always with an explicit argv.
type gitRepo struct {
	dir string
	// api and html make absolute URLs for the objects git returns (Server.apiURL and htmlURL).
	api, html func(format string, args ...any) string
	// user is the login that authors the commits the sandbox makes.
	user string
}

// gitExit is the error for git exiting with a status other than 0.
type gitExit struct {
	cmd    string
	code   int
	stderr string
}

// Error names the git command, its status and what it printed.
func (e *gitExit) Error() string {
	return fmt.Sprintf("git %s: exit status %d: %s", e.cmd, e.code, e.stderr)
}

// exitStatus is the status git exited with when err is a *gitExit, else -1.
func exitStatus(err error) int {
	var ge *gitExit
	if errors.As(err, &ge) {
		return ge.code
	}
	return -1
}

// run runs git with args on the repository, feeding stdin when it is not nil, and returns stdout.
func (g *gitRepo) run(ctx context.Context, stdin []byte, args ...string) ([]byte, error) {
	return g.runEnv(ctx, stdin, nil, args...)
}

// runEnv is run with extra environment variables, such as commit dates.
func (g *gitRepo) runEnv(ctx context.Context, stdin []byte, env []string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"--git-dir", g.dir}, args...)...)
	cmd.Env = append(cmd.Environ(), env...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return stdout.Bytes(), &gitExit{cmd: args[0], code: exit.ExitCode(), stderr: strings.TrimSpace(stderr.String())}
	}
	if err != nil {
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return stdout.Bytes(), nil
}

// ensure creates the bare repository, with main as its default branch, unless dir already is one.
func (g *gitRepo) ensure(ctx context.Context) error {
	if !fileExists(g.dir) {
		out, err := exec.CommandContext(ctx, "git", "init", "--quiet", "--bare", "-b", "main", "--", g.dir).CombinedOutput()
		if err != nil {
			return fmt.Errorf("create bare repository %s: %v: %s", g.dir, err, strings.TrimSpace(string(out)))
		}
		return nil
	}
	if _, err := g.run(ctx, nil, "rev-parse", "--git-dir"); err != nil {
		return fmt.Errorf("open repository %s: not a git repository", g.dir)
	}
	return nil
}

// resolve returns the commit that ref (a branch, a tag, a full ref or a SHA) names; a missing ref
// is a 404.
func (g *gitRepo) resolve(ref string) (string, error) {
	return g.peel(ref, "commit")
}

// peel returns the object of kind (commit, tree, tag, or "" for any) that rev names, or a 404.
func (g *gitRepo) peel(rev, kind string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", notFound()
	}
	spec := rev
	if kind != "" {
		spec += "^{" + kind + "}"
	}
	out, err := g.run(context.Background(), nil, "rev-parse", "--verify", "--quiet", "--end-of-options", spec)
	if exitStatus(err) == 1 {
		return "", notFound()
	}
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// mergeTree merges head into base without a worktree (git merge-tree --write-tree) and returns the
// tree; conflict reports whether the merge had conflicts.
func (g *gitRepo) mergeTree(base, head string) (tree string, conflicted bool, err error) {
	out, err := g.run(context.Background(), nil, "merge-tree", "--write-tree", "--no-messages", "--end-of-options", base, head)
	if err != nil && exitStatus(err) != 1 {
		return "", false, fmt.Errorf("merge %s into %s: %w", head, base, err)
	}
	tree, _, _ = strings.Cut(string(out), "\n")
	return strings.TrimSpace(tree), err != nil, nil
}

// commitTree makes a commit of tree with msg and parents, authored by the sandbox's user and
// committed by GitHub at when, and returns its SHA.
func (g *gitRepo) commitTree(tree, msg string, parents []string, when time.Time) (string, error) {
	args := []string{"commit-tree", tree}
	for _, p := range parents {
		args = append(args, "-p", p)
	}
	date := fmt.Sprintf("@%d +0000", when.Unix())
	env := []string{
		"GIT_AUTHOR_NAME=" + g.user, "GIT_AUTHOR_EMAIL=" + g.user + "@users.noreply.github.com", "GIT_AUTHOR_DATE=" + date,
		"GIT_COMMITTER_NAME=GitHub", "GIT_COMMITTER_EMAIL=noreply@github.com", "GIT_COMMITTER_DATE=" + date,
	}
	out, err := g.runEnv(context.Background(), []byte(msg), env, append(args, "-F", "-")...)
	if err != nil {
		return "", fmt.Errorf("commit tree %s: %w", tree, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// updateRef points ref at sha; a bare branch name is taken as refs/heads/NAME.
func (g *gitRepo) updateRef(ref, sha string) error {
	if !strings.HasPrefix(ref, "refs/") {
		ref = "refs/heads/" + ref
	}
	if _, err := g.run(context.Background(), nil, "update-ref", "--end-of-options", ref, sha); err != nil {
		return fmt.Errorf("update %s to %s: %w", ref, sha, err)
	}
	return nil
}

// commitsBetween lists the commits on head that are not on base, oldest first, as compare and a
// pull request's commits list them.
func (g *gitRepo) commitsBetween(base, head string) ([]commitInfo, error) {
	return g.log("--reverse", "--end-of-options", base+".."+head)
}

// isAncestor reports whether commit a is an ancestor of (or the same as) commit b.
func (g *gitRepo) isAncestor(a, b string) (bool, error) {
	_, err := g.run(context.Background(), nil, "merge-base", "--is-ancestor", a, b)
	if exitStatus(err) == 1 {
		return false, nil
	}
	return err == nil, err
}

// mergeBase is the best common ancestor of a and b, or "" when they share no history.
func (g *gitRepo) mergeBase(a, b string) (string, error) {
	out, err := g.run(context.Background(), nil, "merge-base", a, b)
	if exitStatus(err) == 1 {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("merge base of %s and %s: %w", a, b, err)
	}
	return strings.TrimSpace(string(out)), nil
}
