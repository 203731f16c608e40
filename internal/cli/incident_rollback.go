package cli

import (
	"context"
	"time"

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
	return deployRoller(r, p, identity).Roll
}

// lastGood is how declare finds the release last deployed before the impact, for the incident's
// last known good release; nil when the policy names no deploy, and the newest tag is it.
func lastGood(r remote, p config.Policy, identity string) func(context.Context, time.Time) (*incident.Change, string, error) {
	if !p.Deploy.Enabled() {
		return nil
	}
	return deployRoller(r, p, identity).LastGood
}

// deployRoller is the deploy package's roller for the repository under the policy.
func deployRoller(r remote, p config.Policy, identity string) deploy.Roller {
	return deploy.Roller{Client: r.client, Repo: deploy.Repo{Owner: r.owner, Name: r.name}, Deploy: p.Deploy,
		Prefix: p.Release.Prefix, Production: p.Branches.Production, Identity: identity}
}
