package release

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// writeTries bounds the attempts of one write whose outcome was uncertain or refused for now.
const writeTries = 3

// errTaken says that another tag already holds the name: a concurrent release took the number.
var errTaken = errors.New("tag name taken")

// Tagger is who the annotated tag object names as its tagger.
type Tagger struct {
	Name, Email string
	Now         func() time.Time
}

// outcome is what creating one tag came to.
type outcome struct {
	created bool // this run made the ref
	// existing is set when the ref was already there for the same commit: another run of this merge.
	existing bool
}

// create makes the annotated tag plan.Tag on plan.Target: the tag object first, then the ref that
// points at it. It never moves or overwrites a ref: when the name is held by a tag on another
// commit it returns errTaken.
func create(ctx context.Context, c *github.Client, repo Repo, plan Plan, msg string, who Tagger) (outcome, error) {
	obj, err := tagObject(ctx, c, repo, plan, msg, who)
	if err != nil {
		return outcome{}, err
	}
	ref := &github.Reference{Ref: github.String("refs/tags/" + plan.Tag), Object: &github.GitObject{SHA: obj.SHA}}
	for try := 1; ; try++ {
		_, _, err := c.Git.CreateRef(ctx, repo.Owner, repo.Name, ref)
		if err == nil {
			return outcome{created: true}, nil
		}
		k := gh.Kind(err)
		if k != gh.Validation && k != gh.Uncertain && k != gh.Unavailable {
			return outcome{}, fmt.Errorf("create ref refs/tags/%s in %s: %w", plan.Tag, repo, gh.Explain(err))
		}
		got, found, rerr := readBack(ctx, c, repo, plan, obj.GetSHA())
		switch {
		case rerr != nil:
			return outcome{}, rerr
		case found:
			return got, nil
		case k == gh.Validation || try == writeTries:
			return outcome{}, fmt.Errorf("create ref refs/tags/%s in %s: %w", plan.Tag, repo, err)
		}
	}
}

// tagObject creates the annotated tag object. A lost response is simply tried again: a tag object
// that no ref points at is invisible, so an extra one does no harm.
func tagObject(ctx context.Context, c *github.Client, repo Repo, plan Plan, msg string, who Tagger) (*github.Tag, error) {
	tag := &github.Tag{
		Tag: github.String(plan.Tag), Message: github.String(msg),
		Object: &github.GitObject{Type: github.String("commit"), SHA: github.String(plan.Target)},
		Tagger: &github.CommitAuthor{Name: github.String(who.Name), Email: github.String(who.Email),
			Date: &github.Timestamp{Time: who.Now().UTC().Truncate(time.Second)}},
	}
	var err error
	for try := 1; try <= writeTries; try++ {
		var obj *github.Tag
		if obj, _, err = c.Git.CreateTag(ctx, repo.Owner, repo.Name, tag); err == nil {
			return obj, nil
		}
		if k := gh.Kind(err); k != gh.Uncertain && k != gh.Unavailable {
			break
		}
	}
	return nil, fmt.Errorf("create tag object %s on %s in %s: %w", plan.Tag, short(plan.Target), repo, gh.Explain(err))
}

// readBack reads the ref refs/tags/<plan.Tag> after a create that failed or may have failed. It
// reports found with the outcome when the ref is ours (it points at our tag object) or names the
// same commit (another run of this merge made it); errTaken when it names another commit; and
// not found when it is absent, so the create may be tried again.
func readBack(ctx context.Context, c *github.Client, repo Repo, plan Plan, ours string) (outcome, bool, error) {
	ref, _, err := c.Git.GetRef(ctx, repo.Owner, repo.Name, "tags/"+plan.Tag)
	if gh.Kind(err) == gh.NotFound {
		return outcome{}, false, nil
	}
	if err != nil {
		return outcome{}, false, fmt.Errorf("read back ref refs/tags/%s in %s: %w", plan.Tag, repo, err)
	}
	sha := ref.GetObject().GetSHA()
	if sha == ours {
		return outcome{created: true}, true, nil
	}
	commit, err := peel(ctx, c, repo, ref.GetObject())
	if err != nil {
		return outcome{}, false, err
	}
	if commit != plan.Target {
		return outcome{}, false, fmt.Errorf("%w: %s points at %s, not %s", errTaken, plan.Tag, short(commit), short(plan.Target))
	}
	return outcome{existing: true}, true, nil
}

// peel returns the commit a tag ref names: the object itself for a lightweight tag, or the tag
// object's target (one GET /git/tags request) for an annotated one.
func peel(ctx context.Context, c *github.Client, repo Repo, obj *github.GitObject) (string, error) {
	if obj.GetType() != "tag" {
		return obj.GetSHA(), nil
	}
	tag, _, err := c.Git.GetTag(ctx, repo.Owner, repo.Name, obj.GetSHA())
	if err != nil {
		return "", fmt.Errorf("read tag object %s in %s: %w", short(obj.GetSHA()), repo, err)
	}
	return tag.GetObject().GetSHA(), nil
}
