package demo

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// identity is who the demo's commits are by, whatever the user's git config says.
var identity = []string{
	"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=" + os.DevNull,
	"GIT_AUTHOR_NAME=Ada On-Call", "GIT_AUTHOR_EMAIL=ada@example.com",
	"GIT_COMMITTER_NAME=Ada On-Call", "GIT_COMMITTER_EMAIL=ada@example.com",
}

// clone is a working copy of the sandbox's repository, where the demo plays the engineer.
type clone struct{ dir string }

// git runs git in the clone and returns its trimmed output.
func (c clone) git(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = c.dir
	cmd.Env = append(cmd.Environ(), identity...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return strings.TrimSpace(string(out)), nil
}

// commit writes files, commits them on the current branch and returns the commit's SHA.
func (c clone) commit(ctx context.Context, msg string, files map[string]string) (string, error) {
	for path, content := range files {
		full := filepath.Join(c.dir, path)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			return "", err
		}
	}
	if _, err := c.git(ctx, "add", "-A"); err != nil {
		return "", err
	}
	if _, err := c.git(ctx, "commit", "-q", "-m", msg); err != nil {
		return "", err
	}
	return c.git(ctx, "rev-parse", "HEAD")
}

// run runs a sequence of git commands, stopping at the first error.
func (c clone) run(ctx context.Context, cmds ...[]string) error {
	for _, args := range cmds {
		if _, err := c.git(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}
