package postmortem

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// Author returns the login the toolkit writes as. An issue that carries a hidden marker counts
// as the toolkit's only when that login wrote it, so no one can plant a look-alike that stops
// the real one from being opened. It is called only once a marked issue is found, so the first
// run, which finds none, costs no request.
type Author func(ctx context.Context) (string, error)

// Login is an Author already known, such as the incident identity; nil, which stands for the
// token's own login, when login is empty.
func Login(login string) Author {
	if login == "" {
		return nil
	}
	return func(context.Context) (string, error) { return login, nil }
}

// actionsBot is the login that GitHub Actions' GITHUB_TOKEN writes as.
const actionsBot = "github-actions[bot]"

// TokenLogin is the Author of c's token: GET /user, or github-actions[bot] when the token may not
// read its user, as GITHUB_TOKEN (an installation token) may not.
// See https://docs.github.com/rest/users/users#get-the-authenticated-user
func TokenLogin(c *github.Client) Author {
	return func(ctx context.Context) (string, error) {
		u, _, err := c.Users.Get(ctx, "")
		switch gh.Kind(err) {
		case gh.None:
			return u.GetLogin(), nil
		case gh.Forbidden:
			return actionsBot, nil
		}
		return "", fmt.Errorf("find the login the token writes as: %w", gh.Explain(err))
	}
}

// authorCheck asks author once, and then tells whether an issue is by that login.
type authorCheck struct {
	author Author
	login  string
}

// wrote reports whether the toolkit's login wrote is.
func (a *authorCheck) wrote(ctx context.Context, is *github.Issue) (bool, error) {
	if a.login == "" {
		login, err := a.author(ctx)
		if err != nil {
			return false, err
		}
		a.login = login
	}
	return strings.EqualFold(is.GetUser().GetLogin(), a.login), nil
}
