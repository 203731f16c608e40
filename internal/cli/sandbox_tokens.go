package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
)

// repeated is a flag that may be given more than once; it keeps every value in order.
type repeated []string

func (r *repeated) String() string { return strings.Join(*r, ",") }

// Set adds one value.
func (r *repeated) Set(v string) error {
	*r = append(*r, v)
	return nil
}

// sandboxRoles are the roles --collaborator accepts.
var sandboxRoles = []string{"read", "triage", "write", "maintain", "admin"}

// credentials reads every --token; at least one is required.
func (c *sandboxCmd) credentials() ([]sandbox.Credential, error) {
	if len(c.tokens) == 0 {
		return nil, errors.New("--token: the token clients must send is required (SECRET, user:LOGIN=SECRET, app:SLUG=SECRET or actions=SECRET)")
	}
	var creds []sandbox.Credential
	var errs []error
	for _, spec := range c.tokens {
		cred, err := sandbox.ParseCredential(spec, "")
		if err != nil {
			errs = append(errs, fmt.Errorf("--token: %w", err))
		}
		creds = append(creds, cred)
	}
	return creds, errors.Join(errs...)
}

// roles reads every --collaborator LOGIN=ROLE.
func (c *sandboxCmd) roles() (map[string]string, error) {
	out := map[string]string{}
	var errs []error
	for _, spec := range c.collaborators {
		login, role, ok := strings.Cut(spec, "=")
		if !ok || login == "" || !slices.Contains(sandboxRoles, role) {
			errs = append(errs, fmt.Errorf("--collaborator %q: want LOGIN=ROLE, ROLE one of %s", spec, strings.Join(sandboxRoles, ", ")))
			continue
		}
		out[login] = role
	}
	return out, errors.Join(errs...)
}
