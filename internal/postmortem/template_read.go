package postmortem

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// ErrNoTemplate says that the policy names a postmortem template that is not on the branch.
var ErrNoTemplate = errors.New("the policy's postmortem template is missing")

// ReadTemplate reads the policy's postmortem template at path on base; "" when the policy names
// none, so the built-in one is used. A template the branch lacks is ErrNoTemplate.
func ReadTemplate(ctx context.Context, c *github.Client, repo Repo, path, base string) (string, error) {
	if path == "" {
		return "", nil
	}
	data, found, err := gh.File(ctx, c, repo.Owner, repo.Name, base, path)
	if err != nil {
		return "", err
	}
	if !found {
		return "", &missingTemplate{path: path, base: base}
	}
	return string(data), nil
}

// missingTemplate is ErrNoTemplate for one path and branch.
type missingTemplate struct{ path, base string }

func (m *missingTemplate) Error() string {
	return fmt.Sprintf("the policy's postmortem template %s is not on %s", m.path, m.base)
}

func (m *missingTemplate) Is(target error) bool { return target == ErrNoTemplate }
