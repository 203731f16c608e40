//go:build e2e

package chaos

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/contract"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// world is one sandbox reached two ways: the toolkit's runs go through a server that injects
// faults, and the test's own reads and a person's clicks go through a fault-free one.
type world struct {
	*sandboxtest.Sandbox
	t      testing.TB
	faulty string // the API URL with faults, trailing slash included
	faults *faultLog
}

// newWorld starts a sandbox whose faulty door injects spec's faults.
func newWorld(t testing.TB, spec sandbox.FaultSpec) *world {
	t.Helper()
	s := sandboxtest.Start(t, sandboxtest.Options{Users: []string{person}})
	s.Server.SetCollaborator(person, "write")
	for _, kv := range [][2]string{{"core.logAllRefUpdates", "always"}, {"receive.autogc", "false"}, {"gc.auto", "0"}, {"maintenance.auto", "false"}} {
		s.Git("config", kv[0], kv[1]) // every ref update logged; no housekeeping after each push
	}
	w := &world{Sandbox: s, t: t, faults: &faultLog{}}
	spec.OnFault = w.faults.add
	checker, err := contract.Load()
	if err != nil {
		t.Fatalf("load GitHub's API description: %v", err)
	}
	h := checker.RequestMiddleware(s.Server.Handler(), func(err error) { t.Errorf("request outside GitHub's API description:\n%v", err) })
	if spec.Enabled() {
		h = sandbox.WithFaults(h, spec)
	}
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	w.faulty = hs.URL + "/"
	return w
}

// person is the engineer on call: a collaborator with write access who comments, labels and
// merges through GitHub's UI, which never fails on the toolkit's account.
const person = "ada"

// faultLog keeps the faults injected, for the failure message and the proof that faults struck.
type faultLog struct {
	mu   sync.Mutex
	list []sandbox.Fault
}

func (l *faultLog) add(f sandbox.Fault) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.list = append(l.list, f)
}

// counts returns how many faults struck, and how many of those were writes whose response was
// lost after the handler ran.
func (l *faultLog) counts() (all, lostWrites int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, f := range l.list {
		if f.Phase == sandbox.PhaseAfter && f.Method != http.MethodGet {
			lostWrites++
		}
	}
	return len(l.list), lostWrites
}

// String lists the faults, one a line.
func (l *faultLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var b strings.Builder
	for _, f := range l.list {
		b.WriteString(string(f.Kind) + "@" + string(f.Phase) + " " + f.Method + " " + f.Path + "\n")
	}
	return b.String()
}
