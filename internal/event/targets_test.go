package event

import (
	"testing"

	"github.com/google/go-github/v60/github"
)

// TestActionItemsTarget: a /create-action-items comment creates on its issue for its author; an
// action item labelled, closed or reopened syncs the postmortem its body names; anything else
// names no postmortem.
func TestActionItemsTarget(t *testing.T) {
	t.Parallel()
	comment := func(action, body string) Trigger {
		return Trigger{IssueComment: &github.IssueCommentEvent{Action: github.String(action), Issue: &github.Issue{Number: github.Int(7)},
			Comment: &github.IssueComment{Body: github.String(body), User: &github.User{Login: github.String("ada")}}}}
	}
	item := Trigger{Issues: &github.IssuesEvent{Action: github.String("labeled"), Label: &github.Label{Name: github.String("postmortem-action")},
		Issue: &github.Issue{Number: github.Int(9), Body: github.String("Postmortem: #7")}}}
	tests := []struct {
		name          string
		t             Trigger
		action, login string
		number        int
	}{
		{"create", comment("created", "/create-action-items"), "create", "ada", 7},
		{"an edited command", comment("edited", "/create-action-items"), "sync", "", 0},
		{"another comment", comment("created", "/status ok"), "sync", "", 0},
		{"an action item", item, "sync", "", 7},
		{"another label", Trigger{Issues: &github.IssuesEvent{Action: github.String("labeled"), Label: &github.Label{Name: github.String("bug")},
			Issue: &github.Issue{Body: github.String("Postmortem: #7")}}}, "sync", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			action, number, login := tt.t.ActionItemsTarget("postmortem-action")
			if action != tt.action || number != tt.number || login != tt.login {
				t.Errorf("ActionItemsTarget = %s, %d, %q; want %s, %d, %q", action, number, login, tt.action, tt.number, tt.login)
			}
		})
	}
}

// TestGuardRange: a pull request's base and head commits, else the production branch (the
// default when empty) and the pushed commit.
func TestGuardRange(t *testing.T) {
	t.Parallel()
	pr := Trigger{PullRequest: &github.PullRequestEvent{PullRequest: &github.PullRequest{
		Base: &github.PullRequestBranch{SHA: github.String("b1")}, Head: &github.PullRequestBranch{SHA: github.String("h1")}}}}
	push := Trigger{Push: &github.PushEvent{After: github.String("h2")}}
	for _, tc := range []struct {
		t                      Trigger
		production, base, head string
	}{
		{pr, "main", "b1", "h1"},
		{push, "master", "master", "h2"},
		{push, " ", "main", "h2"},
	} {
		if base, head := tc.t.GuardRange(tc.production); base != tc.base || head != tc.head {
			t.Errorf("GuardRange(%q) = %s...%s, want %s...%s", tc.production, base, head, tc.base, tc.head)
		}
	}
}
