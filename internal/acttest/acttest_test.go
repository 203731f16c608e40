package acttest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestParse(t *testing.T) {
	t.Parallel()
	raw := `{"jobID":"guard","msg":"🚀  Start image=ubuntu"}
plain line from the daemon
{"jobID":"guard","stage":"Main","stepID":["guard"],"stepResult":"success","msg":"✅  Success - Main guard"}
{"jobID":"guard","command":"set-output","stepID":["guard"],"name":"verdict","arg":"pass","msg":"⚙  ::set-output:: verdict=pass"}
{"jobID":"guard","stage":"Post","stepID":["guard"],"stepResult":"success","msg":"post"}
{"jobID":"guard","stage":"Main","stepID":["a","b"],"stepResult":"success","msg":"composite inner step"}
{"jobID":"guard","jobResult":"success","msg":"🏁  Job succeeded"}
`
	got := Parse([]byte(raw))
	want := Log{
		Jobs:    map[string]string{"guard": "success"},
		Steps:   []Step{{Job: "guard", ID: "guard", Result: "success"}},
		Outputs: map[string]map[string]string{"guard": {"verdict": "pass"}},
		Text: "[guard] 🚀  Start image=ubuntu\nplain line from the daemon\n[guard] ✅  Success - Main guard\n" +
			"[guard] ⚙  ::set-output:: verdict=pass\n[guard] post\n[guard] composite inner step\n[guard] 🏁  Job succeeded\n",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
}

func TestEnviron(t *testing.T) {
	t.Parallel()
	in := []string{"PATH=/bin", "HOME=/root", "GITHUB_TOKEN=x", "RUNNER_TEMP=/t", "INPUT_TOKEN=y", "ACTIONS_RUNTIME_TOKEN=z",
		"XDG_CONFIG_HOME=/c", "CI=true", "ACT=true", "GOCACHE=/g", "GITHUBX=kept"}
	if diff := cmp.Diff([]string{"PATH=/bin", "GOCACHE=/g", "GITHUBX=kept"}, Environ(in)); diff != "" {
		t.Errorf("Environ (-want +got):\n%s", diff)
	}
}

// TestPayloads: each payload reads its example and carries what it was given.
func TestPayloads(t *testing.T) {
	t.Parallel()
	repo := &github.Repository{Name: github.String("shop"), FullName: github.String("acme/shop"), Owner: &github.User{Login: github.String("acme")}, DefaultBranch: github.String("main")}
	ada := &github.User{Login: github.String("ada")}
	pr := &github.PullRequest{Number: github.Int(7), User: ada}
	issue := &github.Issue{Number: github.Int(4), User: ada, Labels: []*github.Label{{Name: github.String("postmortem-action")}}}
	comment := &github.IssueComment{Body: github.String("/status identified"), User: ada}
	for name, tc := range map[string]struct {
		raw  []byte
		want string
	}{
		"push":     {PushPayload(t, repo, "hotfix/x", "abc123"), `"after":"abc123"`},
		"opened":   {OpenedPayload(t, repo, pr), `"number":7`},
		"merged":   {MergedPayload(t, repo, pr), `"number":7`},
		"dispatch": {DispatchPayload(t, repo, ada), `"workflow":".github/workflows/incident.yml"`},
		"comment":  {CommentPayload(t, repo, issue, comment), `"body":"/status identified"`},
		"labeled":  {LabeledPayload(t, repo, issue), `"name":"postmortem-action"`},
		"schedule": {SchedulePayload(t, repo), `"full_name":"acme/shop"`},
	} {
		if !strings.Contains(string(tc.raw), tc.want) || !strings.Contains(string(tc.raw), `"full_name":"acme/shop"`) {
			t.Errorf("%s payload lacks %s or the repository:\n%s", name, tc.want, tc.raw)
		}
	}
}
