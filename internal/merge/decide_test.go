package merge

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// TestDecide decides merge plans from facts alone: no sandbox, no requests.
func TestDecide(t *testing.T) {
	t.Parallel()
	pr := &github.PullRequest{Number: github.Int(12), Title: github.String("Fix the login timeout"), Body: github.String("Incident: #3"),
		MergeCommitSHA: github.String("abc123"), Merged: github.Bool(true),
		Base: &github.PullRequestBranch{Ref: github.String("main")}, Head: &github.PullRequestBranch{Ref: github.String("hotfix/login-timeout")}}
	fresh := release.Facts{Base: "main", Target: "abc123", Contained: []string{"v1.2.3"}, Existing: []string{"v1.2.3"}}
	rerun := release.Facts{Base: "main", Target: "abc123", Contained: []string{"v1.2.3", "v1.2.4"}, AtTarget: []string{"v1.2.4"}, Existing: []string{"v1.2.3", "v1.2.4"}}
	record := &incident.Record{Number: 3, Title: "Logins time out", Links: []incident.Artifact{{Kind: "pr", Number: 12}}}
	develop := []BackportPlan{{Target: "develop", Branch: "backport/login-timeout-to-develop", Reason: "no release branch is open, so git-flow sends the hotfix to develop"}}
	tests := []struct {
		name   string
		policy func(*config.Policy)
		facts  Facts
		want   Plan
	}{
		{"first run", nil, Facts{Release: fresh},
			Plan{Tag: &release.Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "abc123"}, Backports: develop,
				Postmortem: PostmortemPlan{Action: "open", Title: "Incident Postmortem: Fix the login timeout"}}},
		{"rerun", nil, Facts{Release: rerun, Postmortem: &github.Issue{Number: github.Int(7), Title: github.String("Incident Postmortem: Fix the login timeout")}},
			Plan{Tag: &release.Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "abc123", Exists: true}, Backports: develop,
				Postmortem: PostmortemPlan{Action: "refresh", Number: 7, Title: "Incident Postmortem: Fix the login timeout"}}},
		{"a marked postmortem whose author was not checked", nil, Facts{Release: rerun, PostmortemUnchecked: true,
			Postmortem: &github.Issue{Number: github.Int(7), Title: github.String("Incident Postmortem: Fix the login timeout")}},
			Plan{Tag: &release.Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "abc123", Exists: true}, Backports: develop,
				Postmortem: PostmortemPlan{Action: "refresh", Number: 7, Title: "Incident Postmortem: Fix the login timeout", Unchecked: true}}},
		{"an incident whose log was not read", nil, Facts{Release: fresh, IncidentUnread: true},
			Plan{Tag: &release.Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "abc123"}, Backports: develop, IncidentUnread: true,
				Postmortem: PostmortemPlan{Action: "open", Title: "Incident Postmortem: Fix the login timeout"}}},
		{"an open release branch on a newer line", nil, Facts{Release: fresh, ReleaseBranches: []string{"release/1.1", "release/1.3"}},
			Plan{Tag: &release.Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "abc123"},
				Backports:  []BackportPlan{{Target: "release/1.3", Branch: "backport/login-timeout-to-release-1-3"}},
				Postmortem: PostmortemPlan{Action: "open", Title: "Incident Postmortem: Fix the login timeout"}}},
		{"no tag to patch", nil, Facts{Release: release.Facts{Base: "main", Target: "abc123"}},
			Plan{TagProblem: "x", Backports: []BackportPlan{{Target: "develop", Branch: "backport/login-timeout-to-develop"}},
				Postmortem: PostmortemPlan{Action: "open", Title: "Incident Postmortem: Fix the login timeout"}}},
		{"the policy's fixed targets", func(p *config.Policy) { p.Backport.Targets = []string{"main", "support/2"} }, Facts{Release: fresh},
			Plan{Tag: &release.Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "abc123"},
				Backports:  []BackportPlan{{Target: "support/2", Branch: "backport/login-timeout-to-support-2"}},
				Postmortem: PostmortemPlan{Action: "open", Title: "Incident Postmortem: Fix the login timeout"}}},
		{"the incident's log", nil, Facts{Release: fresh, Record: record},
			Plan{Tag: &release.Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "abc123"}, Backports: develop,
				Postmortem: PostmortemPlan{Action: "open", Title: "Incident Postmortem: Logins time out"},
				Links:      []string{"tag v1.2.4", "backport to develop", "postmortem"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := config.Default()
			if tt.policy != nil {
				tt.policy(&p)
			}
			got := Deps{Policy: p, Now: func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC) }}.Decide(pr, tt.facts)
			tt.want.PR, tt.want.MergeCommit, tt.want.Incident = 12, "abc123", 3
			if got.TagProblem != "" && tt.want.TagProblem != "" {
				got.TagProblem = tt.want.TagProblem // the reason is release.Decide's; only its presence is the merge's
			}
			opts := cmp.Options{cmpopts.IgnoreFields(release.Plan{}, "Reason", "Ignored"), cmpopts.IgnoreFields(BackportPlan{}, "Reason")}
			if tt.name == "first run" || strings.HasPrefix(tt.name, "rerun") || strings.HasPrefix(tt.name, "a marked") {
				opts = cmp.Options{cmpopts.IgnoreFields(release.Plan{}, "Reason", "Ignored")}
			}
			if diff := cmp.Diff(got, tt.want, opts); diff != "" {
				t.Errorf("Decide (-got +want):\n%s", diff)
			}
		})
	}
}
