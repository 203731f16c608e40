// Package sandbox is a local GitHub REST API for one repository, over a real bare git repository
// driven by the git CLI. Refs, tags (lightweight and annotated tag objects), commits, compare,
// merges and pull request mergeability all come from git itself; issues, pull requests, comments,
// labels, statuses, releases, dispatches, workflow runs, deployments and collaborators live in a state that can be saved to a
// file. Branches arrive with `git push` to the repository's path. `hotfix sandbox` serves it.
//
// A request carries a token ("Authorization: Bearer TOKEN" or "token TOKEN") of one of three
// kinds (Credential): a personal token acts as its user; an app installation token (app:SLUG)
// writes as SLUG[bot] and a workflow's GITHUB_TOKEN (actions) as github-actions[bot], both with
// type Bot, and GET /user refuses both with 403 "Resource not accessible by integration". A wrong
// token is 401 "Bad credentials". Without a token, a private repository (the default) answers 404,
// as GitHub hides it; a public one (Options.Public) may be read, and a write or GET /user is 401
// "Requires authentication". Lists take page and per_page (default 30, at most 100) and answer
// with GitHub's Link header, except where GitHub does not page (matching-refs). Errors carry
// GitHub's body: message, errors[] (a message only with code "custom"), the endpoint's
// documentation_url and status as a string ("404"). A path under another owner or repository is
// 404 "Not Found"; a method and path that no route serves is a 404 whose message says the sandbox
// does not serve it. Options.Faults injects failures (see WithFaults), and Server.Requests counts
// the requests per route.
//
// As on GitHub, and where a client written against the sandbox alone would be surprised there:
//   - Rate limits bite. Each token has a primary budget an hour (Options.RateLimit, `--rate-limit
//     N/h`, GitHub's 5,000 by default; 60 without a token), counted per request; once it is spent
//     the answer is 403 with GitHub's body, x-ratelimit-remaining 0 and x-ratelimit-reset. The
//     secondary limit on content creation (POST, PATCH, PUT, DELETE: 80 a minute, 500 an hour) is
//     403 with retry-after. A 304 and GET /rate_limit are not counted.
//   - Conditional requests: every GET answered 200 has an ETag, and If-None-Match with it gets
//     304 with no body. Every 201 has a Location naming the object created.
//   - Matching refs come all in one response, with no Link, whatever per_page says.
//   - Compare pages its commits, oldest first with Link, when page or per_page is given, with
//     the files (at most 300) on the first page only; without them it lists the newest 250
//     commits, the head last.
//   - An open pull request's merge_commit_sha is its test merge: a real merge commit of base and
//     head (refs/pull/N/merge), renewed when either moves, null while in conflict. Only merged
//     says merged. Mergeability is null until a later read computes it (Options.MergeableAfter);
//     creating the pull request starts the computation, as a read does.
//   - default_branch is the bare repository's HEAD; a first push of master into a repository
//     made with main makes master the default, and contents, commits and releases without a ref
//     use it.
//   - A new repository has GitHub's nine default labels, marked default.
//
// The differences that remain, each with its reason:
//   - One repository, one owner: every other repository is 404. The toolkit works on one.
//   - Mergeability is computed on a read, not by a background job on a clock: tests stay
//     deterministic. Options.MergeableAfter sets how many reads it takes.
//   - Secondary limits other than content creation (concurrency, CPU time, points per minute)
//     are not modelled: they depend on GitHub's load, not on what a client sends.
//   - Rate-limit budgets live in memory and start afresh when the sandbox restarts.
//   - GET /tags lists names in reverse byte order (v1.9.0 before v1.10.0), which is what users of
//     GitHub's endpoint report (google/go-github#3583); GitHub documents no order.
//   - A file's download_url is served by the sandbox under /raw/OWNER/REPO/REF/PATH, where
//     GitHub uses raw.githubusercontent.com.
//   - Check runs: the sandbox runs no checks, so a ref's check runs are an empty list.
//   - Workflows: the sandbox runs no jobs. A dispatch makes a queued run of the workflow file on
//     the default branch (read from .github/workflows, ids derived from the path), and a test
//     completes it with Server.CompleteRun. A deployment's auto_merge and a status's
//     auto_inactive are not performed.
//   - Fault bodies (WithFaults) are GitHub's rate-limit bodies as recorded, without status.
//   - A token is not scoped: it can do anything in the repository its kind allows.
//
// Every response body conforms to GitHub's OpenAPI description (the contract test checks each
// route with internal/contract), nulls included: a commit's author and committer are the GitHub
// users its git identities belong to, which the sandbox knows only for GitHub's own addresses
// (LOGIN@users.noreply.github.com, and noreply@github.com for web-flow), and null otherwise;
// every object is "unsigned"; the repository has no description, homepage, language or license.
//
// The endpoints, all under /repos/{owner}/{repo} except the first three and the last:
//
//	Method  Path                                      Notes
//	GET     /user                                     the token's user; 403 for app and actions tokens
//	POST    /graphql                                  query { viewer { login databaseId } } only; other queries get GraphQL errors
//	GET     /rate_limit                               the token's core window; search, graphql… unused; not counted
//	GET     (the repository)                          default_branch from HEAD; the token's user is admin
//	GET     /collaborators/{username}/permission      admin for the token's user, else the role given, else none
//	PUT     /collaborators/{username}                 gives the role at once; 204
//	GET     /git/ref/{ref...}                         heads/X or tags/X; 404 when missing
//	GET     /git/matching-refs/{ref...}               prefix match (tags/v1.2.); may be empty; never paged
//	GET     /git/refs/{ref...}                        the ref, or the refs under it; 404 when none
//	POST    /git/refs                                 201; 422 "Reference already exists", bad name, "Object does not exist"
//	PATCH   /git/refs/{ref...}                        force; 422 "Update is not a fast forward", "Reference does not exist"
//	DELETE  /git/refs/{ref...}                        204; 422 "Reference does not exist"
//	POST    /git/tags                                 an annotated tag object made with git mktag; 201
//	GET     /git/tags/{sha}                           404 unless sha is a tag object
//	GET     /git/commits/{sha}                        full SHA only
//	GET     /commits                                  sha (default: the default branch), path; newest first
//	GET     /commits/{ref}/check-runs                 an empty list; 422 "No commit found for SHA: REF"
//	GET     /commits/{ref...}                         files and stats against the first parent; 422 "No commit found for SHA: REF"
//	GET     /compare/{base}...{head}                  status, ahead_by, behind_by, merge base; files capped at 300; commits paged, or the newest 250
//	GET     /tags                                     paged, names in reverse
//	GET     /branches                                 by name
//	GET     /branches/{branch...}                     404 "Branch not found"
//	POST    /merges                                   201 merge commit; 204 already merged; 409 "Merge conflict"; 404 "Base/Head does not exist"
//	GET     /contents/{path...}                       a file at ref (default: the default branch), base64 or raw; a directory as an array
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
//	POST    /labels                                   422 "Validation Failed" for a bad color or a duplicate; nine default labels to start
//	GET     /labels                                   all labels
//	GET     /labels/{name...}                         404 when missing
//	POST    /issues/{number}/labels                   add labels, creating unknown ones
//	PUT     /issues/{number}/labels                   replace the labels
//	DELETE  /issues/{number}/labels                   remove every label
//	DELETE  /issues/{number}/labels/{name...}         remove one; 404 when not on the issue
//	POST    /pulls                                    422 "A pull request already exists for OWNER:BRANCH.", "No commits between BASE and HEAD"
//	GET     /pulls                                    head (OWNER:BRANCH), base and state filters
//	GET     /pulls/{number}                           mergeable is null until computed from git merge-tree; merge_commit_sha the test merge
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
//	POST    /actions/workflows/{workflow_id}/dispatches  204 and a queued run, which the next run list misses; with return_run_details, 200 and the run, listed at once; 404 unknown workflow; 422 unknown ref, or no workflow_dispatch trigger at the ref
//	GET     /actions/runs                             newest first; event, branch, status (or conclusion), head_sha, actor filters
//	GET     /actions/workflows/{workflow_id}/runs     the same, for one workflow (file name or id); 404 when unknown
//	POST    /deployments                              201; 409 when the commit's statuses failed, unless required_contexts is given
//	GET     /deployments                              newest first; sha, ref, task, environment filters
//	POST    /deployments/{id}/statuses                201; 422 for an unknown state
//	GET     /deployments/{id}/statuses                newest first; 404 for an unknown deployment
//	GET     /raw/{owner}/{repo}/{ref}/{path...}       a file's bytes: its download_url
//
// See https://docs.github.com/rest for GitHub's description of each endpoint.
package sandbox
