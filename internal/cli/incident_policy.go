package cli

import (
	"context"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// logIdentity is the login the incident log is written as, the only author whose log comments
// count: the policy's incident.identity when it names one, else incident.Identity (the identity
// input, else the token's user, else github-actions[bot]). The policy comes from the base
// branch, so it wins over an input.
func logIdentity(ctx context.Context, r remote, p config.Policy, env *Env) (string, error) {
	if p.Incident.Identity != "" {
		return p.Incident.Identity, nil
	}
	return incident.Identity(ctx, r.client, env.Getenv)
}
