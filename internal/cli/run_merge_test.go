package cli

import (
	"context"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// mergedPayload writes GitHub's webhook example for a merged hotfix PR, with its pull request
// and repository replaced by the sandbox's, and returns the file's path.
func mergedPayload(t *testing.T, pr *github.PullRequest) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(payloadDir, "pull_request.closed.merged-hotfix.json"))
	if err != nil {
		t.Fatal(err)
	}
	var payload map[string]any
	if err := json.Unmarshal(raw, &payload); err != nil {
		t.Fatal(err)
	}
	prJSON, err := json.Marshal(pr)
	if err != nil {
		t.Fatal(err)
	}
	var prMap map[string]any
	if err := json.Unmarshal(prJSON, &prMap); err != nil {
		t.Fatal(err)
	}
	payload["pull_request"], payload["number"] = prMap, pr.GetNumber()
	repo := payload["repository"].(map[string]any)
	repo["name"], repo["full_name"] = sandboxtest.Name, sandboxtest.Owner+"/"+sandboxtest.Name
	repo["owner"].(map[string]any)["login"] = sandboxtest.Owner
	out, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRunMergeEndToEnd runs `hotfix run` as the container action would, on the merge event of a
// squash-merged hotfix whose branch was deleted, against the sandbox; then runs it again.
func TestRunMergeEndToEnd(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	pr := sandboxtest.MergedHotfix(t, s, "squash", "Incident: #5")
	vars := actionVars(t, map[string]string{
		"GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": mergedPayload(t, pr),
		"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token,
	})
	s.Server.ResetRequests()
	got := run(t, t.TempDir(), vars, "run")
	if got.code != ExitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	if n := s.Requests(); n != 15 { // 12, plus POST /graphql for the identity and the incident's comments, and the find of an incident's postmortem
		t.Errorf("hotfix run on the merge made %d requests, want 12 as README states, plus 3 for the named incident: %v", n, s.Server.Requests())
	}
	for _, want := range []string{"::add-mask::" + sandboxtest.Token, "tag         v1.2.4 created (previous v1.2.3)", "warning     incident: #5, named by the PR as its incident, does not exist", "backport    #2 to develop created", "postmortem  #3 created"} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, got.stdout)
		}
	}
	for _, want := range []string{"tag<<", "v1.2.4", "backport_prs<<", "postmortem_issue<<"} {
		if !strings.Contains(got.outputs, want) {
			t.Errorf("outputs lack %q:\n%s", want, got.outputs)
		}
	}
	if !strings.Contains(got.summary, "| Tag | `v1.2.4` created") {
		t.Errorf("summary:\n%s", got.summary)
	}
	if strings.Count(strings.ReplaceAll(got.stdout, "::add-mask::"+sandboxtest.Token+"\n", "")+got.stderr+got.summary+got.outputs, sandboxtest.Token) != 0 {
		t.Errorf("the token appears outside its mask command:\n%s", got.stdout)
	}

	again := run(t, t.TempDir(), actionVars(t, map[string]string{
		"GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": vars["GITHUB_EVENT_PATH"],
		"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token,
	}), "run")
	if again.code != ExitOK || !strings.Contains(again.stdout, "v1.2.4 already there") {
		t.Errorf("rerun: exit %d\n%s%s", again.code, again.stdout, again.stderr)
	}
	issues, _, err := s.Client.Issues.ListByRepo(context.Background(), sandboxtest.Owner, sandboxtest.Name, &github.IssueListByRepoOptions{State: "all"})
	if err != nil {
		t.Fatal(err)
	}
	if len(issues) != 3 { // the hotfix PR, the backport PR, the postmortem
		t.Errorf("%d issues and PRs after a rerun, want 3", len(issues))
	}
}

// TestRunMergeDryRunJSON: `hotfix run --dry-run --json` on a merged hotfix PR prints one JSON
// document with the tag, the backport targets and the postmortem action, and sends GitHub only
// GETs; after the real run, the plan says the tag is there and the postmortem would be refreshed.
func TestRunMergeDryRunJSON(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	pr := sandboxtest.MergedHotfix(t, s, "squash", "")
	vars := actionVars(t, map[string]string{
		"GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": mergedPayload(t, pr),
		"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token,
	})
	plan := func() map[string]any {
		t.Helper()
		s.Server.ResetRequests()
		got := run(t, t.TempDir(), vars, "run", "--dry-run", "--json")
		if got.code != ExitOK {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
		}
		assertOnlyGETs(t, s)
		dec := json.NewDecoder(strings.NewReader(got.stdout))
		var doc map[string]any
		if err := dec.Decode(&doc); err != nil || dec.More() {
			t.Fatalf("stdout is not one JSON document (%v):\n%s", err, got.stdout)
		}
		return doc
	}
	first := plan()
	want := map[string]any{"route": "merge", "dry_run": true}
	for k, v := range want {
		if first[k] != v {
			t.Errorf("%s = %v, want %v", k, first[k], v)
		}
	}
	p, _ := first["plan"].(map[string]any)
	tag, _ := p["tag"].(map[string]any)
	bps, _ := p["backports"].([]any)
	pm, _ := p["postmortem"].(map[string]any)
	if tag["tag"] != "v1.2.4" || tag["exists"] != false || len(bps) != 1 || bps[0].(map[string]any)["target"] != "develop" || pm["action"] != "open" {
		t.Errorf("plan = %v; want v1.2.4 to make, a backport to develop, a postmortem to open", p)
	}
	if got := run(t, t.TempDir(), vars, "run"); got.code != ExitOK {
		t.Fatalf("the real run: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	again := plan()["plan"].(map[string]any)
	againPM := again["postmortem"].(map[string]any)
	if again["tag"].(map[string]any)["exists"] != true || againPM["action"] != "refresh" || againPM["unchecked"] != true {
		t.Errorf("plan after the run = %v; want the tag there and the marked postmortem to refresh, its author unchecked", again)
	}
}

// assertOnlyGETs fails the test for every request in the sandbox's log that is not a GET.
func assertOnlyGETs(t *testing.T, s *sandboxtest.Sandbox) {
	t.Helper()
	if len(s.Server.RequestLog()) == 0 {
		t.Error("the sandbox logged no request")
	}
	for _, r := range s.Server.RequestLog() {
		if r.Method != "GET" {
			t.Errorf("the dry run sent %s %s", r.Method, r.Path)
		}
	}
}

// TestRunMergeDryRunGETsOnly: with a marked postmortem there and a PR that names its incident,
// the dry run sends only GETs. The identity input names the toolkit's login, so the postmortem's
// author is checked and the incident's log read; without it, the plan says what it did not check.
func TestRunMergeDryRunGETsOnly(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	pr := sandboxtest.MergedHotfix(t, s, "squash", "Incident: #1")
	vars := actionVars(t, map[string]string{
		"GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": mergedPayload(t, pr),
		"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token,
	})
	if got := run(t, t.TempDir(), vars, "run"); got.code != ExitOK {
		t.Fatalf("the real run: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	for _, tt := range []struct {
		identity       string
		wantUnchecked  bool
		wantTextSuffix string
	}{
		{"", true, "if the toolkit wrote it (a dry run does not ask GitHub who the toolkit is; the identity input names it)"},
		{"sandbox-bot", false, `"Incident Postmortem: Fix login timeout"`},
	} {
		v := maps.Clone(vars)
		v["INPUT_IDENTITY"] = tt.identity
		s.Server.ResetRequests()
		got := run(t, t.TempDir(), v, "run", "--dry-run")
		if got.code != ExitOK {
			t.Fatalf("identity %q: exit %d\n%s%s", tt.identity, got.code, got.stdout, got.stderr)
		}
		assertOnlyGETs(t, s)
		if !strings.Contains(got.stdout, "would refresh  postmortem #") || strings.Contains(got.stdout, tt.wantTextSuffix+"\n") != true {
			t.Errorf("identity %q: the plan does not end its postmortem line with %q:\n%s", tt.identity, tt.wantTextSuffix, got.stdout)
		}
		if unread := strings.Contains(got.stdout, "its log is not read"); unread != tt.wantUnchecked {
			t.Errorf("identity %q: the plan says the incident's log is unread: %v, want %v:\n%s", tt.identity, unread, tt.wantUnchecked, got.stdout)
		}
	}
}
