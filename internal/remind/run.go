package remind

import (
	"context"
	"errors"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/actionitem"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Result is what a run found and did.
type Result struct {
	Reminders []Outcome           `json:"reminders"`
	Tables    []actionitem.Result `json:"tables"`
	// Problems are the postmortems whose table could not be regenerated (broken markers); they
	// do not stop the reminders.
	Problems []string `json:"problems,omitempty"`
}

// Run loads what is open, decides what is overdue at now, posts the reminders each window
// lacks, and regenerates the tables of postmortems with open items.
func Run(ctx context.Context, c *github.Client, repo postmortem.Repo, src Sources, o Options, now time.Time) (Result, error) {
	w, err := Load(ctx, c, repo, src)
	if err != nil {
		return Result{}, err
	}
	var res Result
	if res.Reminders, err = Post(ctx, c, repo, Decide(now, w.Facts, o), src.Identity); err != nil {
		return res, err
	}
	for _, f := range w.Tables {
		t, err := actionitem.Write(ctx, c, repo, now, f)
		var problem *actionitem.BodyError
		switch {
		case errors.As(err, &problem):
			res.Problems = append(res.Problems, err.Error())
		case err != nil:
			return res, err
		default:
			res.Tables = append(res.Tables, t)
		}
	}
	return res, nil
}
