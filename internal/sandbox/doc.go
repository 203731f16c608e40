// Package sandbox is a local GitHub REST API for one repository, over a real bare git repository
// driven by the git CLI. Refs, tags (lightweight and annotated tag objects), commits, compare,
// merges and pull request mergeability all come from git itself; issues, pull requests, comments,
// labels, statuses, releases, dispatches and collaborators live in a state that can be saved to a
// file. Branches arrive with `git push` to the repository's path. `hotfix sandbox` serves it.
//
// A request carries a token ("Authorization: Bearer TOKEN" or "token TOKEN") of one of three
// kinds (Credential): a personal token acts as its user; an app installation token (app:SLUG)
// writes as SLUG[bot] and a workflow's GITHUB_TOKEN (actions) as github-actions[bot], both with
// type Bot, and GET /user refuses both with 403 "Resource not accessible by integration". A wrong
// token is 401 "Bad credentials". Without a token, a private repository (the default) answers 404,
// as GitHub hides it; a public one (Options.Public) may be read, and a write or GET /user is 401
// "Requires authentication". Every response has the x-ratelimit-* headers. Lists take
// page and per_page (default 30, at most 100) and answer with GitHub's Link header. Errors carry
// GitHub's body: message, errors[] and documentation_url. A path under another owner or
// repository, or one that matches no route, is 404 "Not Found". Options.Faults injects failures
// (see WithFaults), and Server.Requests counts the requests per route.
//
// Every response body conforms to GitHub's OpenAPI description (the contract test checks each
// route with internal/contract), nulls included: a commit's author and committer are the GitHub
// users its git identities belong to, which the sandbox knows only for GitHub's own addresses
// (LOGIN@users.noreply.github.com, and noreply@github.com for web-flow), and null otherwise;
// every object is "unsigned"; the repository has no description, homepage, language or license.
//
// The endpoints, all under /repos/{owner}/{repo} except the first three:
//
//	Method  Path                                      Notes
//	GET     /user                                     the token's user; 403 for app and actions tokens
//	POST    /graphql                                  query { viewer { login databaseId } } only; other queries get GraphQL errors
//	GET     /rate_limit                               the core window (GitHub's 5000 an hour); search, graphql… unused
//	GET     (the repository)                          default_branch main; the token's user is admin
//	GET     /collaborators/{username}/permission      admin for the token's user, else the role given, else none
//	PUT     /collaborators/{username}                 gives the role at once; 204
//	GET     /git/ref/{ref...}                         heads/X or tags/X; 404 when missing
//	GET     /git/matching-refs/{ref...}               prefix match (tags/v1.2.); may be empty
//	GET     /git/refs/{ref...}                        the ref, or the refs under it; 404 when none
//	POST    /git/refs                                 201; 422 "Reference already exists", bad name, "Object does not exist"
//	PATCH   /git/refs/{ref...}                        force; 422 "Update is not a fast forward", "Reference does not exist"
//	DELETE  /git/refs/{ref...}                        204; 422 "Reference does not exist"
//	POST    /git/tags                                 an annotated tag object made with git mktag; 201
//	GET     /git/tags/{sha}                           404 unless sha is a tag object
//	GET     /git/commits/{sha}                        full SHA only
//	GET     /commits                                  sha (default main), path; newest first
//	GET     /commits/{ref...}                         files and stats against the first parent; 422 "No commit found for SHA: REF"
//	GET     /compare/{base}...{head}                  status, ahead_by, behind_by, merge base; files capped at 300, commits at 250
//	GET     /branches                                 by name
//	GET     /branches/{branch...}                     404 "Branch not found"
//	POST    /merges                                   201 merge commit; 204 already merged; 409 "Merge conflict"; 404 "Base/Head does not exist"
//	GET     /contents/{path...}                       a file at ref (default main), base64
//	POST    /issues                                   numbers shared with pull requests
//	GET     /issues                                   state, labels, since, assignee filters
//	GET     /issues/{number}                          404 when missing
//	PATCH   /issues/{number}                          title, body, state, labels, assignees
//	GET     /issues/{number}/comments                 since
//	POST    /issues/{number}/comments                 201
//	GET     /issues/comments                          the repository's comments, since
//	GET     /issues/comments/{id}                     one comment
//	PATCH   /issues/comments/{id}                     update a comment
//	GET     /issues/{number}/labels                   the labels
//	POST    /labels                                   422 "Validation Failed" for a bad color or a duplicate
//	GET     /labels                                   all labels
//	GET     /labels/{name...}                         404 when missing
//	POST    /issues/{number}/labels                   add labels, creating unknown ones
//	PUT     /issues/{number}/labels                   replace the labels
//	DELETE  /issues/{number}/labels                   remove every label
//	DELETE  /issues/{number}/labels/{name...}         remove one; 404 when not on the issue
//	POST    /pulls                                    422 "A pull request already exists for OWNER:BRANCH.", "No commits between BASE and HEAD"
//	GET     /pulls                                    head (OWNER:BRANCH), base and state filters
//	GET     /pulls/{number}                           mergeable is null until computed from git merge-tree
//	PATCH   /pulls/{number}                           title, body, state, base
//	GET     /pulls/{number}/files                     paginated, capped at 3000
//	GET     /pulls/{number}/commits                   oldest first
//	PUT     /pulls/{number}/merge                     merge, squash or rebase into real commits; 405 when not mergeable
//	GET     /pulls/{number}/merge                     204 when merged, 404 when not
//	POST    /statuses/{sha}                           commit status
//	GET     /commits/{ref}/statuses                   newest first
//	GET     /commits/{ref}/status                     the combined status
//	POST    /releases                                 201
//	GET     /releases                                 newest first
//	GET     /releases/tags/{tag...}                   404 when missing
//	POST    /actions/workflows/{workflow_id}/dispatches  recorded; 204
//
// See https://docs.github.com/rest for GitHub's description of each endpoint.
package sandbox
