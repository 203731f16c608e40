package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// state is everything the sandbox keeps that git does not: issues, pull requests, comments,
// labels, statuses, releases, dispatches, workflow runs, deployments and collaborators. It is saved as JSON after each write
// when Options.StateFile is set.
type state struct {
	// NextNumber is the number the next issue or pull request gets; they share one sequence.
	NextNumber int `json:"next_number"`
	// NextID is the id the next object of any kind gets.
	NextID        int64                   `json:"next_id"`
	Issues        map[int]*issueRecord    `json:"issues"`
	Comments      []*commentRecord        `json:"comments"`
	Labels        map[string]*labelRecord `json:"labels"`
	Statuses      []*statusRecord         `json:"statuses"`
	Releases      []*releaseRecord        `json:"releases"`
	Dispatches    []*dispatchRecord       `json:"dispatches"`
	Runs          []*runRecord            `json:"workflow_runs,omitempty"`
	Deployments   []*deploymentRecord     `json:"deployments,omitempty"`
	DeployStates  []*deployStatusRecord   `json:"deployment_statuses,omitempty"`
	Collaborators map[string]string       `json:"collaborators"`
	IssueEvents   []*issueEventRecord     `json:"issue_events,omitempty"`
	// Created is when the repository was first served, for its created_at.
	Created time.Time `json:"created"`
}

// newState is the state of a fresh repository, GitHub's default labels included.
func newState() *state {
	st := &state{NextNumber: 1, NextID: 1}
	st.fillMaps()
	st.seedDefaultLabels()
	return st
}

// loadState reads path, or starts afresh when path is empty or does not exist yet.
func loadState(path string) (*state, error) {
	st := newState()
	if path == "" {
		return st, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read sandbox state: %w", err)
	}
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("read sandbox state %s: %w", path, err)
	}
	st.fillMaps()
	return st, nil
}

// fillMaps makes the maps that a state file may leave out.
func (st *state) fillMaps() {
	st.Issues = orEmpty(st.Issues)
	st.Labels = orEmpty(st.Labels)
	st.Collaborators = orEmpty(st.Collaborators)
}

// orEmpty returns m, or an empty map when m is nil.
func orEmpty[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return map[K]V{}
	}
	return m
}

// save writes the state to path atomically: a temporary file in the same directory, then a rename.
func (st *state) save(path string) error {
	if path == "" {
		return nil
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("encode sandbox state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".sandbox-state-*")
	if err != nil {
		return fmt.Errorf("write sandbox state %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write sandbox state %s: %w", path, err)
	}
	return nil
}

// created is the repository's creation time, set to now the first time it is asked for.
func (st *state) created(now time.Time) time.Time {
	if st.Created.IsZero() {
		st.Created = now
	}
	return st.Created
}

// nextID takes the next id from the one sequence every object shares.
func (s *Server) nextID() int64 {
	id := s.st.NextID
	s.st.NextID++
	return id
}

// now is the server-side time: UTC, whole seconds, as GitHub's timestamps are.
func (s *Server) now() time.Time {
	return s.opts.Clock().UTC().Truncate(time.Second)
}

// apiURL is an absolute API URL for the request being served. A path that starts with "/" is
// taken from the root (apiURL("/users/%s", login)); any other is under the repository
// (apiURL("issues/%d", 1) is http://HOST/repos/OWNER/REPO/issues/1).
func (s *Server) apiURL(format string, args ...any) string {
	return s.under("/repos/"+s.opts.Owner+"/"+s.opts.Name, format, args...)
}

// htmlURL is the web URL of the same thing: htmlURL("pull/%d", 1) is http://HOST/OWNER/REPO/pull/1.
func (s *Server) htmlURL(format string, args ...any) string {
	return s.under("/"+s.opts.Owner+"/"+s.opts.Name, format, args...)
}

// under formats a path and makes it absolute, under prefix unless it starts with "/".
func (s *Server) under(prefix, format string, args ...any) string {
	p := fmt.Sprintf(format, args...)
	switch {
	case strings.HasPrefix(p, "/"):
		return s.base + p
	case p == "":
		return s.base + prefix
	default:
		return s.base + prefix + "/" + p
	}
}

// user is the GitHub user called login, with a stable id derived from the login.
func (s *Server) user(login string) *github.User {
	id := userID(login)
	u := s.apiURL("/users/%s", login)
	return s.asBot(&github.User{
		Login:     github.String(login),
		ID:        github.Int64(id),
		NodeID:    github.String(nodeIDFor("U", id)),
		Type:      github.String("User"),
		SiteAdmin: github.Bool(false),
		URL:       github.String(u),
		HTMLURL:   github.String(s.htmlURL("/%s", login)),
		AvatarURL: github.String(s.htmlURL("/%s.png", login)),
		// The rest of simple-user's required fields, as GitHub fills them.
		GravatarID: github.String(""), FollowersURL: github.String(u + "/followers"),
		FollowingURL: github.String(u + "/following{/other_user}"), GistsURL: github.String(u + "/gists{/gist_id}"),
		StarredURL: github.String(u + "/starred{/owner}{/repo}"), SubscriptionsURL: github.String(u + "/subscriptions"),
		OrganizationsURL: github.String(u + "/orgs"), ReposURL: github.String(u + "/repos"),
		EventsURL: github.String(u + "/events{/privacy}"), ReceivedEventsURL: github.String(u + "/received_events"),
	})
}

// userID is the stable id of the user called login, derived from the login.
func userID(login string) int64 {
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(login)))
	return int64(h.Sum32()%9_000_000) + 1_000_000
}

// nodeIDFor is a GraphQL-style node id for an object of kind with id.
func nodeIDFor(kind string, id int64) string {
	return fmt.Sprintf("%s_kwDO%08d", kind, id)
}
