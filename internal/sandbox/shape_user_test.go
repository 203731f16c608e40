package sandbox

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAccountFor(t *testing.T) {
	t.Parallel()
	srv, _, _ := newTestSandbox(t)
	tests := []struct {
		email string
		want  string // the login, "" for null
	}{
		{"test@example.com", ""},
		{"octocat@users.noreply.github.com", "octocat"},
		{"583231+octocat@users.noreply.github.com", "octocat"},
		{"Octocat@Users.NoReply.GitHub.com", "Octocat"},
		{"noreply@github.com", "web-flow"},
		{"@users.noreply.github.com", ""},
		{"octocat@users.noreply.github.com.evil.example", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.email, func(t *testing.T) {
			t.Parallel()
			got := srv.accountFor(tt.email).GetLogin()
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("accountFor(%q) (-got +want):\n%s", tt.email, diff)
			}
		})
	}
}

func TestCollaboratorPermissions(t *testing.T) {
	t.Parallel()
	srv, _, _ := newTestSandbox(t)
	tests := []struct {
		role string
		want map[string]bool
	}{
		{"admin", map[string]bool{"admin": true, "maintain": true, "push": true, "triage": true, "pull": true}},
		{"write", map[string]bool{"admin": false, "maintain": false, "push": true, "triage": true, "pull": true}},
		{"read", map[string]bool{"admin": false, "maintain": false, "push": false, "triage": false, "pull": true}},
		{"none", map[string]bool{"admin": false, "maintain": false, "push": false, "triage": false, "pull": false}},
	}
	for _, tt := range tests {
		t.Run(tt.role, func(t *testing.T) {
			t.Parallel()
			u := srv.collaborator("octocat", tt.role)
			if diff := cmp.Diff(u.Permissions, tt.want); diff != "" {
				t.Errorf("permissions of %s (-got +want):\n%s", tt.role, diff)
			}
			if got := u.GetRoleName(); got != tt.role {
				t.Errorf("role_name %q, want %q", got, tt.role)
			}
		})
	}
}
