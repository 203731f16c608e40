// Package scaffold sets a repository up for the toolkit, as `hotfix init` does: the policy file
// with the branch names and verify steps detected from the repository, and the caller workflows
// that run this project's reusable workflows. It writes every file or none.
package scaffold

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/git"
	"github.com/incident-hotfix/incident-hotfix/internal/verify"
)

// Facts are what init detected in the repository, each with why.
type Facts struct {
	// Root is the top of the worktree, where the files go.
	Root       string
	Production string
	Develop    string
	Steps      []verify.Step
	// Notes say how each fact was found, for the output and the policy's comments.
	ProductionNote, DevelopNote string
	StepNotes                   []string
}

// ErrNotRepository means the directory is not inside a git worktree.
var ErrNotRepository = errors.New("not a git worktree")

// Detect finds the worktree's root, its production and develop branches, and its verify steps.
func Detect(ctx context.Context, dir string) (Facts, error) {
	root, err := gitText(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return Facts{}, fmt.Errorf("%w: %s: %v", ErrNotRepository, dir, err)
	}
	f := Facts{Root: root}
	branches, err := branchNames(ctx, root)
	if err != nil {
		return Facts{}, err
	}
	current, _ := gitText(ctx, root, "symbolic-ref", "--quiet", "--short", "HEAD")
	f.Production, f.ProductionNote = pick(branches, []string{"main", "master"}, current)
	f.Develop, f.DevelopNote = pick(branches, []string{"develop", "dev"}, "")
	if f.Steps, f.StepNotes, err = verify.Detect(root); err != nil {
		return Facts{}, err
	}
	return f, nil
}

// pick returns the first candidate among the branches, and why; else fallback, the branch that
// HEAD names in a repository with no such branch yet, else the first candidate as a default.
func pick(branches, candidates []string, fallback string) (name, note string) {
	for _, c := range candidates {
		if slices.Contains(branches, c) {
			return c, "detected: the branch " + c + " exists"
		}
	}
	if slices.Contains(candidates, fallback) {
		return fallback, "detected: HEAD names " + fallback + ", which has no commit yet"
	}
	return candidates[0], "the default: no branch " + strings.Join(candidates, " or ") + " was found"
}

// branchNames lists the local branches and the remote-tracking ones, without their remote.
func branchNames(ctx context.Context, root string) ([]string, error) {
	out, err := gitText(ctx, root, "for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes")
	if err != nil {
		return nil, fmt.Errorf("list the branches of %s: %w", root, err)
	}
	var names []string
	for _, ref := range strings.Fields(out) {
		if name, ok := strings.CutPrefix(ref, "refs/heads/"); ok {
			names = append(names, name)
		} else if rest, ok := strings.CutPrefix(ref, "refs/remotes/"); ok {
			if _, name, ok := strings.Cut(rest, "/"); ok && name != "HEAD" {
				names = append(names, name)
			}
		}
	}
	return names, nil
}

// gitText runs git in dir (internal/git) and returns its trimmed standard output.
func gitText(ctx context.Context, dir string, args ...string) (string, error) {
	out, err := git.Output(ctx, dir, args...)
	return strings.TrimSpace(string(out)), err
}
