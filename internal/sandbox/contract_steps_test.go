package sandbox

import (
	"context"
	"net/url"
	"time"

	"github.com/google/go-github/v60/github"
)

// contractFlow is the state a scripted sequence of API calls builds up.
type contractFlow struct {
	owner    string
	repo     string
	c, bad   *github.Client
	dir      string
	main     string // main's head
	fix      string // hotfix/login's head
	issue    int
	comment  int64
	tag      string // the annotated tag object's SHA
	pull     int
	released string
	deploy   int64 // a deployment's id
}

// contractStep is one call and the status GitHub answers it with.
type contractStep struct {
	name   string
	status int
	call   func(ctx context.Context, f *contractFlow) (*github.Response, error)
}

// epoch is a since that every comment and issue is after.
var epoch = time.Unix(0, 0)

// contractSteps touch every route of the sandbox, the error answers included.
var contractSteps = []contractStep{
	{"repository", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.Get(ctx, f.owner, f.repo))
	}},
	{"unknown repository", 404, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.Get(ctx, f.owner, "nope"))
	}},
	{"bad credentials", 401, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.bad.Repositories.Get(ctx, f.owner, f.repo))
	}},
	{"user", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Users.Get(ctx, ""))
	}},
	{"rate limit", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.RateLimit.Get(ctx))
	}},
	{"add collaborator", 204, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.AddCollaborator(ctx, f.owner, f.repo, "alice", &github.RepositoryAddCollaboratorOptions{Permission: "push"}))
	}},
	{"collaborator permission", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.GetPermissionLevel(ctx, f.owner, f.repo, "alice"))
	}},
	{"get ref", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Git.GetRef(ctx, f.owner, f.repo, "heads/hotfix/login"))
	}},
	{"get unknown ref", 404, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Git.GetRef(ctx, f.owner, f.repo, "heads/nope"))
	}},
	{"matching refs", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Git.ListMatchingRefs(ctx, f.owner, f.repo, &github.ReferenceListOptions{Ref: "heads/"}))
	}},
	{"create ref", 201, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Git.CreateRef(ctx, f.owner, f.repo, refTo("refs/heads/tmp", f.main)))
	}},
	{"create existing ref", 422, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Git.CreateRef(ctx, f.owner, f.repo, refTo("refs/heads/tmp", f.main)))
	}},
	{"update ref", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Git.UpdateRef(ctx, f.owner, f.repo, refTo("heads/tmp", f.fix), false))
	}},
	{"delete ref", 204, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return f.c.Git.DeleteRef(ctx, f.owner, f.repo, "heads/tmp")
	}},
	{"delete missing ref", 422, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return f.c.Git.DeleteRef(ctx, f.owner, f.repo, "heads/tmp")
	}},
	{"create tag object", 201, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		tag, resp, err := f.c.Git.CreateTag(ctx, f.owner, f.repo, &github.Tag{Tag: github.String("v1.0.1"), Message: github.String("Hotfix: login"),
			Object: &github.GitObject{Type: github.String("commit"), SHA: github.String(f.main)}})
		f.tag = tag.GetSHA()
		return resp, err
	}},
	{"get tag object", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Git.GetTag(ctx, f.owner, f.repo, f.tag))
	}},
	{"list commits", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.ListCommits(ctx, f.owner, f.repo, nil))
	}},
	{"get commit", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.GetCommit(ctx, f.owner, f.repo, "hotfix/login", nil))
	}},
	{"get git commit", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Git.GetCommit(ctx, f.owner, f.repo, f.fix))
	}},
	{"compare", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.CompareCommits(ctx, f.owner, f.repo, "main", "hotfix/login", nil))
	}},
	{"list branches", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.ListBranches(ctx, f.owner, f.repo, nil))
	}},
	{"get branch", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.GetBranch(ctx, f.owner, f.repo, "hotfix/login", 0))
	}},
	{"get unknown branch", 404, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.GetBranch(ctx, f.owner, f.repo, "nope", 0))
	}},
	{"merge", 201, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return mergeBranches(ctx, f, "release/1.0", "hotfix/login")
	}},
	{"merge again", 204, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return mergeBranches(ctx, f, "release/1.0", "hotfix/login")
	}},
	{"merge conflict", 409, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return mergeBranches(ctx, f, "conflict-a", "conflict-b")
	}},
	{"create issue", 201, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		is, resp, err := f.c.Issues.Create(ctx, f.owner, f.repo, &github.IssueRequest{Title: github.String("Login times out"), Labels: &[]string{"incident"}})
		f.issue = is.GetNumber()
		return resp, err
	}},
	{"get issue", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.Get(ctx, f.owner, f.repo, f.issue))
	}},
	{"get unknown issue", 404, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.Get(ctx, f.owner, f.repo, 999))
	}},
	{"update issue", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.Edit(ctx, f.owner, f.repo, f.issue, &github.IssueRequest{Body: github.String("Impact: logins fail.")}))
	}},
	{"list issues", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		opts := &github.IssueListByRepoOptions{State: "all", Labels: []string{"incident"}, Since: time.Unix(0, 0), ListOptions: github.ListOptions{PerPage: 100}}
		return drop(f.c.Issues.ListByRepo(ctx, f.owner, f.repo, opts))
	}},
	{"create comment", 201, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		cm, resp, err := f.c.Issues.CreateComment(ctx, f.owner, f.repo, f.issue, &github.IssueComment{Body: github.String("<!-- hotfix:status --> mitigated")})
		f.comment = cm.GetID()
		return resp, err
	}},
	{"list issue comments", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.ListComments(ctx, f.owner, f.repo, f.issue, &github.IssueListCommentsOptions{Since: &epoch}))
	}},
	{"list repository comments", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.ListComments(ctx, f.owner, f.repo, 0, nil))
	}},
	{"get comment", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.GetComment(ctx, f.owner, f.repo, f.comment))
	}},
	{"update comment", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.EditComment(ctx, f.owner, f.repo, f.comment, &github.IssueComment{Body: github.String("resolved")}))
	}},
	{"create label", 201, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return createLabel(ctx, f, "severity/P1", "b60205")
	}},
	{"create label with a bad color", 422, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return createLabel(ctx, f, "foo", "invalid")
	}},
	{"get label", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.GetLabel(ctx, f.owner, f.repo, url.PathEscape("severity/P1")))
	}},
	{"get unknown label", 404, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.GetLabel(ctx, f.owner, f.repo, "nope"))
	}},
	{"list labels", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.ListLabels(ctx, f.owner, f.repo, nil))
	}},
	{"add issue labels", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.AddLabelsToIssue(ctx, f.owner, f.repo, f.issue, []string{"severity/P1", "postmortem"}))
	}},
	{"set issue labels", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.ReplaceLabelsForIssue(ctx, f.owner, f.repo, f.issue, []string{"incident", "severity/P1"}))
	}},
	{"list issue labels", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.ListLabelsByIssue(ctx, f.owner, f.repo, f.issue, nil))
	}},
	{"remove issue label", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return f.c.Issues.RemoveLabelForIssue(ctx, f.owner, f.repo, f.issue, url.PathEscape("severity/P1"))
	}},
	{"remove missing issue label", 404, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return f.c.Issues.RemoveLabelForIssue(ctx, f.owner, f.repo, f.issue, url.PathEscape("severity/P1"))
	}},
	{"list issue events", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Issues.ListIssueEvents(ctx, f.owner, f.repo, f.issue, nil))
	}},
	{"remove all issue labels", 204, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return f.c.Issues.RemoveLabelsForIssue(ctx, f.owner, f.repo, f.issue)
	}},
	{"create status", 201, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.CreateStatus(ctx, f.owner, f.repo, f.fix, &github.RepoStatus{State: github.String("success"), Context: github.String("hotfix/guard")}))
	}},
	{"list statuses", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.ListStatuses(ctx, f.owner, f.repo, f.fix, nil))
	}},
	{"combined status", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.GetCombinedStatus(ctx, f.owner, f.repo, f.fix, nil))
	}},
	{"create release", 201, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		rel, resp, err := f.c.Repositories.CreateRelease(ctx, f.owner, f.repo, &github.RepositoryRelease{TagName: github.String("v1.0.1"), TargetCommitish: github.String("main")})
		f.released = rel.GetTagName()
		return resp, err
	}},
	{"release by tag", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.GetReleaseByTag(ctx, f.owner, f.repo, f.released))
	}},
	{"release by unknown tag", 404, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.GetReleaseByTag(ctx, f.owner, f.repo, "v9.9.9"))
	}},
	{"list releases", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.ListReleases(ctx, f.owner, f.repo, nil))
	}},
	{"get file", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		_, _, resp, err := f.c.Repositories.GetContents(ctx, f.owner, f.repo, "login.go", &github.RepositoryContentGetOptions{Ref: "hotfix/login"})
		return resp, err
	}},
	{"get directory", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		_, _, resp, err := f.c.Repositories.GetContents(ctx, f.owner, f.repo, "docs", &github.RepositoryContentGetOptions{Ref: "hotfix/login"})
		return resp, err
	}},
	{"list tags", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.ListTags(ctx, f.owner, f.repo, nil))
	}},
	{"check runs for a ref", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Checks.ListCheckRunsForRef(ctx, f.owner, f.repo, "main", nil))
	}},
	{"get missing file", 404, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		_, _, resp, err := f.c.Repositories.GetContents(ctx, f.owner, f.repo, ".github/hotfix.yml", nil)
		return resp, err
	}},
	{"workflow dispatch", 204, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return f.c.Actions.CreateWorkflowDispatchEventByFileName(ctx, f.owner, f.repo, "hotfix.yml", github.CreateWorkflowDispatchEventRequest{Ref: "main"})
	}},
	{"dispatch an unknown workflow", 404, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return f.c.Actions.CreateWorkflowDispatchEventByFileName(ctx, f.owner, f.repo, "nope.yml", github.CreateWorkflowDispatchEventRequest{Ref: "main"})
	}},
	{"list workflow runs", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Actions.ListRepositoryWorkflowRuns(ctx, f.owner, f.repo, &github.ListWorkflowRunsOptions{Event: "workflow_dispatch"}))
	}},
	{"list runs of a workflow", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Actions.ListWorkflowRunsByFileName(ctx, f.owner, f.repo, "hotfix.yml", nil))
	}},
	{"create deployment", 201, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		d, resp, err := f.c.Repositories.CreateDeployment(ctx, f.owner, f.repo, &github.DeploymentRequest{Ref: github.String("main"), Environment: github.String("production")})
		f.deploy = d.GetID()
		return resp, err
	}},
	{"list deployments", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.ListDeployments(ctx, f.owner, f.repo, &github.DeploymentsListOptions{Environment: "production"}))
	}},
	{"create deployment status", 201, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.CreateDeploymentStatus(ctx, f.owner, f.repo, f.deploy, &github.DeploymentStatusRequest{State: github.String("success")}))
	}},
	{"list deployment statuses", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.ListDeploymentStatuses(ctx, f.owner, f.repo, f.deploy, nil))
	}},
	{"statuses of an unknown deployment", 404, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.Repositories.ListDeploymentStatuses(ctx, f.owner, f.repo, 999999, nil))
	}},
	{"create pull", 201, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return createPull(ctx, f, "hotfix/login")
	}},
	{"create duplicate pull", 422, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return createPull(ctx, f, "hotfix/login")
	}},
	{"create pull without commits", 422, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return createPull(ctx, f, "same")
	}},
	{"get pull", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.PullRequests.Get(ctx, f.owner, f.repo, f.pull))
	}},
	{"get pull again", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.PullRequests.Get(ctx, f.owner, f.repo, f.pull))
	}},
	{"list pulls", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.PullRequests.List(ctx, f.owner, f.repo, &github.PullRequestListOptions{Head: f.owner + ":hotfix/login", Base: "main", State: "open"}))
	}},
	{"pull files", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.PullRequests.ListFiles(ctx, f.owner, f.repo, f.pull, &github.ListOptions{PerPage: 100}))
	}},
	{"pull commits", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.PullRequests.ListCommits(ctx, f.owner, f.repo, f.pull, nil))
	}},
	{"update pull", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.PullRequests.Edit(ctx, f.owner, f.repo, f.pull, &github.PullRequest{Title: github.String("Fix login timeout")}))
	}},
	{"pull not merged", 404, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.PullRequests.IsMerged(ctx, f.owner, f.repo, f.pull))
	}},
	{"merge pull", 200, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.PullRequests.Merge(ctx, f.owner, f.repo, f.pull, "", &github.PullRequestOptions{MergeMethod: "squash"}))
	}},
	{"pull merged", 204, func(ctx context.Context, f *contractFlow) (*github.Response, error) {
		return drop(f.c.PullRequests.IsMerged(ctx, f.owner, f.repo, f.pull))
	}},
}

// drop keeps the response and the error of a go-github call.
func drop[T any](_ T, resp *github.Response, err error) (*github.Response, error) {
	return resp, err
}

// refTo is a reference to sha for create and update.
func refTo(name, sha string) *github.Reference {
	return &github.Reference{Ref: github.String(name), Object: &github.GitObject{SHA: github.String(sha)}}
}

// mergeBranches merges head into base with POST /merges.
func mergeBranches(ctx context.Context, f *contractFlow, base, head string) (*github.Response, error) {
	return drop(f.c.Repositories.Merge(ctx, f.owner, f.repo, &github.RepositoryMergeRequest{Base: github.String(base), Head: github.String(head)}))
}

// createLabel creates a label with a color.
func createLabel(ctx context.Context, f *contractFlow, name, color string) (*github.Response, error) {
	return drop(f.c.Issues.CreateLabel(ctx, f.owner, f.repo, &github.Label{Name: github.String(name), Color: github.String(color)}))
}

// createPull opens a pull request from head into main and keeps its number.
func createPull(ctx context.Context, f *contractFlow, head string) (*github.Response, error) {
	pr, resp, err := f.c.PullRequests.Create(ctx, f.owner, f.repo, &github.NewPullRequest{Title: github.String("Hotfix " + head), Head: github.String(head), Base: github.String("main")})
	if err == nil {
		f.pull = pr.GetNumber()
	}
	return resp, err
}
