package incident

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/notify"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// Step is one run of an incident command: the repository, the options under the policy, and
// where the report goes. Declare and Update apply a command, then report it: the webhook's
// notice, the warnings, the step outputs and the job summary.
type Step struct {
	Client  *github.Client
	Repo    Repo
	Options Options
	Runner  *runner.Runner
	Webhook notify.Webhook
	// Warn shows a warning: a notification not delivered, a rerun, a branch that starts no workflow.
	Warn func(string)
}

// OutputNames are the step outputs of `hotfix incident`, in order.
func OutputNames() []string { return []string{"incident", "branch"} }

// Declare opens the incident d declares (Declare), sends the notice of a new one, and reports it:
// the warnings, the outputs incident and branch, and the job summary.
func (s Step) Declare(ctx context.Context, d Declaration) (Opened, error) {
	got, err := Declare(ctx, s.Client, s.Repo, d, s.Options)
	if err != nil {
		return got, err
	}
	if got.Created {
		s.notify(ctx, Notice(got.Record, got.Record.Entries[0], got.URL))
	}
	warnings := got.Warnings
	if w := BranchWarning(got.Branch, s.Options.Identity); w != "" {
		warnings = append(warnings, w)
	}
	for _, w := range warnings {
		s.Warn(w)
	}
	sev, _ := s.Options.Scale.Get(d.Severity)
	values := map[string]string{"incident": strconv.Itoa(got.Number), "branch": got.Branch}
	return got, errors.Join(s.Runner.SetOutputs("incident", OutputNames(), values), s.Runner.Summary(DeclareSummary(got, d, sev, warnings)))
}

// Update applies the command comment on incident number (Handle), sends the notice of what it
// applied, and writes the job summary; url is the incident's page.
func (s Step) Update(ctx context.Context, number int, url string, comment *github.IssueComment) (Handled, error) {
	got, err := Handle(ctx, s.Client, s.Repo, number, comment, s.Options)
	if err != nil {
		return got, err
	}
	if got.Outcome == Applied {
		s.notify(ctx, Notice(got.Record, got.Entry, url))
	}
	return got, s.Runner.Summary(UpdateSummary(number, url, got))
}

// notify sends text to the webhook, if there is one; a failure is a warning, never an error.
func (s Step) notify(ctx context.Context, text string) {
	if !s.Webhook.Enabled() || text == "" {
		return
	}
	if err := s.Webhook.Send(ctx, text); err != nil {
		s.Warn(fmt.Sprintf("notification not delivered: %v", err))
	}
}

// Line is the declaration's line for people.
func (o Opened) Line() string {
	branch := o.Branch
	if branch == "" {
		branch = "none"
	}
	return fmt.Sprintf("incident #%d %s (created: %v, branch: %s)", o.Number, o.URL, o.Created, branch)
}

// Line is the command's line for people: what became of it, and the postmortem it opened.
func (h Handled) Line(number int) string {
	line := UpdateLine(number, h)
	if pm := h.Postmortem; pm != nil {
		line += fmt.Sprintf("; postmortem #%d %s %s", pm.Number, PostmortemWord(*pm), pm.URL)
	}
	return line
}
