package prguard

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/change/fromapi"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
)

// Repo is the repository on GitHub that the guard reads and writes.
type Repo struct {
	Client      *github.Client
	Owner, Name string
}

// Target is what the guard judges on GitHub: a pull request, or a pushed commit compared with
// the production branch.
type Target struct {
	Base string              // the branch the hotfix merges into, whose policy applies
	Head string              // the pushed commit, for a push
	PR   *github.PullRequest // the pull request as the payload has it, or nil for a push
}

// TargetOf finds the target of an event: the pull request when there is one, else the pushed
// commit (after) compared with production, the routing policy's production branch.
func TargetOf(pr *github.PullRequest, after, production string) (Target, error) {
	if pr != nil {
		return Target{Base: pr.GetBase().GetRef(), PR: pr}, nil
	}
	if after == "" {
		return Target{}, errors.New("the guard needs a push or a pull_request payload")
	}
	return Target{Base: production, Head: after}, nil
}

// ChangeSet reads the target's change set: the PR's files, or compare for a push.
func (g Target) ChangeSet(ctx context.Context, r Repo) (change.Set, error) {
	if g.PR != nil {
		return fromapi.Pull(ctx, r.Client, r.Owner, r.Name, g.PR.GetNumber())
	}
	return fromapi.Compare(ctx, r.Client, r.Owner, r.Name, g.Base, g.Head)
}

// Heading names what was checked.
func (g Target) Heading(set change.Set, source string) guard.Heading {
	rng := fmt.Sprintf("%s...%.12s", g.Base, set.HeadSHA)
	if g.PR != nil {
		rng = fmt.Sprintf("#%d %s...%s (%.12s)", g.PR.GetNumber(), g.Base, set.Head, set.HeadSHA)
	}
	return guard.Heading{Range: rng, Policy: source}
}
