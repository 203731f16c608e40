package cli

import (
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/deploy"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// roller is what /rollback deploys with: the policy's deploy workflow; nil when the policy names
// none, so that /rollback is answered with how to roll back by hand.
func roller(r remote, p config.Policy, identity string) incident.Roller {
	if !p.Deploy.Enabled() {
		return nil
	}
	ro := deploy.Roller{Client: r.client, Repo: deploy.Repo{Owner: r.owner, Name: r.name}, Deploy: p.Deploy,
		Prefix: p.Release.Prefix, Production: p.Branches.Production, Identity: identity}
	return ro.Roll
}
