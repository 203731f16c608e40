package postmortem

import (
	"context"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/identity"
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

// TokenLogin is the Author of c's token when nothing names it: GitHub's GraphQL viewer, asked
// once (see internal/identity), which answers for every kind of token.
func TokenLogin(c *github.Client) Author {
	return identity.New(c, "").Author("")
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
