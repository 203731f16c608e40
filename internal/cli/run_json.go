package cli

import (
	"github.com/incident-hotfix/incident-hotfix/internal/event"
)

// runResult is what `hotfix run --json` prints: the event, the route it took and why, the
// commands it ran (or, with --dry-run, would run), and the error that ended it, if any.
type runResult struct {
	Event      string   `json:"event"`
	Repository string   `json:"repository"`
	Route      string   `json:"route"`
	Reason     string   `json:"reason"`
	Commands   []string `json:"commands"`
	DryRun     bool     `json:"dry_run"`
	Error      string   `json:"error,omitempty"`
}

// printRun prints the run's result as JSON under --json, after the route ran; err is the
// route's own result, returned as it is.
func (c *runCmd) printRun(env *Env, t event.Trigger, d event.Decision, err error) error {
	if !c.json {
		return err
	}
	res := runResult{Event: t.Name, Repository: t.Repo.String(), Route: string(d.Kind), Reason: d.Reason,
		Commands: append([]string{}, d.Commands...), DryRun: c.dryRun}
	if err != nil {
		res.Error = err.Error()
	}
	if werr := writeJSON(env.jsonOut(), res); werr != nil && err == nil {
		return werr
	}
	return err
}
