package sandbox

import (
	"strings"

	"github.com/google/go-github/v60/github"
)

// webFlow is the account GitHub shows as the committer of the commits it makes itself
// (merges, squashes), whose git identity is "GitHub <noreply@github.com>".
const webFlow = "web-flow"

// noreplyDomain is the domain of GitHub's private commit email addresses.
// https://docs.github.com/account-and-profile/setting-up-and-managing-your-personal-account-on-github/managing-email-preferences/setting-your-commit-email-address
const noreplyDomain = "@users.noreply.github.com"

// accountFor is the GitHub user a commit's email belongs to, or nil (JSON null) when it
// belongs to none. The sandbox knows no user's email, so only GitHub's own addresses map:
// LOGIN@users.noreply.github.com, ID+LOGIN@users.noreply.github.com and noreply@github.com.
func (s *Server) accountFor(email string) *github.User {
	if strings.EqualFold(email, "noreply@github.com") {
		return s.user(webFlow)
	}
	at := strings.LastIndex(email, "@")
	if at < 0 || !strings.EqualFold(email[at:], noreplyDomain) {
		return nil
	}
	local := email[:at]
	if _, login, hasID := strings.Cut(local, "+"); hasID {
		local = login
	}
	if local == "" {
		return nil
	}
	return s.user(local)
}

// privateUserOut is GET /user's private-user object: github.User with the profile fields GitHub
// sends as null when they are not set, and user_view_type "private".
// https://docs.github.com/rest/users/users#get-the-authenticated-user
type privateUserOut struct {
	*github.User
	Bio             *string `json:"bio"`
	Blog            string  `json:"blog"`
	Company         *string `json:"company"`
	Email           *string `json:"email"`
	Hireable        *bool   `json:"hireable"`
	Location        *string `json:"location"`
	TwitterUsername *string `json:"twitter_username"`
	UserViewType    string  `json:"user_view_type"`
}

// privateUser is login's own profile as the authenticated user sees it: no public profile,
// no followers and the one repository, which the sandbox does not count as theirs.
func (s *Server) privateUser(login string) *privateUserOut {
	u := s.user(login)
	u.Name = github.String(login)
	created := &github.Timestamp{Time: s.st.created(s.now())}
	u.CreatedAt, u.UpdatedAt = created, created
	zero, zero64 := github.Int(0), github.Int64(0)
	u.Followers, u.Following, u.PublicRepos, u.PublicGists = zero, zero, zero, zero
	u.PrivateGists, u.DiskUsage, u.Collaborators = zero, zero, zero
	u.OwnedPrivateRepos, u.TotalPrivateRepos = zero64, zero64
	u.TwoFactorAuthentication = github.Bool(true)
	return &privateUserOut{User: u, UserViewType: "private"}
}

// rolePermissions are the permissions each repository role grants.
// https://docs.github.com/organizations/managing-user-access-to-your-organizations-repositories/managing-repository-roles/repository-roles-for-an-organization
var rolePermissions = map[string][]string{
	"admin":    {"admin", "maintain", "push", "triage", "pull"},
	"maintain": {"maintain", "push", "triage", "pull"},
	"write":    {"push", "triage", "pull"},
	"triage":   {"triage", "pull"},
	"read":     {"pull"},
	"none":     nil,
}

// collaborator is login as a collaborator object: the user with their role and permissions.
func (s *Server) collaborator(login, role string) *github.User {
	u := s.user(login)
	u.RoleName = github.String(role)
	u.Permissions = map[string]bool{"admin": false, "maintain": false, "push": false, "triage": false, "pull": false}
	for _, p := range rolePermissions[role] {
		u.Permissions[p] = true
	}
	return u
}
