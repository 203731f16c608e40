package gh

import (
	"errors"
	"net/http"
	"strings"

	"github.com/google/go-github/v60/github"
)

// Error is an API error with its kind and a hint that tells a person what to check.
type Error struct {
	Kind ErrorKind
	Hint string
	Err  error
}

// Error is the underlying error followed by the hint.
func (e *Error) Error() string {
	if e.Hint == "" {
		return e.Err.Error()
	}
	return e.Err.Error() + " (" + e.Hint + ")"
}

// Unwrap returns the underlying error, so errors.As still finds go-github's types.
func (e *Error) Unwrap() error { return e.Err }

// Explain adds a hint to err for the kinds a person can act on: a 403 names the permission the
// token may lack for that request, a 401 or 404 points at the token, and an uncertain write says
// to read back. It returns nil for nil, and err itself when there is nothing to add.
func Explain(err error) error {
	kind := Kind(err)
	hint := ""
	switch kind {
	case None:
		return nil
	case Forbidden:
		hint = "the token may lack the " + permission(failedRequest(err)) + " permission"
	case Unauthorized:
		hint = "the token is missing, wrong or expired"
	case NotFound:
		hint = "or the token cannot see it"
	case Uncertain:
		hint = "the write may have happened; read it back before writing again"
	}
	if hint == "" {
		return err
	}
	return &Error{Kind: kind, Hint: hint, Err: err}
}

// fieldErrors returns the field errors of a 422, such as {Resource: "Issue", Field: "title",
// Code: "missing_field"}, for callers that branch on them.
func fieldErrors(err error) []github.Error {
	var resp *github.ErrorResponse
	if !errors.As(err, &resp) {
		return nil
	}
	return resp.Errors
}

// failedRequest is the request behind an API error, when go-github kept it.
func failedRequest(err error) *http.Request {
	var resp *github.ErrorResponse
	if errors.As(err, &resp) && resp.Response != nil {
		return resp.Response.Request
	}
	return nil
}

// permissionScopes maps the first path segment under /repos/{owner}/{repo}/ to the permission
// that guards it, named as a workflow's `permissions:` key names it (pull-requests, not "Pull
// requests"), since that is where a person grants it to GITHUB_TOKEN. See
// https://docs.github.com/actions/using-jobs/assigning-permissions-to-jobs and
// https://docs.github.com/rest/authentication/permissions-required-for-fine-grained-personal-access-tokens
var permissionScopes = map[string]string{
	"git": "contents", "contents": "contents", "merges": "contents", "releases": "contents",
	"branches": "contents", "compare": "contents", "commits": "contents", "tags": "contents",
	"pulls": "pull-requests", "issues": "issues", "labels": "issues", "milestones": "issues",
	"statuses": "statuses", "actions": "actions", "deployments": "deployments", "collaborators": "metadata", "hooks": "webhooks",
}

// permission names the permission and level a request needs, such as "contents: write".
func permission(req *http.Request) string {
	if req == nil {
		return "required"
	}
	level := "write"
	if isRead(req.Method) {
		level = "read"
	}
	parts := strings.Split(strings.Trim(req.URL.Path, "/"), "/")
	for i := 0; i+3 < len(parts); i++ {
		if parts[i] != "repos" {
			continue
		}
		scope, ok := permissionScopes[parts[i+3]]
		if parts[i+3] == "commits" && strings.HasPrefix(parts[len(parts)-1], "status") {
			scope, ok = "statuses", true
		}
		if ok {
			return scope + ": " + level
		}
	}
	return "required " + level
}
