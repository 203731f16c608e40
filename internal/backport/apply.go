package backport

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// Options are the policy's backport settings, and the pacing of the mergeability poll.
type Options struct {
	Rule          Rule
	Labels        []string // added to every backport PR
	ConflictLabel string   // added when the backport conflicts; "backport-conflict" when empty
	// ConflictWarn makes a conflict a warning instead of a failed run.
	ConflictWarn bool
	// Polls bounds the reads of a PR's mergeability; Sleep waits between them (waitMergeable).
	Polls int
	Sleep func(context.Context, time.Duration) error
}

// Repo names the repository.
type Repo struct{ Owner, Name string }

// Result is what happened for one target.
type Result struct {
	Target   Target `json:"target"`
	Branch   string `json:"branch"`
	Number   int    `json:"number,omitempty"`
	URL      string `json:"url,omitempty"`
	Created  bool   `json:"created"`  // a new PR was opened by this run
	Conflict bool   `json:"conflict"` // the PR can't merge cleanly
	Skipped  string `json:"skipped,omitempty"`
}

// ErrConflict is returned (wrapped, naming the PRs) when a backport conflicts and the policy
// does not say to only warn.
var ErrConflict = errors.New("backport conflicts")

// Open brings the hotfix to each target: the branch from the hotfix's head commit, the PR, its
// labels, and on a conflict the label and the resolution commands. A rerun reuses the branch and
// the open PR, so it creates nothing new.
func Open(ctx context.Context, c *github.Client, repo Repo, h Hotfix, headSHA string, targets []Target, opts Options) ([]Result, error) {
	opts = opts.withDefaults()
	var results []Result
	var conflicts []string
	for _, t := range targets {
		res, err := openOne(ctx, c, repo, h, headSHA, t, opts)
		if err != nil {
			return results, fmt.Errorf("backport #%d to %s: %w", h.Number, t.Branch, gh.Explain(err))
		}
		results = append(results, res)
		if res.Conflict {
			conflicts = append(conflicts, fmt.Sprintf("#%d (%s → %s) %s", res.Number, res.Branch, t.Branch, res.URL))
		}
	}
	if len(conflicts) > 0 && !opts.ConflictWarn {
		return results, fmt.Errorf("%w: resolve by hand: %s", ErrConflict, strings.Join(conflicts, "; "))
	}
	return results, nil
}

func (o Options) withDefaults() Options {
	if o.ConflictLabel == "" {
		o.ConflictLabel = "backport-conflict"
	}
	if o.Polls <= 0 {
		o.Polls = 8
	}
	if o.Sleep == nil {
		o.Sleep = func(ctx context.Context, d time.Duration) error {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(d):
				return nil
			}
		}
	}
	return o
}

// openOne does one target: branch, PR, mergeability, labels, and the conflict body.
func openOne(ctx context.Context, c *github.Client, repo Repo, h Hotfix, headSHA string, t Target, opts Options) (Result, error) {
	res := Result{Target: t, Branch: BranchName(h.Branch, t.Branch)}
	if err := ensureBranch(ctx, c, repo, res.Branch, headSHA); err != nil {
		return res, err
	}
	pr, created, err := ensurePR(ctx, c, repo, h, t, res.Branch)
	if err != nil {
		return res, err
	}
	if pr == nil {
		res.Skipped = fmt.Sprintf("%s already has every commit of #%d", t.Branch, h.Number)
		return res, nil
	}
	res.Number, res.URL, res.Created = pr.GetNumber(), pr.GetHTMLURL(), created
	if pr, err = waitMergeable(ctx, c, repo, pr, opts); err != nil {
		return res, err
	}
	res.Conflict = !pr.GetMergeable()
	return res, finish(ctx, c, repo, h, t, pr, res, opts)
}

// ensureBranch creates the backport branch at the hotfix's head commit. A branch that exists
// already is reused as it is: it may hold a person's conflict resolution.
func ensureBranch(ctx context.Context, c *github.Client, repo Repo, branch, sha string) error {
	ref := "refs/heads/" + branch
	_, _, err := c.Git.CreateRef(ctx, repo.Owner, repo.Name, &github.Reference{Ref: &ref, Object: &github.GitObject{SHA: &sha}})
	if err == nil {
		return nil
	}
	if k := gh.Kind(err); k != gh.Validation && k != gh.Uncertain {
		return fmt.Errorf("create branch %s at %.12s: %w", branch, sha, err)
	}
	if _, _, getErr := c.Git.GetRef(ctx, repo.Owner, repo.Name, "heads/"+branch); getErr != nil {
		return fmt.Errorf("create branch %s at %.12s: %w (and reading it back: %v)", branch, sha, err, getErr)
	}
	return nil
}

// ensurePR opens the backport PR, or finds the open one a previous run opened. It returns a nil
// PR when the target already has every commit of the hotfix.
func ensurePR(ctx context.Context, c *github.Client, repo Repo, h Hotfix, t Target, branch string) (*github.PullRequest, bool, error) {
	title, body := Title(h, t.Branch), Body(h, t, branch, false)
	pr, _, err := c.PullRequests.Create(ctx, repo.Owner, repo.Name, &github.NewPullRequest{
		Title: &title, Head: &branch, Base: &t.Branch, Body: &body, MaintainerCanModify: github.Bool(true),
	})
	if err == nil {
		return pr, true, nil
	}
	if k := gh.Kind(err); k != gh.Validation && k != gh.Uncertain {
		return nil, false, fmt.Errorf("open the pull request %s → %s: %w", branch, t.Branch, err)
	}
	open, _, listErr := c.PullRequests.List(ctx, repo.Owner, repo.Name, &github.PullRequestListOptions{
		State: "open", Head: repo.Owner + ":" + branch, Base: t.Branch,
	})
	if listErr != nil {
		return nil, false, fmt.Errorf("open the pull request %s → %s: %w (and listing: %v)", branch, t.Branch, err, listErr)
	}
	if len(open) > 0 {
		return open[0], false, nil
	}
	if strings.Contains(err.Error(), "No commits between") {
		return nil, false, nil
	}
	return nil, false, fmt.Errorf("open the pull request %s → %s: %w", branch, t.Branch, err)
}

// finish adds the labels the PR lacks, in one request, and on a conflict rewrites the body with
// the commands that resolve it.
func finish(ctx context.Context, c *github.Client, repo Repo, h Hotfix, t Target, pr *github.PullRequest, res Result, opts Options) error {
	want := append([]string{}, opts.Labels...)
	if res.Conflict {
		want = append(want, opts.ConflictLabel)
		body := Body(h, t, res.Branch, true)
		if pr.GetBody() != body {
			if _, _, err := c.PullRequests.Edit(ctx, repo.Owner, repo.Name, pr.GetNumber(), &github.PullRequest{Body: &body}); err != nil {
				return fmt.Errorf("write the conflict instructions on #%d: %w", pr.GetNumber(), err)
			}
		}
	}
	missing := missingLabels(pr, want)
	if len(missing) == 0 {
		return nil
	}
	if _, _, err := c.Issues.AddLabelsToIssue(ctx, repo.Owner, repo.Name, pr.GetNumber(), missing); err != nil {
		return fmt.Errorf("label #%d %s: %w", pr.GetNumber(), strings.Join(missing, ", "), err)
	}
	return nil
}

func missingLabels(pr *github.PullRequest, want []string) []string {
	have := map[string]bool{}
	for _, l := range pr.Labels {
		have[l.GetName()] = true
	}
	var out []string
	for _, w := range want {
		if !have[w] {
			out = append(out, w)
			have[w] = true
		}
	}
	return out
}
