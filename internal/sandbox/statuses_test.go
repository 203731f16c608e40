package sandbox

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// setStatus creates a commit status or fails the test.
func setStatus(t *testing.T, c *github.Client, sha, name, state string) {
	t.Helper()
	st := &github.RepoStatus{State: github.String(state), Context: github.String(name), Description: github.String(state)}
	if _, _, err := c.Repositories.CreateStatus(t.Context(), "acme", "shop", sha, st); err != nil {
		t.Fatalf("set %s %s on %s: %v", name, state, sha, err)
	}
}

func TestCombinedStatus(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	type set struct{ context, state string }
	tests := []struct {
		name      string
		sets      []set
		wantState string
		wantLast  []string // context:state of the latest per context, oldest first
	}{
		{"none is pending", nil, "pending", []string{}},
		{"all success", []set{{"hotfix/guard", "success"}, {"hotfix/verify", "success"}}, "success", []string{"hotfix/guard:success", "hotfix/verify:success"}},
		{"a pending one", []set{{"hotfix/guard", "success"}, {"hotfix/verify", "pending"}}, "pending", []string{"hotfix/guard:success", "hotfix/verify:pending"}},
		{"a failure wins over pending", []set{{"a", "pending"}, {"b", "failure"}}, "failure", []string{"a:pending", "b:failure"}},
		{"an error is a failure", []set{{"a", "success"}, {"b", "error"}}, "failure", []string{"a:success", "b:error"}},
		{"the latest per context counts", []set{{"hotfix/guard", "failure"}, {"hotfix/guard", "success"}}, "success", []string{"hotfix/guard:success"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sha := pushBranch(t, dir, "status-"+strings.ReplaceAll(tt.name, " ", "-"), map[string]string{tt.name + ".txt": "x\n"})
			for _, s := range tt.sets {
				setStatus(t, c, sha, s.context, s.state)
			}
			combined, _, err := c.Repositories.GetCombinedStatus(t.Context(), "acme", "shop", sha, nil)
			if err != nil {
				t.Fatalf("combined status: %v", err)
			}
			last := []string{}
			for _, st := range combined.Statuses {
				last = append(last, st.GetContext()+":"+st.GetState())
			}
			got := []any{combined.GetState(), combined.GetSHA(), combined.GetTotalCount(), last}
			want := []any{tt.wantState, sha, len(tt.wantLast), tt.wantLast}
			if diff := cmp.Diff(got, want); diff != "" {
				t.Errorf("combined status (-got +want):\n%s", diff)
			}
		})
	}
}

func TestListStatuses(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	sha := runGit(t, dir, "rev-parse", "main")
	for _, state := range []string{"pending", "failure", "success"} {
		setStatus(t, c, sha, "hotfix/guard", state)
	}
	byRef, _, err := c.Repositories.ListStatuses(t.Context(), "acme", "shop", "main", nil)
	if err != nil {
		t.Fatalf("list statuses by branch: %v", err)
	}
	page, resp, err := c.Repositories.ListStatuses(t.Context(), "acme", "shop", sha, &github.ListOptions{PerPage: 2})
	if err != nil {
		t.Fatalf("list statuses by SHA: %v", err)
	}
	states := func(list []*github.RepoStatus) []string {
		out := []string{}
		for _, st := range list {
			out = append(out, st.GetState())
		}
		return out
	}
	got := []any{states(byRef), states(page), resp.NextPage, byRef[0].GetCreator().GetLogin(), byRef[0].GetDescription()}
	want := []any{[]string{"success", "failure", "pending"}, []string{"success", "failure"}, 2, "sandbox-bot", "success"}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("statuses, newest first (-got +want):\n%s", diff)
	}
}

func TestStatusErrors(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	ctx := context.Background()
	sha := runGit(t, dir, "rev-parse", "main")
	create := func(ref, state string) func() error {
		return func() error {
			_, _, err := c.Repositories.CreateStatus(ctx, "acme", "shop", ref, &github.RepoStatus{State: github.String(state)})
			return err
		}
	}
	missing := "0123456789abcdef0123456789abcdef01234567"
	tests := []struct {
		name string
		call func() error
		want apiFailure
	}{
		{"a SHA git lacks", create(missing, "success"), apiFailure{Status: 422, Message: "No commit found for SHA: " + missing}},
		{"a branch name is not a SHA", create("main", "success"), apiFailure{Status: 422, Message: "No commit found for SHA: main"}},
		{"an unknown state", create(sha, "green"), validation(github.Error{Resource: "Status", Field: "state", Code: "custom",
			Message: "state is not included in the list"})},
		{"a short SHA is fine", create(sha[:7], "success"), apiFailure{}},
		{"combined for an unknown ref", func() error {
			_, _, err := c.Repositories.GetCombinedStatus(ctx, "acme", "shop", "nope", nil)
			return err
		}, apiFailure{Status: 404, Message: "Not Found"}},
		{"list for an unknown ref", func() error {
			_, _, err := c.Repositories.ListStatuses(ctx, "acme", "shop", missing, nil)
			return err
		}, apiFailure{Status: 404, Message: "Not Found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(failure(tt.call()), tt.want); diff != "" {
				t.Errorf("(-got +want):\n%s", diff)
			}
		})
	}
}
