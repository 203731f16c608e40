package gh

import (
	"context"
	"fmt"
	"slices"

	"github.com/google/go-github/v60/github"
)

// writePermissions are the permissions, as the collaborator permission API reports them, that
// can write to the repository. The API reports the maintain role as write; maintain is kept
// for a server that reports it as it is.
var writePermissions = []string{"admin", "maintain", "write"}

// Permission is login's permission on the repository: admin, write, read or none. A 404 (the
// login is not a user GitHub knows, or not one the token can see) means none, decided here
// once for every caller; any other error is returned.
// https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user
func Permission(ctx context.Context, c *github.Client, owner, name, login string) (string, error) {
	p, _, err := c.Repositories.GetPermissionLevel(ctx, owner, name, login)
	switch {
	case Kind(err) == NotFound:
		return "none", nil
	case err != nil:
		return "", fmt.Errorf("read the permission of %s: %w", login, Explain(err))
	}
	return p.GetPermission(), nil
}

// CanWrite reports whether a permission from Permission can write to the repository.
func CanWrite(permission string) bool {
	return slices.Contains(writePermissions, permission)
}

// MayWrite reports whether login has write access or above; true when no login is named (a
// person at a terminal, with their own token).
func MayWrite(ctx context.Context, c *github.Client, owner, name, login string) (bool, error) {
	if login == "" {
		return true, nil
	}
	p, err := Permission(ctx, c, owner, name, login)
	return CanWrite(p), err
}
