package event

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

func TestRoute(t *testing.T) {
	t.Parallel()
	merge := []string{"release", "backport", "postmortem"}
	tests := []struct {
		file string
		want Decision
	}{
		{"push.hotfix.json", Decision{Guard, []string{"guard"}, `push to hotfix branch "hotfix/x"`}},
		{"push.hotfix-deleted.json", Decision{None, nil, `push deleting branch "hotfix/x": nothing to do`}},
		{"push.json", Decision{None, nil, `push to "master", which does not match the hotfix branches hotfix/**: nothing to do`}},
		{"push.tag-deleted.json", Decision{None, nil, `push to "refs/tags/simple-tag", not a branch: nothing to do`}},
		{"pull_request.opened.hotfix.json", Decision{Guard, []string{"guard"}, `pull_request "opened": #2 from hotfix branch "hotfix/login-timeout" into "main"`}},
		{"pull_request.synchronize.hotfix.json", Decision{Guard, []string{"guard"}, `pull_request "synchronize": #2 from hotfix branch "hotfix/login-timeout" into "main"`}},
		{"pull_request.opened.hotfix-fork.json", Decision{Guard, []string{"guard"}, `pull_request "opened": #2 from hotfix branch "hotfix/login-timeout" into "main" (from a fork: read-only token)`}},
		{"pull_request.opened.json", Decision{None, nil, `pull_request #2 from "changes", which does not match the hotfix branches hotfix/**: nothing to do`}},
		{"pull_request.reopened.json", Decision{None, nil, `pull_request #2 from "changes", which does not match the hotfix branches hotfix/**: nothing to do`}},
		{"pull_request.labeled.json", Decision{None, nil, `pull_request #2 from "changes", which does not match the hotfix branches hotfix/**: nothing to do`}},
		{"pull_request.closed.json", Decision{None, nil, "pull_request closed without merge: nothing to do"}},
		{"pull_request.closed.hotfix-unmerged.json", Decision{None, nil, "pull_request closed without merge: nothing to do"}},
		{"pull_request.closed.merged-hotfix.json", Decision{Merge, merge, `hotfix pull_request #2 from "hotfix/login-timeout" merged into "main"`}},
		{"pull_request.closed.merged-hotfix-release.json", Decision{Merge, merge, `hotfix pull_request #2 from "hotfix/login-timeout" merged into "release/1.1"`}},
		{"pull_request.closed.merged-hotfix-develop.json", Decision{None, nil, `hotfix pull_request #2 merged into "develop", which is neither the production branch main nor a release branch release/*: nothing to do`}},
		{"pull_request.closed.merged-feature.json", Decision{None, nil, `pull_request #2 merged from "changes", which does not match the hotfix branches hotfix/**: nothing to do`}},
		{"issue_comment.created.incident.json", Decision{Update, []string{"incident update"}, `command "/status" on incident #1`}},
		{"issue_comment.created.incident-chat.json", Decision{None, nil, "issue_comment on incident #1 is not a command (commands start with /): nothing to do"}},
		{"issue_comment.created.json", Decision{None, nil, "issue_comment on #1, which is not labelled incident: nothing to do"}},
		{"issues.labeled.action-item.json", Decision{ActionItems, []string{"action-items sync"}, `issues "labeled": #1 is a postmortem-action item`}},
		{"issues.closed.action-item.json", Decision{ActionItems, []string{"action-items sync"}, `issues "closed": #1 is a postmortem-action item`}},
		{"issues.reopened.action-item.json", Decision{ActionItems, []string{"action-items sync"}, `issues "reopened": #1 is a postmortem-action item`}},
		{"issues.labeled.json", Decision{None, nil, `issues "labeled" on #1 does not concern a postmortem-action item: nothing to do`}},
		{"issues.reopened.json", Decision{None, nil, `issues "reopened" on #1 does not concern a postmortem-action item: nothing to do`}},
		{"workflow_dispatch.declare.json", Decision{Declare, []string{"incident declare"}, `workflow_dispatch with title and severity "P1": declare an incident`}},
		{"workflow_dispatch.json", Decision{None, nil, "workflow_dispatch without the inputs title and severity: nothing to do"}},
		{"schedule.json", Decision{Remind, []string{"remind"}, `schedule "*/15 * * * *": look for overdue updates, postmortems and action items`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			got := Route(load(t, tt.file), config.Default())
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("Route() mismatch (-got +want):\n%s", diff)
			}
		})
	}
}

func TestRoutePolicyBranches(t *testing.T) {
	t.Parallel()
	policy := config.Default()
	policy.Branches = config.Branches{Production: "develop", Hotfix: "hotfix/login-*", Release: "support/*"}
	tests := []struct {
		file string
		want Kind
	}{
		{"pull_request.closed.merged-hotfix-develop.json", Merge},
		{"pull_request.closed.merged-hotfix.json", None},
		{"pull_request.closed.merged-hotfix-release.json", None},
		{"pull_request.opened.hotfix.json", Guard},
		{"push.hotfix.json", None},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			if got := Route(load(t, tt.file), policy); got.Kind != tt.want {
				t.Errorf("Route() = %+v, want kind %s", got, tt.want)
			}
		})
	}
}

func TestRouteUnhandled(t *testing.T) {
	t.Parallel()
	tests := []struct {
		trigger Trigger
		want    string
	}{
		{Trigger{Name: "release"}, "event release is not one the toolkit handles: nothing to do"},
		{Trigger{}, "event (unnamed) is not one the toolkit handles: nothing to do"},
	}
	for _, tt := range tests {
		got := Route(tt.trigger, config.Policy{})
		if diff := cmp.Diff(got, Decision{Kind: None, Reason: tt.want}); diff != "" {
			t.Errorf("Route(%q) mismatch (-got +want):\n%s", tt.trigger.Name, diff)
		}
	}
}

// TestRouteLongBranch routes a push to a branch name longer than a word is cut to: the route
// line names the whole branch.
func TestRouteLongBranch(t *testing.T) {
	t.Parallel()
	branch := "hotfix/2026-03-04-checkout-times-out-for-eu-customers"
	push := Trigger{Name: "push", Push: &github.PushEvent{Ref: github.String("refs/heads/" + branch), After: github.String("abc")}}
	got := Route(push, config.Policy{})
	if want := `push to hotfix branch "` + branch + `"`; got.Reason != want {
		t.Errorf("reason %q, want %q", got.Reason, want)
	}
}

func TestWord(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"/status identified", `"/status"`},
		{"", `""`},
		{"  \n::set-output name=x::y\nmore", `"::set-output"`},
		{"/" + string(make([]byte, 40)), `"/\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00…"`},
	}
	for _, tt := range tests {
		if got := word(tt.in); got != tt.want {
			t.Errorf("word(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestRouteCreateActionItems(t *testing.T) {
	t.Parallel()
	mk := func(label, body string) Trigger {
		return Trigger{Name: "issue_comment", IssueComment: &github.IssueCommentEvent{
			Action:  github.String("created"),
			Issue:   &github.Issue{Number: github.Int(9), Labels: []*github.Label{{Name: github.String(label)}}},
			Comment: &github.IssueComment{Body: github.String(body)},
		}}
	}
	p := config.Default()
	if d := Route(mk("postmortem", "/create-action-items"), p); d.Kind != ActionItems {
		t.Errorf("/create-action-items on a postmortem routes to %s (%s), want action-items", d.Kind, d.Reason)
	}
	if d := Route(mk("postmortem", "/create-action-items please"), p); d.Kind != None {
		t.Errorf("a longer comment routes to %s, want none", d.Kind)
	}
	if d := Route(mk("bug", "/create-action-items"), p); d.Kind != None {
		t.Errorf("/create-action-items on a plain issue routes to %s, want none", d.Kind)
	}
	p.Postmortem.Label = "retro"
	if d := Route(mk("retro", "/create-action-items"), p); d.Kind != ActionItems {
		t.Errorf("the policy's postmortem label is not used: %s", d.Kind)
	}
}

func TestRouteIncidentLabel(t *testing.T) {
	t.Parallel()
	mk := func(label string) Trigger {
		return Trigger{Name: "issue_comment", IssueComment: &github.IssueCommentEvent{
			Action:  github.String("created"),
			Issue:   &github.Issue{Number: github.Int(4), Labels: []*github.Label{{Name: github.String(label)}}},
			Comment: &github.IssueComment{Body: github.String("/status identified db")},
		}}
	}
	p := config.Default()
	p.Incident.Label = "sev"
	for _, tc := range []struct {
		label  string
		policy config.Policy
		want   Decision
	}{
		{"sev", p, Decision{Update, []string{"incident update"}, `command "/status" on incident #4`}},
		{"Sev", p, Decision{Update, []string{"incident update"}, `command "/status" on incident #4`}},
		{"incident", p, Decision{None, nil, "issue_comment on #4, which is not labelled sev: nothing to do"}},
		{"incident", config.Policy{}, Decision{Update, []string{"incident update"}, `command "/status" on incident #4`}},
	} {
		if diff := cmp.Diff(Route(mk(tc.label), tc.policy), tc.want); diff != "" {
			t.Errorf("Route(comment on an issue labelled %s, incident.label %q) (-got +want):\n%s", tc.label, tc.policy.Incident.Label, diff)
		}
	}
}

func TestReachable(t *testing.T) {
	t.Parallel()
	pr := func(action string) Trigger {
		return Trigger{PullRequest: &github.PullRequestEvent{Action: github.String(action)}}
	}
	tests := []struct {
		t    Trigger
		k    Kind
		want bool
	}{
		{pr("opened"), Guard, true},
		{pr("closed"), Guard, false},
		{pr("closed"), Merge, true},
		{pr("opened"), Merge, false},
		{Trigger{Push: &github.PushEvent{}}, Guard, true},
		{Trigger{Push: &github.PushEvent{}}, Merge, false},
		{Trigger{Dispatch: &github.WorkflowDispatchEvent{}}, Declare, true},
		{Trigger{IssueComment: &github.IssueCommentEvent{}}, Update, true},
		{Trigger{IssueComment: &github.IssueCommentEvent{}}, ActionItems, true},
		{Trigger{Issues: &github.IssuesEvent{}}, ActionItems, true},
		{Trigger{Issues: &github.IssuesEvent{}}, Update, false},
		{Trigger{Schedule: &ScheduleEvent{}}, Remind, true},
		{Trigger{Schedule: &ScheduleEvent{}}, None, false},
	}
	for i, tt := range tests {
		if got := Reachable(tt.t, tt.k); got != tt.want {
			t.Errorf("case %d: Reachable(%s) = %v, want %v", i, tt.k, got, tt.want)
		}
	}
}
