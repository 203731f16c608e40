package demo

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// TestRun plays the whole story and checks that each step says what it made.
func TestRun(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	err := Run(context.Background(), &out, Options{Dir: t.TempDir(), Now: func() time.Time { return time.Date(2026, 3, 4, 11, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		"hotfix demo: one hotfix, from push to postmortem, on a local GitHub sandbox\n\n",
		"Sandbox     GitHub's REST API for acme/shop at http://127.0.0.1:",
		"Set-up      main released as v1.2.3",
		"Guard       push to hotfix/login-timeout: PASS, 1 file, +2 -2",
		"Guard       push to hotfix/rewrite-auth: FAIL, 2 files, +246 -0",
		`error deny               go.mod: go.mod matches the deny glob "**/go.mod"`,
		"Merge       PR #1 \"Raise the login timeout\" squash-merged into main",
		"Release     annotated tag v1.2.4 on",
		"Backport    PR #2 backport/login-timeout-to-develop → develop",
		"Postmortem  issue #3 \"Incident Postmortem: Raise the login timeout\"",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the account lacks %q:\n%s", want, out.String())
		}
	}
}

// TestRunKeep serves after the story until the context ends.
func TestRunKeep(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	done := make(chan error, 1)
	go func() { done <- Run(ctx, &out, Options{Dir: t.TempDir(), Keep: true, Now: time.Now}) }()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "keeps serving") {
		if time.Now().After(deadline) {
			t.Fatalf("no keep-serving line after 30s:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run after cancel = %v, want nil", err)
	}
}
