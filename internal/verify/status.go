package verify

import (
	"context"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// StatusWriter creates commit statuses; *github.RepositoriesService fits it as it is.
type StatusWriter interface {
	CreateStatus(ctx context.Context, owner, repo, ref string, status *github.RepoStatus) (*github.RepoStatus, *github.Response, error)
}

// Status writes the hotfix/verify commit status on the hotfix head, so branch protection can
// require it and the release gate can read it. See
// https://docs.github.com/rest/commits/statuses#create-a-commit-status
type Status struct {
	Client      StatusWriter
	Owner, Name string
	SHA         string
	// TargetURL links the status to the workflow run; "" for none.
	TargetURL string
}

// Pending marks the head as being verified.
func (s Status) Pending(ctx context.Context, p Plan) error {
	return s.write(ctx, "pending", pendingDescription(p))
}

// Final writes the verdict: success or failure.
func (s Status) Final(ctx context.Context, res Result) error {
	state := "success"
	if res.Verdict == Fail {
		state = "failure"
	}
	return s.write(ctx, state, finalDescription(res))
}

// Error marks the head as not verifiable, with the reason.
func (s Status) Error(ctx context.Context, why string) error {
	return s.write(ctx, "error", gh.StatusDescription(why))
}

func (s Status) write(ctx context.Context, state, description string) error {
	st := &github.RepoStatus{State: github.String(state), Context: github.String(Context), Description: github.String(description)}
	if s.TargetURL != "" {
		st.TargetURL = github.String(s.TargetURL)
	}
	if _, _, err := s.Client.CreateStatus(ctx, s.Owner, s.Name, s.SHA, st); err != nil {
		return fmt.Errorf("set the %s status %s on %s: %w", Context, state, s.SHA, gh.Explain(err))
	}
	return nil
}
