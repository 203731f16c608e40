package identity

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/google/go-github/v60/github"
)

// viewerQuery asks who the token is. It works for every kind of token, where GET /user answers
// 403 to installation tokens. https://docs.github.com/graphql/reference/queries#viewer
const viewerQuery = "query { viewer { login } }"

// viewerAnswer is GitHub's GraphQL answer to viewerQuery.
type viewerAnswer struct {
	Data struct {
		Viewer struct {
			Login string `json:"login"`
		} `json:"viewer"`
	} `json:"data"`
	Errors []struct {
		Type    string `json:"type"`
		Message string `json:"message"`
	} `json:"errors"`
}

// askViewer asks GitHub's GraphQL API for the login of c's token: one request.
func askViewer(ctx context.Context, c *github.Client) (string, error) {
	endpoint := GraphQLURL(c.BaseURL)
	req, err := c.NewRequest(http.MethodPost, endpoint, map[string]string{"query": viewerQuery})
	if err != nil {
		return "", fmt.Errorf("graphql viewer query: %w", err)
	}
	var ans viewerAnswer
	if _, err := c.Do(ctx, req, &ans); err != nil {
		return "", fmt.Errorf("graphql viewer query at %s: %w", endpoint, err)
	}
	if len(ans.Errors) > 0 {
		return "", fmt.Errorf("graphql viewer query at %s: %s", endpoint, ans.Errors[0].Message)
	}
	if ans.Data.Viewer.Login == "" {
		return "", ErrNoLogin
	}
	return ans.Data.Viewer.Login, nil
}

// GraphQLURL is the GraphQL endpoint beside the REST API at base: https://api.github.com/graphql
// for GitHub.com, https://HOST/api/graphql for a GitHub Enterprise Server (whose REST API is
// /api/v3/), and BASE/graphql otherwise (the sandbox).
// https://docs.github.com/enterprise-server@latest/graphql/guides/forming-calls-with-graphql#the-graphql-endpoint
func GraphQLURL(base *url.URL) string {
	u := *base
	if trimmed, ok := strings.CutSuffix(u.Path, "/api/v3/"); ok {
		u.Path = trimmed + "/api/graphql"
		return u.String()
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/graphql"
	return u.String()
}
