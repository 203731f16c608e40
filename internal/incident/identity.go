package incident

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// ActionsBot is the login that GitHub Actions' GITHUB_TOKEN writes as.
const ActionsBot = "github-actions[bot]"

// IdentityInput is the action input that names the toolkit's identity explicitly.
const IdentityInput = "INPUT_IDENTITY"

// Identity is the login the toolkit writes the log as, the only author whose log comments count:
// the identity input when set, else the token's user (GET /user), else, when the token may not
// read its user (GITHUB_TOKEN is an installation token and gets 403), github-actions[bot].
// A policy's explicit identity wins over all of these; the caller checks it first.
// See https://docs.github.com/rest/users/users#get-the-authenticated-user
func Identity(ctx context.Context, c *github.Client, getenv func(string) string) (string, error) {
	if v := strings.TrimSpace(getenv(IdentityInput)); v != "" {
		return v, nil
	}
	u, _, err := c.Users.Get(ctx, "")
	switch gh.Kind(err) {
	case gh.None:
		return u.GetLogin(), nil
	case gh.Forbidden:
		return ActionsBot, nil
	}
	return "", fmt.Errorf("find the login the token writes as: %w", gh.Explain(err))
}
