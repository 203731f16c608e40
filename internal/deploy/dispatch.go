// Package deploy starts a repository's deploy workflow at a release tag with workflow_dispatch
// (the one event the default GITHUB_TOKEN may start), brings the outcome back to the incident the
// tag belongs to, and rolls back to the last known good release.
// https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event
package deploy

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// Repo is the repository the deploy workflow lives in.
type Repo struct{ Owner, Name string }

// Result is what a deploy request came to.
type Result struct {
	Tag      string `json:"tag"`
	Workflow string `json:"workflow"`
	Ref      string `json:"ref"`
	// Dispatched is true when this run dispatched the workflow; false when a run at the ref
	// already existed (a rerun). RunURL is the run's page: the one dispatched, when GitHub named
	// it, or the one a rerun found.
	Dispatched bool   `json:"dispatched"`
	RunURL     string `json:"run_url,omitempty"`
}

// dispatchAnswer is GitHub's answer to a dispatch with return_run_details.
// https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event
type dispatchAnswer struct {
	RunID   int64  `json:"workflow_run_id"`
	HTMLURL string `json:"html_url"`
}

// Skip says why the merge of a hotfix of severity, tagged tag, deploys nothing, or "" when it
// deploys. It is pure.
func Skip(cfg config.Deploy, severity, tag string) string {
	switch {
	case !cfg.Enabled():
		return "the policy names no deploy.workflow"
	case tag == "":
		return "the merge made no tag to deploy"
	case !cfg.AppliesTo(severity):
		return fmt.Sprintf("severity %s is not one of deploy.severities (%s)", orUnknown(severity), strings.Join(cfg.Severities, ", "))
	}
	return ""
}

// orUnknown names an empty severity.
func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// Once dispatches the deploy workflow at tag unless a workflow_dispatch run of it at the tag's
// ref exists already: a rerun of the merge starts no second deploy. One GET, then at most one POST.
func Once(ctx context.Context, c *github.Client, repo Repo, cfg config.Deploy, tag string) (Result, error) {
	res := Result{Tag: tag, Workflow: cfg.Workflow, Ref: cfg.RefFor(tag)}
	opts := &github.ListWorkflowRunsOptions{Event: "workflow_dispatch", Branch: shortRef(res.Ref), ListOptions: github.ListOptions{PerPage: 1}}
	runs, _, err := c.Actions.ListWorkflowRunsByFileName(ctx, repo.Owner, repo.Name, cfg.Workflow, opts)
	if err != nil {
		return res, fmt.Errorf("list the runs of %s at %s: %w", cfg.Workflow, res.Ref, explain(err, cfg.Workflow))
	}
	if len(runs.WorkflowRuns) > 0 {
		res.RunURL = runs.WorkflowRuns[0].GetHTMLURL()
		return res, nil
	}
	return Start(ctx, c, repo, cfg, tag)
}

// Start dispatches the deploy workflow at tag, with the policy's inputs: one POST. It asks
// GitHub for the run (return_run_details), so the run exists, and a rerun's look-up finds it,
// when the answer comes, and RunURL links it. Without it GitHub answers 204 before it creates
// the run, and a rerun within seconds would dispatch a second deploy. A server that answers 204
// all the same (one older than the parameter) leaves RunURL empty.
func Start(ctx context.Context, c *github.Client, repo Repo, cfg config.Deploy, tag string) (Result, error) {
	res := Result{Tag: tag, Workflow: cfg.Workflow, Ref: cfg.RefFor(tag)}
	body := map[string]any{"ref": res.Ref, "return_run_details": true}
	if inputs := cfg.InputsFor(tag); len(inputs) > 0 {
		body["inputs"] = inputs
	}
	path := fmt.Sprintf("repos/%s/%s/actions/workflows/%s/dispatches", repo.Owner, repo.Name, url.PathEscape(cfg.Workflow))
	req, err := c.NewRequest(http.MethodPost, path, body)
	var answer dispatchAnswer
	if err == nil {
		_, err = c.Do(ctx, req, &answer)
	}
	if err != nil {
		return res, fmt.Errorf("dispatch %s at %s: %w", cfg.Workflow, res.Ref, explain(err, cfg.Workflow))
	}
	res.Dispatched, res.RunURL = true, answer.HTMLURL
	return res, nil
}

// shortRef is the name GitHub gives a run's head_branch for ref: a tag or branch without its
// refs/tags/ or refs/heads/ prefix.
func shortRef(ref string) string {
	return strings.TrimPrefix(strings.TrimPrefix(ref, "refs/tags/"), "refs/heads/")
}

// explain says what a 404 or 422 from the Actions API means for the deploy workflow.
func explain(err error, workflow string) error {
	switch gh.Kind(err) {
	case gh.NotFound:
		return fmt.Errorf("%w (is .github/workflows/%s on the default branch?)", gh.Explain(err), workflow)
	case gh.Validation:
		return fmt.Errorf("%w (does %s have the workflow_dispatch trigger at that ref, and take those inputs?)", err, workflow)
	}
	return gh.Explain(err)
}
