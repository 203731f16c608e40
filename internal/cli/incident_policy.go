package cli

import (
	"context"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// logIdentity is the login the toolkit writes as, the only author whose markers count: the
// policy's incident.identity when it names one (the policy comes from the base branch, so it wins
// over an input), else the identity input, else GitHub's GraphQL viewer, asked once per run.
func logIdentity(ctx context.Context, r remote, p config.Policy, _ *Env) (string, error) {
	return r.who.Login(ctx, p.Incident.Identity)
}
