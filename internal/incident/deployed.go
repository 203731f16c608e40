package incident

import (
	"context"
	"slices"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// DeploySuccess is the conclusion of a deploy that succeeded.
const DeploySuccess = "success"

// foldDeployed records a deploy's outcome, at the time GitHub reported it, once per tag and
// outcome: a workflow_run and a deployment_status of the same deploy make one event.
func foldDeployed(r *Record, e Entry) {
	if r.Deployed(e.Name, e.How == DeploySuccess) {
		return
	}
	at := e.At
	if at.IsZero() {
		at = e.Time
	}
	r.Deploys = append(r.Deploys, Artifact{Kind: e.How, Name: e.Name, URL: e.URL, At: at})
	r.Events = append(r.Events, Event{At: at, Type: Deployed, Text: DeployedText(e)})
}

// Deployed reports whether the record has a deploy of tag that succeeded (success) or not.
func (r Record) Deployed(tag string, success bool) bool {
	return slices.ContainsFunc(r.Deploys, func(a Artifact) bool { return a.Name == tag && (a.Kind == DeploySuccess) == success })
}

// DeployedText is the timeline's line for a deployed entry: "Fix deployed: v1.2.4 to production",
// or "Deploy of v1.2.4 to production failed (failure): URL".
func DeployedText(e Entry) string {
	if e.How == DeploySuccess {
		return "Fix deployed: " + e.Name + " to " + e.Text
	}
	return strings.TrimSuffix("Deploy of "+e.Name+" to "+e.Text+" failed ("+e.How+"): "+e.URL, ": ")
}

// SyncPostmortem refreshes the postmortem the record links with the record's facts now, such as
// a deploy's outcome in its timeline: at most one PATCH. A record without a postmortem is left.
func SyncPostmortem(ctx context.Context, c *github.Client, repo Repo, r Record, o Options) (*postmortem.Result, error) {
	if !slices.ContainsFunc(r.Links, func(a Artifact) bool { return a.Kind == "postmortem" }) {
		return nil, nil
	}
	return openPostmortem(ctx, c, repo, r, o)
}
