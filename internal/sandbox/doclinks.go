package sandbox

import "sync"

// docLinks maps each route to the documentation_url GitHub sends with its errors: the page and
// anchor of the endpoint in GitHub's REST reference. A route missing here gets docURL.
var docLinks = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"GET /user":       "https://docs.github.com/rest/users/users#get-the-authenticated-user",
		"POST /graphql":   "https://docs.github.com/graphql/guides/forming-calls-with-graphql",
		"GET /rate_limit": "https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user",

		"GET /repos/{owner}/{repo}":                                     "https://docs.github.com/rest/repos/repos#get-a-repository",
		"GET /repos/{owner}/{repo}/collaborators/{username}/permission": "https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user",
		"PUT /repos/{owner}/{repo}/collaborators/{username}":            "https://docs.github.com/rest/collaborators/collaborators#add-a-repository-collaborator",
		"GET /repos/{owner}/{repo}/tags":                                "https://docs.github.com/rest/repos/repos#list-repository-tags",

		"GET /repos/{owner}/{repo}/git/ref/{ref...}":           "https://docs.github.com/rest/git/refs#get-a-reference",
		"GET /repos/{owner}/{repo}/git/matching-refs/{ref...}": "https://docs.github.com/rest/git/refs#list-matching-references",
		"GET /repos/{owner}/{repo}/git/refs/{ref...}":          "https://docs.github.com/rest/git/refs#get-a-reference",
		"POST /repos/{owner}/{repo}/git/refs":                  "https://docs.github.com/rest/git/refs#create-a-reference",
		"PATCH /repos/{owner}/{repo}/git/refs/{ref...}":        "https://docs.github.com/rest/git/refs#update-a-reference",
		"DELETE /repos/{owner}/{repo}/git/refs/{ref...}":       "https://docs.github.com/rest/git/refs#delete-a-reference",
		"POST /repos/{owner}/{repo}/git/tags":                  "https://docs.github.com/rest/git/tags#create-a-tag-object",
		"GET /repos/{owner}/{repo}/git/tags/{sha}":             "https://docs.github.com/rest/git/tags#get-a-tag",
		"GET /repos/{owner}/{repo}/git/commits/{sha}":          "https://docs.github.com/rest/git/commits#get-a-commit-object",

		"GET /repos/{owner}/{repo}/commits":                                     "https://docs.github.com/rest/commits/commits#list-commits",
		"GET /repos/{owner}/{repo}/commits/{ref...}":                            "https://docs.github.com/rest/commits/commits#get-a-commit",
		"GET /repos/{owner}/{repo}/compare/{basehead...}":                       "https://docs.github.com/rest/commits/commits#compare-two-commits",
		"POST /repos/{owner}/{repo}/statuses/{sha}":                             "https://docs.github.com/rest/commits/statuses#create-a-commit-status",
		"GET /repos/{owner}/{repo}/commits/{ref}/statuses":                      "https://docs.github.com/rest/commits/statuses#list-commit-statuses-for-a-reference",
		"GET /repos/{owner}/{repo}/commits/{ref}/status":                        "https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference",
		"GET /repos/{owner}/{repo}/commits/{ref}/check-runs":                    "https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference",
		"GET /repos/{owner}/{repo}/branches":                                    "https://docs.github.com/rest/branches/branches#list-branches",
		"GET /repos/{owner}/{repo}/branches/{branch...}":                        "https://docs.github.com/rest/branches/branches#get-a-branch",
		"POST /repos/{owner}/{repo}/merges":                                     "https://docs.github.com/rest/branches/branches#merge-a-branch",
		"GET /raw/{owner}/{repo}/{refpath...}":                                  "https://docs.github.com/rest/repos/contents#get-repository-content",
		"GET /repos/{owner}/{repo}/contents/{path...}":                          "https://docs.github.com/rest/repos/contents#get-repository-content",
		"POST /repos/{owner}/{repo}/releases":                                   "https://docs.github.com/rest/releases/releases#create-a-release",
		"GET /repos/{owner}/{repo}/releases":                                    "https://docs.github.com/rest/releases/releases#list-releases",
		"GET /repos/{owner}/{repo}/releases/tags/{tag...}":                      "https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name",
		"POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches": "https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event",
		"GET /repos/{owner}/{repo}/actions/runs":                                "https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository",
		"GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs":        "https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow",
		"GET /repos/{owner}/{repo}/deployments":                                 "https://docs.github.com/rest/deployments/deployments#list-deployments",
		"POST /repos/{owner}/{repo}/deployments":                                "https://docs.github.com/rest/deployments/deployments#create-a-deployment",
		"GET /repos/{owner}/{repo}/deployments/{id}/statuses":                   "https://docs.github.com/rest/deployments/statuses#list-deployment-statuses",
		"POST /repos/{owner}/{repo}/deployments/{id}/statuses":                  "https://docs.github.com/rest/deployments/statuses#create-a-deployment-status",

		"POST /repos/{owner}/{repo}/issues":                             "https://docs.github.com/rest/issues/issues#create-an-issue",
		"GET /repos/{owner}/{repo}/issues":                              "https://docs.github.com/rest/issues/issues#list-repository-issues",
		"GET /repos/{owner}/{repo}/issues/{number}":                     "https://docs.github.com/rest/issues/issues#get-an-issue",
		"PATCH /repos/{owner}/{repo}/issues/{number}":                   "https://docs.github.com/rest/issues/issues#update-an-issue",
		"POST /repos/{owner}/{repo}/issues/{number}/comments":           "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
		"GET /repos/{owner}/{repo}/issues/comments":                     "https://docs.github.com/rest/issues/comments#list-issue-comments-for-a-repository",
		"GET /repos/{owner}/{repo}/issues/{number}/{sub}":               "https://docs.github.com/rest/issues/comments#list-issue-comments",
		"PATCH /repos/{owner}/{repo}/issues/comments/{id}":              "https://docs.github.com/rest/issues/comments#update-an-issue-comment",
		"GET /repos/{owner}/{repo}/issues/{number}/events":              "https://docs.github.com/rest/issues/events#list-issue-events",
		"POST /repos/{owner}/{repo}/labels":                             "https://docs.github.com/rest/issues/labels#create-a-label",
		"GET /repos/{owner}/{repo}/labels":                              "https://docs.github.com/rest/issues/labels#list-labels-for-a-repository",
		"GET /repos/{owner}/{repo}/labels/{name...}":                    "https://docs.github.com/rest/issues/labels#get-a-label",
		"POST /repos/{owner}/{repo}/issues/{number}/labels":             "https://docs.github.com/rest/issues/labels#add-labels-to-an-issue",
		"PUT /repos/{owner}/{repo}/issues/{number}/labels":              "https://docs.github.com/rest/issues/labels#set-labels-for-an-issue",
		"DELETE /repos/{owner}/{repo}/issues/{number}/labels":           "https://docs.github.com/rest/issues/labels#remove-all-labels-from-an-issue",
		"DELETE /repos/{owner}/{repo}/issues/{number}/labels/{name...}": "https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue",
		"POST /repos/{owner}/{repo}/pulls":                              "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
		"GET /repos/{owner}/{repo}/pulls":                               "https://docs.github.com/rest/pulls/pulls#list-pull-requests",
		"GET /repos/{owner}/{repo}/pulls/{number}":                      "https://docs.github.com/rest/pulls/pulls#get-a-pull-request",
		"PATCH /repos/{owner}/{repo}/pulls/{number}":                    "https://docs.github.com/rest/pulls/pulls#update-a-pull-request",
		"GET /repos/{owner}/{repo}/pulls/{number}/files":                "https://docs.github.com/rest/pulls/pulls#list-pull-requests-files",
		"GET /repos/{owner}/{repo}/pulls/{number}/commits":              "https://docs.github.com/rest/pulls/pulls#list-commits-on-a-pull-request",
		"PUT /repos/{owner}/{repo}/pulls/{number}/merge":                "https://docs.github.com/rest/pulls/pulls#merge-a-pull-request",
		"GET /repos/{owner}/{repo}/pulls/{number}/merge":                "https://docs.github.com/rest/pulls/pulls#check-if-a-pull-request-has-been-merged",
	}
})

// docLink is the documentation_url for errors of the route pattern.
func docLink(pattern string) string {
	if u, ok := docLinks()[pattern]; ok {
		return u
	}
	return docURL
}
