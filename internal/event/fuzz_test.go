package event

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// fuzzEvents are the event names each fuzzed payload is loaded as: every one the toolkit handles,
// and one it does not.
var fuzzEvents = []string{Push, PullRequest, IssueComment, Issues, WorkflowDispatch, Schedule, "release"}

// FuzzLoad loads arbitrary payload bytes as every event and routes the result. Load must never
// panic, every error must be ErrPayload, and a loaded trigger carries exactly the typed event of
// its name and routes to a decision with a reason. The seeds are the generated webhook payloads
// plus testdata/fuzz/FuzzLoad.
func FuzzLoad(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(webhooks, "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		for _, name := range fuzzEvents {
			checkLoad(t, name, payload)
		}
	})
}

// checkLoad loads payload as the event name and checks the result's invariants.
func checkLoad(t *testing.T, name string, payload []byte) {
	env := runnerEnv(name, "payload.json")
	tr, err := Load(getenv(env), func(string) ([]byte, error) { return payload, nil })
	if err != nil {
		if !errors.Is(err, ErrPayload) {
			t.Fatalf("Load(%s) error %v is not ErrPayload", name, err)
		}
		return
	}
	want := 1
	if name == "release" {
		want = 0
	}
	if got := len(typed(tr)); got != want {
		t.Fatalf("Load(%s) carries %d typed events %v, want %d", name, got, typed(tr), want)
	}
	d := Route(tr, config.Default())
	if d.Reason == "" || (d.Kind == None) != (len(d.Commands) == 0) {
		t.Fatalf("Route(%s) = %+v: a decision needs a reason, and commands unless it is None", name, d)
	}
}
