//go:build e2e

package chaos

import (
	"fmt"
)

// want is the state one clean run of the lifecycle leaves, which every seed must leave too.
func want(l *life) state {
	return state{
		Tags: []string{
			fmt.Sprintf("v1.2.3 annotated commit %s: v1.2.3", l.w.Git("rev-parse", "v1.2.3^{commit}")),
			fmt.Sprintf("v1.2.4 annotated commit %s: Hotfix: Fix login timeout", l.merge),
		},
		TagLogs:  map[string]int{"refs/tags/v1.2.3": 1, "refs/tags/v1.2.4": 1},
		Branches: []string{"backport/login-times-out-to-develop", "develop", "main"},
		Pulls: []string{
			"backport PR open backport/login-times-out-to-develop→develop",
			"hotfix PR merged hotfix/login-times-out→main",
		},
		Issues: []string{
			"incident closed [P1] Login times out [incident severity/P1 status/resolved]",
			"item 1 closed Add a pool saturation alarm [postmortem-action]",
			"item 2 open Load-test the login path [postmortem-action]",
			"postmortem open Incident Postmortem: Login times out [postmortem severity/P1]",
		},
		Log: map[string]int{"declared": 1, "status": 1, "mitigated": 1, "resolved": 1,
			"linked pr": 1, "linked tag": 1, "linked backport": 1, "linked postmortem": 1},
		BotComments: map[string]int{"incident": 8, "hotfix PR": 1},
		Statuses:    map[string]string{"hotfix/guard": "success", "hotfix/verify": "success"},
		ActionItems: []string{"item 1 done", "item 2 open"},
	}
}
