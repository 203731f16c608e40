package prguard

import (
	"fmt"
	"slices"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// SeverityOf is the severity whose limits apply to a hotfix: the severity input, else the pull
// request's severity/P* label, else none.
func SeverityOf(input string, pr *github.PullRequest) (string, error) {
	if input = strings.TrimSpace(input); input != "" {
		if !slices.Contains(config.Severities, input) {
			return "", fmt.Errorf("input severity %q is not a severity; valid: %s", input, strings.Join(config.Severities, ", "))
		}
		return input, nil
	}
	if pr == nil {
		return "", nil
	}
	return config.LabelSeverity(gh.LabelNames(pr.Labels)), nil
}
