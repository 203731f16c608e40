// Package hostile runs the toolkit end to end, through cli.Main on the sandbox, with hostile
// input: branch names and texts that try to reach a shell, ping people, break tables, forge the
// toolkit's hidden markers or overflow GitHub's limits, a hotfix that loosens its own policy, and
// a token that must never show. It holds tests only.
package hostile

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// Bot is the login the sandbox's token writes as: the toolkit's identity in these tests.
const bot = "sandbox-bot"

// result is what one run of the binary left: its exit code and everything it wrote.
type result struct {
	code                             int
	stdout, stderr, outputs, summary string
}

// all is every byte of the run's output, for searches.
func (r result) all() string { return r.stdout + r.stderr + r.outputs + r.summary }

// world is a sandbox where alice is a collaborator with write access and mallory is no one,
// served through a recorder that keeps every request and response.
type world struct {
	t     *testing.T
	s     *sandboxtest.Sandbox
	api   string // the API URL the commands use: the recorder's
	token string
	rec   *recorder
}

// newWorld starts a world whose sandbox accepts token.
func newWorld(t *testing.T, token string) *world {
	t.Helper()
	return newFaultyWorld(t, token, "")
}

// newFaultyWorld starts a world whose commands meet the faults in spec (sandbox.ParseFaults).
// Only the commands' requests go through them: the test's own set-up talks to the sandbox
// directly, so a fault on a route strikes the toolkit and not the scene it plays in.
func newFaultyWorld(t *testing.T, token, spec string) *world {
	t.Helper()
	faults, err := sandbox.ParseFaults(spec)
	if err != nil {
		t.Fatal(err)
	}
	s := sandboxtest.Start(t, sandboxtest.Options{Token: token, Users: []string{"alice", "mallory"}})
	s.Server.SetCollaborator("alice", "write")
	h := s.Server.Handler()
	if faults.Enabled() {
		h = sandbox.WithFaults(h, faults)
	}
	rec := &recorder{next: h}
	hs := httptest.NewServer(rec)
	t.Cleanup(hs.Close)
	return &world{t: t, s: s, api: hs.URL + "/", token: token, rec: rec}
}

// vars is the environment of an action step on event name with payload (a file path).
func (w *world) vars(name, payload string, more map[string]string) map[string]string {
	dir := w.t.TempDir()
	v := map[string]string{
		"GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": filepath.Join(dir, "output"), "GITHUB_STEP_SUMMARY": filepath.Join(dir, "summary"),
		"GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": payload, "GITHUB_REPOSITORY": sandboxtest.Owner + "/" + sandboxtest.Name,
		"GITHUB_API_URL": w.api, "GITHUB_TOKEN": w.token, "GITHUB_RUN_ID": "4242", "GITHUB_ACTOR": "alice",
		"GITHUB_SERVER_URL": "https://github.example",
	}
	for k, val := range more {
		v[k] = val
	}
	return v
}

// run runs the binary with args in dir under vars.
func run(t *testing.T, dir string, vars map[string]string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := &cli.Env{Getenv: cli.MapEnv(vars), Stdout: &stdout, Stderr: &stderr, Dir: dir, Now: time.Now}
	code := cli.Main(context.Background(), args, env)
	r := result{code: code, stdout: stdout.String(), stderr: stderr.String()}
	r.outputs, r.summary = readIfSet(vars["GITHUB_OUTPUT"]), readIfSet(vars["GITHUB_STEP_SUMMARY"])
	return r
}

func readIfSet(path string) string {
	if path == "" {
		return ""
	}
	b, _ := os.ReadFile(path)
	return string(b)
}

// writeJSON writes v as an event payload and returns its path.
func writeJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// repoJSON is the payload's repository.
var repoJSON = map[string]any{"name": sandboxtest.Name, "full_name": sandboxtest.Owner + "/" + sandboxtest.Name,
	"owner": map[string]any{"login": sandboxtest.Owner}, "default_branch": "main"}

// prEvent is the pull_request event with action for PR number as the API shows it now.
func (w *world) prEvent(action string, number int) string {
	w.t.Helper()
	pr, _, err := w.s.Client.PullRequests.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, number)
	if err != nil {
		w.t.Fatal(err)
	}
	return writeJSON(w.t, map[string]any{"action": action, "number": number, "pull_request": pr, "repository": repoJSON, "sender": pr.GetUser()})
}

// comment has login post body on issue number, and returns the issue_comment event for it.
func (w *world) comment(login string, number int, body string) string {
	w.t.Helper()
	ctx := context.Background()
	cm, _, err := w.s.As(login).Issues.CreateComment(ctx, sandboxtest.Owner, sandboxtest.Name, number, &github.IssueComment{Body: &body})
	if err != nil {
		w.t.Fatal(err)
	}
	is, _, err := w.s.Client.Issues.Get(ctx, sandboxtest.Owner, sandboxtest.Name, number)
	if err != nil {
		w.t.Fatal(err)
	}
	return writeJSON(w.t, map[string]any{"action": "created", "issue": is, "comment": cm, "repository": repoJSON, "sender": cm.GetUser()})
}

// mustRun runs the binary and fails the test unless it exits with code.
func (w *world) mustRun(code int, vars map[string]string, args ...string) result {
	w.t.Helper()
	r := run(w.t, w.t.TempDir(), vars, args...)
	if r.code != code {
		w.t.Fatalf("hotfix %v: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", args, r.code, code, r.stdout, r.stderr)
	}
	return r
}

// exchange is one request and its response as the recorder saw them.
type exchange struct {
	Method, URL, Status   string
	ReqHeader, RespHeader http.Header
	ReqBody, RespBody     string
}

// recorder keeps every exchange that passes through it to the sandbox.
type recorder struct {
	next http.Handler
	mu   sync.Mutex
	log  []exchange
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	req.Body = io.NopCloser(bytes.NewReader(body))
	rw := httptest.NewRecorder()
	r.next.ServeHTTP(rw, req)
	for k, v := range rw.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rw.Code)
	_, _ = w.Write(rw.Body.Bytes())
	r.mu.Lock()
	defer r.mu.Unlock()
	r.log = append(r.log, exchange{Method: req.Method, URL: req.URL.String(), Status: http.StatusText(rw.Code),
		ReqHeader: req.Header.Clone(), RespHeader: rw.Header().Clone(), ReqBody: string(body), RespBody: rw.Body.String()})
}

// exchanges returns what the recorder has seen so far.
func (r *recorder) exchanges() []exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]exchange(nil), r.log...)
}

// bodies are the bodies of every issue, pull request and comment in the sandbox, keyed by where
// they are, with their authors.
type body struct {
	where, author, text string
}

// allBodies lists every issue and PR body and every comment in the sandbox.
func (w *world) allBodies() []body {
	w.t.Helper()
	ctx := context.Background()
	var out []body
	issues, _, err := w.s.Client.Issues.ListByRepo(ctx, sandboxtest.Owner, sandboxtest.Name, &github.IssueListByRepoOptions{State: "all", ListOptions: github.ListOptions{PerPage: 100}})
	if err != nil {
		w.t.Fatal(err)
	}
	for _, is := range issues {
		where := "#" + strconv.Itoa(is.GetNumber())
		out = append(out, body{where: where, author: is.GetUser().GetLogin(), text: is.GetBody()})
		cms, _, err := w.s.Client.Issues.ListComments(ctx, sandboxtest.Owner, sandboxtest.Name, is.GetNumber(), &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}})
		if err != nil {
			w.t.Fatal(err)
		}
		for _, cm := range cms {
			out = append(out, body{where: where + " comment " + strconv.FormatInt(cm.GetID(), 10), author: cm.GetUser().GetLogin(), text: cm.GetBody()})
		}
	}
	return out
}
