package hostile

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// forgedLog is a log entry that mallory writes by hand, hoping the toolkit takes it for its own.
const forgedLog = `<!-- hotfix:log {"v":1,"type":"resolved","text":"forged by mallory"} -->`

// shellBranch is a valid branch name that runs `touch canary` three ways if any shell ever sees it.
func shellBranch(canary string) string {
	return "hotfix/$(touch${IFS}" + canary + ")`touch${IFS}" + canary + "`;touch${IFS}" + canary
}

// hostileText is a title or comment that pings a team, breaks tables, forges a marker and tries
// the shell.
func hostileText(canary string) string {
	return "Fix @org/team | checkout " + forgedLog + " $(touch " + canary + ") `touch " + canary + "`"
}

// Long texts: 70,000 characters for inputs, and for comments and PR bodies, which GitHub itself
// caps at 65,536, 64,000, so that the toolkit's own words take its bodies over the limit.
var (
	long70k = strings.Repeat("long text ", 7000)
	long    = strings.Repeat("long text ", 6400)
)

// story is the state of a hostile incident played through `hotfix run`.
type story struct {
	*world
	canary  string
	branch  string
	pr      int
	results []result
}

// setUp puts the policy and a service on main with tag v1.2.3, and a develop whose change to
// the same line makes the backport conflict.
func (st *story) setUp() {
	lines := gittest.Lines("svc", 30)
	st.s.Push("main", map[string]string{".github/hotfix.yml": "guard:\n  max_lines: 20\n", "svc.txt": lines})
	st.s.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", "main")
	st.s.Push("develop", map[string]string{"svc.txt": strings.Replace(lines, "svc line 1\n", "svc line 1 on develop\n", 1)}, "main")
}

// act runs `hotfix run` on an event and keeps the result.
func (st *story) act(code int, name, payload string) result {
	st.t.Helper()
	r := st.mustRun(code, st.vars(name, payload, nil), "run")
	st.results = append(st.results, r)
	return r
}

// TestHostileStory plays an incident from declaration to resolution with hostile text
// everywhere, a branch name built to run a shell command, a forged log entry and a look-alike
// postmortem, then checks what the toolkit wrote.
func TestHostileStory(t *testing.T) {
	t.Parallel()
	st := &story{world: newWorld(t, sandboxtest.Token), canary: filepath.Join(t.TempDir(), "canary")}
	st.branch = shellBranch(st.canary)
	st.setUp()
	hostile := hostileText(st.canary)

	st.act(cli.ExitOK, "workflow_dispatch", writeJSON(t, map[string]any{"ref": "refs/heads/main", "repository": repoJSON,
		"sender": map[string]any{"login": "alice"}, "inputs": map[string]any{"title": hostile, "severity": "P1",
			"service": "checkout | @org/team", "impact": hostile + "\n" + long70k, "commander": "alice"}}))
	st.plantForgeries()
	st.act(cli.ExitOK, "issue_comment", st.comment("alice", 1, "/status identified "+hostile+"\n"+long))
	st.act(cli.ExitOK, "issue_comment", st.comment("mallory", 1, "/resolve "+hostile))
	st.checkRecord(incident.Identified)

	st.s.Push(st.branch, map[string]string{"svc.txt": strings.Replace(gittest.Lines("svc", 30), "svc line 1\n", "svc line 1 fixed\n", 1)}, "main")
	st.openPR(hostile)
	st.act(cli.ExitOK, "pull_request", st.prEvent("opened", st.pr))
	st.merge()
	merged := st.act(cli.ExitFailed, "pull_request", st.prEvent("closed", st.pr)) // the backport conflicts: a red run
	if !strings.Contains(merged.all(), "conflict") {
		t.Errorf("the merge run does not name the conflict:\n%s", merged.all())
	}
	st.act(cli.ExitOK, "issue_comment", st.comment("alice", 1, "/resolve "+hostile))
	st.checkRecord(incident.Resolved)

	st.checkNoShell()
	st.checkBodies()
	st.checkOnePostmortem()
	st.checkConflictCommands()
}

// plantForgeries has mallory post a forged log entry on the incident and open a look-alike of
// its postmortem, labelled and marked like the real one.
func (st *story) plantForgeries() {
	st.t.Helper()
	st.comment("mallory", 1, forgedLog+"\nResolved.")
	title, body, labels := "Incident Postmortem: fake", "<!-- hotfix:postmortem incident=1 -->\nfake", []string{"postmortem"}
	if _, _, err := st.s.As("mallory").Issues.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.IssueRequest{Title: &title, Body: &body, Labels: &labels}); err != nil {
		st.t.Fatal(err)
	}
}

// checkRecord loads the incident's log as the toolkit does and checks its state, and that
// nothing mallory wrote is in it.
func (st *story) checkRecord(state string) {
	st.t.Helper()
	r, err := incident.Load(context.Background(), st.s.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, 1, bot)
	if err != nil {
		st.t.Fatal(err)
	}
	if r.State != state {
		st.t.Errorf("incident state = %q, want %q", r.State, state)
	}
	for _, e := range r.Entries {
		if e.Author != bot || e.Text == "forged by mallory" {
			st.t.Errorf("the record holds an entry by %s: %+v", e.Author, e)
		}
	}
}

// openPR opens the hotfix PR from the hostile branch, naming the incident.
func (st *story) openPR(title string) {
	st.t.Helper()
	body, base := "Incident: #1\n\n"+title+"\n"+long, "main"
	pr, _, err := st.s.As("alice").PullRequests.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.NewPullRequest{Title: &title, Head: &st.branch, Base: &base, Body: &body})
	if err != nil {
		st.t.Fatal(err)
	}
	st.pr = pr.GetNumber()
}

// merge merges the hotfix PR as a person would on GitHub.
func (st *story) merge() {
	st.t.Helper()
	if _, _, err := st.s.Client.PullRequests.Merge(context.Background(), sandboxtest.Owner, sandboxtest.Name, st.pr, "", &github.PullRequestOptions{MergeMethod: "merge"}); err != nil {
		st.t.Fatal(err)
	}
}

// checkNoShell: the canary that any shell would have made does not exist.
func (st *story) checkNoShell() {
	st.t.Helper()
	if _, err := os.Stat(st.canary); !os.IsNotExist(err) {
		st.t.Errorf("a shell ran hostile text: %s exists (%v)", st.canary, err)
	}
}

// checkBodies checks every body the toolkit wrote, and every step summary: no pings but the
// commander's, a reply's addressee's and its own, tables intact, no forged marker copied raw, within GitHub's limit,
// and the long texts cut with the note.
func (st *story) checkBodies() {
	st.t.Helper()
	cut := 0
	texts := st.allBodies()
	for i, r := range st.results {
		texts = append(texts, body{where: "step summary " + string(rune('0'+i)), author: bot, text: r.summary})
	}
	for _, b := range texts {
		if b.author != bot {
			continue
		}
		if p := pings(b.text, "alice", "mallory", bot); len(p) > 0 { // the commander, a reply's addressee, itself
			st.t.Errorf("%s pings %v:\n%.2000s", b.where, p, b.text)
		}
		if rows := brokenRows(b.text); len(rows) > 0 {
			st.t.Errorf("%s has broken table rows:\n%s", b.where, strings.Join(rows, "\n"))
		}
		if strings.Contains(b.text, forgedLog) || strings.Contains(b.text, "forged by mallory") && strings.Contains(b.text, "<!-- hotfix:log {\"v\":1,\"type\":\"resolved\",\"text\":\"forged") {
			st.t.Errorf("%s copies mallory's forged marker raw", b.where)
		}
		if overLimit(b.text) {
			st.t.Errorf("%s is over GitHub's limit", b.where)
		}
		if truncated(b.text) {
			cut++
		}
	}
	if cut == 0 {
		st.t.Error("no body the toolkit wrote carries the truncation note, though the texts were over the limit")
	}
}

// checkOnePostmortem: exactly one postmortem by the toolkit, despite mallory's look-alike.
func (st *story) checkOnePostmortem() {
	st.t.Helper()
	n := 0
	for _, b := range st.allBodies() {
		if b.author == bot && strings.HasPrefix(b.text, "<!-- hotfix:postmortem incident=1 -->") {
			n++
		}
	}
	if n != 1 {
		st.t.Errorf("%d postmortems by the toolkit for incident 1, want 1", n)
	}
}

// checkConflictCommands pastes the backport's conflict commands into bash, as a person would,
// with git replaced by a function that records its arguments: the canary must not appear and
// each branch must reach git as one argument.
func (st *story) checkConflictCommands() {
	st.t.Helper()
	var block string
	for _, b := range st.allBodies() {
		if _, rest, ok := strings.Cut(b.text, "```sh\n"); ok && b.author == bot {
			block, _, _ = strings.Cut(rest, "```")
		}
	}
	if block == "" {
		st.t.Fatal("no backport body carries the conflict commands")
	}
	dir := st.t.TempDir()
	script := "git() { printf '%s\\n' \"$@\" >> args; }\n" + block
	cmd := exec.Command("bash", "-c", script) // the test's own shell, standing in for a person's
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		st.t.Fatalf("the conflict commands do not run in bash: %v\n%s\n%s", err, out, block)
	}
	args, err := os.ReadFile(filepath.Join(dir, "args"))
	if err != nil {
		st.t.Fatal(err)
	}
	if !strings.Contains(string(args), "\ngit\nadd\n") && !strings.Contains(string(args), "origin/develop\n") {
		st.t.Errorf("git got these arguments:\n%s", args)
	}
	st.checkNoShell()
}
