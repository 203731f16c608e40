// Package deploy starts a repository's deploy workflow at a release tag with workflow_dispatch
// (the one event the default GITHUB_TOKEN may start), brings the outcome back to the incident the
// tag belongs to, and rolls back to the last known good release.
// https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event
package deploy

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// Repo is the repository the deploy workflow lives in.
type Repo struct{ Owner, Name string }

// Actions is the part of go-github's Actions service a dispatch uses.
type Actions interface {
	ListWorkflowRunsByFileName(ctx context.Context, owner, repo, workflowFileName string, opts *github.ListWorkflowRunsOptions) (*github.WorkflowRuns, *github.Response, error)
	CreateWorkflowDispatchEventByFileName(ctx context.Context, owner, repo, workflowFileName string, event github.CreateWorkflowDispatchEventRequest) (*github.Response, error)
}

// Result is what a deploy request came to.
type Result struct {
	Tag      string `json:"tag"`
	Workflow string `json:"workflow"`
	Ref      string `json:"ref"`
	// Dispatched is true when this run dispatched the workflow; false when a run at the ref
	// already existed (a rerun), and RunURL is that run.
	Dispatched bool   `json:"dispatched"`
	RunURL     string `json:"run_url,omitempty"`
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
func Once(ctx context.Context, a Actions, repo Repo, cfg config.Deploy, tag string) (Result, error) {
	res := Result{Tag: tag, Workflow: cfg.Workflow, Ref: cfg.RefFor(tag)}
	opts := &github.ListWorkflowRunsOptions{Event: "workflow_dispatch", Branch: shortRef(res.Ref), ListOptions: github.ListOptions{PerPage: 1}}
	runs, _, err := a.ListWorkflowRunsByFileName(ctx, repo.Owner, repo.Name, cfg.Workflow, opts)
	if err != nil {
		return res, fmt.Errorf("list the runs of %s at %s: %w", cfg.Workflow, res.Ref, explain(err, cfg.Workflow))
	}
	if len(runs.WorkflowRuns) > 0 {
		res.RunURL = runs.WorkflowRuns[0].GetHTMLURL()
		return res, nil
	}
	return Start(ctx, a, repo, cfg, tag)
}

// Start dispatches the deploy workflow at tag, with the policy's inputs: one POST.
func Start(ctx context.Context, a Actions, repo Repo, cfg config.Deploy, tag string) (Result, error) {
	res := Result{Tag: tag, Workflow: cfg.Workflow, Ref: cfg.RefFor(tag)}
	req := github.CreateWorkflowDispatchEventRequest{Ref: res.Ref, Inputs: cfg.InputsFor(tag)}
	if _, err := a.CreateWorkflowDispatchEventByFileName(ctx, repo.Owner, repo.Name, cfg.Workflow, req); err != nil {
		return res, fmt.Errorf("dispatch %s at %s: %w", cfg.Workflow, res.Ref, explain(err, cfg.Workflow))
	}
	res.Dispatched = true
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
