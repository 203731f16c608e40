package prguard

import (
	"context"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
)

// Evaluation is what the guard on GitHub decides its outcome from: the target, its policy (and
// where it was read), the severity, the event's action and label, and the toolkit's login.
type Evaluation struct {
	Target   Target
	Policy   config.Guard
	Source   string // where the policy was read, for the heading
	Severity string
	// Action and ActionLabel are the pull_request event's action and the label it names.
	Action, ActionLabel string
	Author              func(context.Context) (string, error)
}

// Evaluate reads the target's change set through the API, checks it (Check), and applies the
// override label when it binds to the head: the outcome to publish.
func Evaluate(ctx context.Context, r Repo, e Evaluation) (Outcome, error) {
	set, err := e.Target.ChangeSet(ctx, r)
	if err != nil {
		return Outcome{}, fmt.Errorf("guard: read the change set: %w", gh.Explain(err))
	}
	res := guard.Check(set, e.Policy, e.Severity)
	ov, err := findOverride(ctx, r, overrideQuery{PR: e.Target.PR, Label: e.Policy.OverrideLabel, Result: res,
		Action: e.Action, ActionLabel: e.ActionLabel, Author: e.Author, Head: set.HeadSHA})
	if err != nil {
		return Outcome{}, fmt.Errorf("guard: %w", gh.Explain(err))
	}
	return Outcome{Result: ov.Apply(res), Override: ov, Heading: e.Target.Heading(set, e.Source), SHA: set.HeadSHA}, nil
}
