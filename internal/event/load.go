package event

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrPayload marks an event payload that is missing, unreadable or invalid. Load's errors match
// it or ErrEnv with errors.Is; both are the runner's setup being wrong, not a failed check.
var ErrPayload = errors.New("event payload")

// ErrEnv marks a runner variable that is missing or malformed.
var ErrEnv = errors.New("runner environment")

// maxPayload is the largest payload Load accepts, in bytes. GitHub caps webhook payloads at 25 MB.
const maxPayload = 25 << 20

// Load reads the runner's GITHUB_* variables through getenv and the payload file named by
// GITHUB_EVENT_PATH through readFile, and parses the payload once into its typed event. The
// variables are described at
// https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
func Load(getenv func(string) string, readFile func(string) ([]byte, error)) (Trigger, error) {
	t, err := fromEnv(getenv)
	if err != nil {
		return Trigger{}, err
	}
	payload, err := readPayload(t, readFile)
	if err != nil {
		return Trigger{}, err
	}
	if err := t.parse(payload); err != nil {
		return Trigger{}, fmt.Errorf("%w %s for event %s: %w", ErrPayload, t.Path, t.Name, err)
	}
	if t.Repo == (Repo{}) {
		t.Repo = t.payloadRepo()
	}
	if t.Repo == (Repo{}) {
		return Trigger{}, fmt.Errorf("%w: GITHUB_REPOSITORY is not set and the payload names no repository", ErrEnv)
	}
	return t, nil
}

// fromEnv reads the runner variables.
func fromEnv(getenv func(string) string) (Trigger, error) {
	t := Trigger{
		Name:      strings.TrimSpace(getenv("GITHUB_EVENT_NAME")),
		Path:      getenv("GITHUB_EVENT_PATH"),
		Actor:     getenv("GITHUB_ACTOR"),
		SHA:       getenv("GITHUB_SHA"),
		Ref:       getenv("GITHUB_REF"),
		APIURL:    baseURL(getenv("GITHUB_API_URL"), DefaultAPIURL),
		ServerURL: baseURL(getenv("GITHUB_SERVER_URL"), DefaultServerURL),
		Workspace: getenv("GITHUB_WORKSPACE"),
	}
	if t.Name == "" {
		return Trigger{}, fmt.Errorf("%w: GITHUB_EVENT_NAME is not set; run inside a workflow, or set it to the event name (push, pull_request, …)", ErrEnv)
	}
	if t.Path == "" {
		return Trigger{}, fmt.Errorf("%w: GITHUB_EVENT_PATH is not set; it names the %s payload file", ErrEnv, t.Name)
	}
	var errs []error
	var err error
	if t.Repo, err = parseRepo(getenv("GITHUB_REPOSITORY")); err != nil {
		errs = append(errs, err)
	}
	if t.RunID, err = parseRunID(getenv("GITHUB_RUN_ID")); err != nil {
		errs = append(errs, err)
	}
	return t, errors.Join(errs...)
}

// parseRepo splits GITHUB_REPOSITORY; an empty value gives the zero Repo, filled from the
// payload later.
func parseRepo(s string) (Repo, error) {
	if s == "" {
		return Repo{}, nil
	}
	owner, name, ok := strings.Cut(s, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return Repo{}, fmt.Errorf("%w: GITHUB_REPOSITORY=%q is not owner/name", ErrEnv, s)
	}
	return Repo{Owner: owner, Name: name}, nil
}

// parseRunID reads GITHUB_RUN_ID, which may be unset outside a runner.
func parseRunID(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 0 {
		return 0, fmt.Errorf("%w: GITHUB_RUN_ID=%q is not a run number", ErrEnv, s)
	}
	return id, nil
}

// readPayload reads the payload file and checks that it holds a JSON object.
func readPayload(t Trigger, readFile func(string) ([]byte, error)) ([]byte, error) {
	data, err := readFile(t.Path)
	if err != nil {
		return nil, fmt.Errorf("%w %s for event %s: %w", ErrPayload, t.Path, t.Name, err)
	}
	if len(data) > maxPayload {
		return nil, fmt.Errorf("%w %s for event %s: %d bytes is more than the %d GitHub sends", ErrPayload, t.Path, t.Name, len(data), maxPayload)
	}
	if trimmed := bytes.TrimSpace(data); len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, fmt.Errorf("%w %s for event %s: not a JSON object", ErrPayload, t.Path, t.Name)
	}
	return data, nil
}

// baseURL returns the URL s without a trailing slash, or def when s is empty.
func baseURL(s, def string) string {
	if s == "" {
		return def
	}
	return strings.TrimRight(s, "/")
}
