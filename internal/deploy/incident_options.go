package deploy

import (
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// ForIncident is o with what the incident commands need of the policy's deploy workflow: the
// roller /rollback deploys with, and how declare finds the last release deployed before the
// impact. When the policy names no deploy, o is unchanged: /rollback is answered with how to roll
// back by hand, and the newest tag is the last known good release.
func ForIncident(o incident.Options, c *github.Client, repo Repo, p config.Policy) incident.Options {
	if !p.Deploy.Enabled() {
		return o
	}
	ro := Roller{Client: c, Repo: repo, Deploy: p.Deploy, Prefix: p.Release.Prefix, Production: p.Branches.Production, Identity: o.Identity}
	o.Rollback, o.LastGood = ro.Roll, ro.LastGood
	return o
}
