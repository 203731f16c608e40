package sandbox

import (
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// roleNames are the roles parseRoles accepts.
var roleNames = []string{"read", "triage", "write", "maintain", "admin"}

// parseCredentials reads every --token value (see ParseCredential); at least one is required.
func parseCredentials(specs []string) ([]Credential, error) {
	if len(specs) == 0 {
		return nil, errors.New("--token: the token clients must send is required (SECRET, user:LOGIN=SECRET, app:SLUG=SECRET or actions=SECRET)")
	}
	var creds []Credential
	var errs []error
	for _, spec := range specs {
		cred, err := ParseCredential(spec, "")
		if err != nil {
			errs = append(errs, fmt.Errorf("--token: %w", err))
		}
		creds = append(creds, cred)
	}
	return creds, errors.Join(errs...)
}

// parseRoles reads every --collaborator LOGIN=ROLE into Options.Collaborators.
func parseRoles(specs []string) (map[string]string, error) {
	out := map[string]string{}
	var errs []error
	for _, spec := range specs {
		login, role, ok := strings.Cut(spec, "=")
		if !ok || login == "" || !slices.Contains(roleNames, role) {
			errs = append(errs, fmt.Errorf("--collaborator %q: want LOGIN=ROLE, ROLE one of %s", spec, strings.Join(roleNames, ", ")))
			continue
		}
		out[login] = role
	}
	return out, errors.Join(errs...)
}

// parseRateLimit reads --rate-limit: a positive number of requests an hour, written N/h.
func parseRateLimit(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSuffix(v, "/h"))
	if err != nil || n < 1 || !strings.HasSuffix(v, "/h") {
		return 0, fmt.Errorf("--rate-limit %q: want a positive number of requests an hour, N/h, such as 5000/h", v)
	}
	return n, nil
}

// Flags are the options of `hotfix sandbox` as given, paths resolved, before they are checked.
type Flags struct {
	Repo, Name, Addr, Faults, State, RateLimit string
	Tokens, Collaborators                      []string
	Public                                     bool
}

// Options checks every flag and joins the problems into one error; Clock and Logf are left to
// the caller.
func (f Flags) Options() (Options, error) {
	var errs []error
	owner, name, ok := strings.Cut(f.Name, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		errs = append(errs, fmt.Errorf("--name %q: want OWNER/REPO, such as acme/shop", f.Name))
	}
	if f.Repo == "" {
		errs = append(errs, errors.New("--repo: a path for the bare repository is required"))
	}
	creds, err := parseCredentials(f.Tokens)
	errs = append(errs, err)
	collaborators, err := parseRoles(f.Collaborators)
	errs = append(errs, err)
	if _, _, err := net.SplitHostPort(f.Addr); err != nil {
		errs = append(errs, fmt.Errorf("--addr %q: want HOST:PORT, such as 127.0.0.1:0", f.Addr))
	}
	faults, err := ParseFaults(f.Faults)
	if err != nil {
		errs = append(errs, fmt.Errorf("--faults: %w", err))
	}
	limit, err := parseRateLimit(f.RateLimit)
	errs = append(errs, err)
	dir, _ := filepath.Abs(f.Repo)
	return Options{Dir: dir, Owner: owner, Name: name, Tokens: creds, Collaborators: collaborators, Public: f.Public,
		StateFile: f.State, Faults: faults, RateLimit: limit}, errors.Join(errs...)
}
