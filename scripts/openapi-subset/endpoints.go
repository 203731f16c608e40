package main

const (
	packageName    = "@octokit/openapi"
	packageVersion = "23.0.2"
	descriptionRel = "generated/api.github.com.json"
	outputName     = "api.github.com.subset.json"
	licenceName    = "LICENSE.octokit-openapi"
)

// endpoint is one operation of GitHub's REST API that the toolkit calls.
type endpoint struct {
	Method string // lower case, as the description spells it
	Path   string // the description's path template
}

// endpoints lists every operation the toolkit and its sandbox use; the
// subset holds these and nothing else.
var endpoints = []endpoint{
	{"get", "/repos/{owner}/{repo}"},
	{"get", "/repos/{owner}/{repo}/git/ref/{ref}"},
	{"get", "/repos/{owner}/{repo}/git/matching-refs/{ref}"},
	{"post", "/repos/{owner}/{repo}/git/refs"},
	{"patch", "/repos/{owner}/{repo}/git/refs/{ref}"},
	{"delete", "/repos/{owner}/{repo}/git/refs/{ref}"},
	{"post", "/repos/{owner}/{repo}/git/tags"},
	{"get", "/repos/{owner}/{repo}/git/tags/{tag_sha}"},
	{"get", "/repos/{owner}/{repo}/git/commits/{commit_sha}"},
	{"get", "/repos/{owner}/{repo}/commits"},
	{"get", "/repos/{owner}/{repo}/commits/{ref}"},
	{"get", "/repos/{owner}/{repo}/compare/{basehead}"},
	{"get", "/repos/{owner}/{repo}/branches"},
	{"get", "/repos/{owner}/{repo}/branches/{branch}"},
	{"post", "/repos/{owner}/{repo}/merges"},
	{"get", "/repos/{owner}/{repo}/pulls"},
	{"post", "/repos/{owner}/{repo}/pulls"},
	{"get", "/repos/{owner}/{repo}/pulls/{pull_number}"},
	{"patch", "/repos/{owner}/{repo}/pulls/{pull_number}"},
	{"get", "/repos/{owner}/{repo}/pulls/{pull_number}/files"},
	{"get", "/repos/{owner}/{repo}/pulls/{pull_number}/commits"},
	{"put", "/repos/{owner}/{repo}/pulls/{pull_number}/merge"},
	{"get", "/repos/{owner}/{repo}/issues"},
	{"post", "/repos/{owner}/{repo}/issues"},
	{"get", "/repos/{owner}/{repo}/issues/{issue_number}"},
	{"patch", "/repos/{owner}/{repo}/issues/{issue_number}"},
	{"get", "/repos/{owner}/{repo}/issues/{issue_number}/comments"},
	{"post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"},
	{"get", "/repos/{owner}/{repo}/issues/comments/{comment_id}"},
	{"patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"},
	{"get", "/repos/{owner}/{repo}/labels"},
	{"post", "/repos/{owner}/{repo}/labels"},
	{"get", "/repos/{owner}/{repo}/labels/{name}"},
	{"get", "/repos/{owner}/{repo}/issues/{issue_number}/labels"},
	{"post", "/repos/{owner}/{repo}/issues/{issue_number}/labels"},
	{"put", "/repos/{owner}/{repo}/issues/{issue_number}/labels"},
	{"delete", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"},
	{"post", "/repos/{owner}/{repo}/statuses/{sha}"},
	{"get", "/repos/{owner}/{repo}/commits/{ref}/statuses"},
	{"get", "/repos/{owner}/{repo}/commits/{ref}/status"},
	{"get", "/repos/{owner}/{repo}/releases"},
	{"post", "/repos/{owner}/{repo}/releases"},
	{"get", "/repos/{owner}/{repo}/releases/tags/{tag}"},
	{"post", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"},
	{"get", "/repos/{owner}/{repo}/actions/runs"},
	{"get", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"},
	{"get", "/repos/{owner}/{repo}/deployments"},
	{"post", "/repos/{owner}/{repo}/deployments"},
	{"get", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses"},
	{"post", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses"},
	{"get", "/repos/{owner}/{repo}/collaborators/{username}/permission"},
	{"get", "/repos/{owner}/{repo}/issues/{issue_number}/events"},
	{"get", "/repos/{owner}/{repo}/contents/{path}"},
	{"get", "/user"},
	{"get", "/rate_limit"},

	// The sandbox also serves these, so its contract test covers them.
	{"get", "/repos/{owner}/{repo}/issues/comments"},
	{"delete", "/repos/{owner}/{repo}/issues/{issue_number}/labels"},
	{"get", "/repos/{owner}/{repo}/pulls/{pull_number}/merge"},
	{"put", "/repos/{owner}/{repo}/collaborators/{username}"},
	{"get", "/repos/{owner}/{repo}/tags"},
	{"get", "/repos/{owner}/{repo}/commits/{ref}/check-runs"},
}
