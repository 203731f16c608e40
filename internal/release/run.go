package release

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// raceTries bounds how many tag numbers a release tries when concurrent releases take them.
// Each round of a race has one winner, so n releases at once need n tries for the last of them:
// sixteen covers a burst of merges as large as a team makes in an incident.
const raceTries = 16

// ErrNotMerged says that the pull request is not merged, so there is no merge commit to tag.
var ErrNotMerged = errors.New("pull request not merged")

// Config is how releases are made in a repository.
type Config struct {
	// Prefix comes before the semver in tag names, such as "v" or "api/v"; empty means none.
	Prefix string
	// Branches says which branch names state the line; the defaults when the globs are empty.
	Branches Branches
	// Tagger names the tag objects' tagger; DefaultTagger when its Name is empty.
	Tagger Tagger
}

// DefaultConfig is the configuration when the repository states none: prefix "v", maintenance
// branches release/*, git-flow hotfix branches hotfix/**, and DefaultTagger.
func DefaultConfig() Config {
	return Config{Prefix: DefaultPrefix}.withDefaults()
}

// DefaultTagger is the identity GitHub Actions commits as, with the real clock.
var DefaultTagger = Tagger{Name: "github-actions[bot]", Email: "41898282+github-actions[bot]@users.noreply.github.com", Now: time.Now}

// withDefaults fills in what the config leaves empty.
func (c Config) withDefaults() Config {
	if c.Branches.Maintenance == "" {
		c.Branches.Maintenance = "release/*"
	}
	if c.Branches.Hotfix == "" {
		c.Branches.Hotfix = "hotfix/**"
	}
	if c.Tagger.Name == "" {
		c.Tagger = DefaultTagger
	}
	if c.Tagger.Now == nil {
		c.Tagger.Now = time.Now
	}
	return c
}

// Input is the merged hotfix to release.
type Input struct {
	Repo Repo
	PR   *github.PullRequest
	// IncidentURL links the incident in the tag message, when known.
	IncidentURL string
}

// Result is what a release came to: the tag on the merge commit, and whether this run made it.
type Result struct {
	Tag         string `json:"tag"`
	PreviousTag string `json:"previous_tag"`
	SHA         string `json:"sha"`
	// Created is false when the tag was already there: a re-run, or another run of the same merge.
	Created bool `json:"created"`
	// Released is true when Tag is a later release that already contains the merge.
	Released bool   `json:"released,omitempty"`
	Reason   string `json:"reason"`
	// ReleaseBranches are the open maintenance branches, read with the tags when BranchesRead
	// (Facts), so that the backport's targets need no request of their own.
	ReleaseBranches []string `json:"-"`
	BranchesRead    bool     `json:"-"`
}

// Run tags a merged hotfix: it reads the facts, decides the tag, and creates it as an annotated
// tag on the pull request's merge commit. When a concurrent release takes the number, it reads
// again and takes the next patch, at most raceTries times. A tag already on the merge commit
// is reported and nothing is written.
func Run(ctx context.Context, c *github.Client, in Input, cfg Config) (Result, error) {
	return run(ctx, c, in, cfg, nil)
}

// RunFrom is Run whose first try decides from facts the caller already read with APIFacts for
// this merge, so they are not read twice; a race for the number reads them again, as Run does.
func RunFrom(ctx context.Context, c *github.Client, in Input, cfg Config, facts Facts) (Result, error) {
	return run(ctx, c, in, cfg, &facts)
}

// run is Run with the first try's facts, when the caller has them.
func run(ctx context.Context, c *github.Client, in Input, cfg Config, first *Facts) (Result, error) {
	merge, err := mergeOf(in.PR)
	if err != nil {
		return Result{}, err
	}
	cfg = cfg.withDefaults()
	var taken []string
	for range raceTries {
		res, err := attempt(ctx, c, in, cfg, merge, taken, first)
		if !errors.Is(err, errTaken) {
			return res, err
		}
		taken, first = append(taken, res.Tag), nil
	}
	return Result{}, fmt.Errorf("tag %s on %s: concurrent releases took %s; run again to take the next number",
		in.Repo, short(merge.Target), strings.Join(taken, ", "))
}

// attempt makes one try: load, decide, apply. On errTaken its Result names the tag it tried.
// With first, it decides from those facts and reads none.
func attempt(ctx context.Context, c *github.Client, in Input, cfg Config, merge Merge, taken []string, first *Facts) (Result, error) {
	prefix := cfg.Prefix
	facts, err := firstOr(first, func() (Facts, error) { return APIFacts(ctx, c, in.Repo, prefix, cfg.Branches, merge) })
	if err != nil {
		return Result{}, err
	}
	facts.Existing = append(slices.Clone(facts.Existing), taken...)
	plan, err := Decide(prefix, facts)
	if err != nil {
		return Result{}, err
	}
	res := Result{Tag: plan.Tag, PreviousTag: plan.PreviousTag, SHA: plan.Target, Reason: plan.Reason,
		ReleaseBranches: facts.ReleaseBranches, BranchesRead: facts.BranchesRead}
	if plan.Exists || plan.Released {
		res.Released = plan.Released
		return res, nil
	}
	out, err := create(ctx, c, in.Repo, plan, Message(note(in)), cfg.Tagger)
	if err != nil {
		return res, err
	}
	res.Created = out.created
	if out.existing {
		res.Reason = fmt.Sprintf("%s was made for %s by another run at the same time; nothing to create", plan.Tag, short(plan.Target))
	}
	return res, nil
}

// mergeOf reads the merge from a merged pull request.
func mergeOf(pr *github.PullRequest) (Merge, error) {
	if pr == nil || !pr.GetMerged() || pr.GetMergeCommitSHA() == "" {
		return Merge{}, fmt.Errorf("%w: pull request #%d has no merge commit to tag", ErrNotMerged, pr.GetNumber())
	}
	return Merge{Base: pr.GetBase().GetRef(), Head: pr.GetHead().GetRef(), Target: pr.GetMergeCommitSHA()}, nil
}

// note is what the tag message says about the pull request.
func note(in Input) Note {
	return Note{Title: in.PR.GetTitle(), Number: in.PR.GetNumber(), PRURL: in.PR.GetHTMLURL(), IncidentURL: in.IncidentURL}
}

// firstOr is *first when there is one, else what read returns.
func firstOr(first *Facts, read func() (Facts, error)) (Facts, error) {
	if first != nil {
		return *first, nil
	}
	return read()
}
