package merge

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestVerifyGate merges a hotfix whose head has the given hotfix/verify statuses (oldest first)
// and checks whether it was tagged, and what the run said.
func TestVerifyGate(t *testing.T) {
	t.Parallel()
	no := false
	for name, tc := range map[string]struct {
		states     []string
		notRequire bool
		tagged     bool
		wantErr    string
		wantReason string
	}{
		"failing refuses":        {states: []string{"pending", "failure"}, wantErr: `not tagged: the hotfix/verify status of the hotfix head`},
		"error refuses":          {states: []string{"error"}, wantErr: "is error"},
		"passing tags":           {states: []string{"pending", "success"}, tagged: true},
		"failing, then fixed":    {states: []string{"failure", "success"}, tagged: true},
		"failing, not required":  {states: []string{"failure"}, notRequire: true, tagged: true},
		"missing tags and warns": {tagged: true, wantReason: "has no hotfix/verify status, so verify did not vouch for this tag"},
		"pending tags and warns": {states: []string{"pending"}, tagged: true, wantReason: "was still pending on the head"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := sandboxtest.Start(t, sandboxtest.Options{})
			pr := sandboxtest.MergedHotfix(t, s, "squash", "")
			ctx := context.Background()
			for _, state := range tc.states {
				st := &github.RepoStatus{State: github.String(state), Context: github.String("hotfix/verify"),
					Description: github.String("go test failed after 20s (exit code 1)"), TargetURL: github.String("https://github.com/acme/shop/actions/runs/7")}
				if _, _, err := s.Client.Repositories.CreateStatus(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetHead().GetSHA(), st); err != nil {
					t.Fatal(err)
				}
			}
			p := config.Default()
			if tc.notRequire {
				p.Release.RequireVerify = &no
			}
			got, err := Handle(ctx, testDeps(s, p), pr)
			tags := s.Git("tag", "--list")
			if tagged := strings.Contains(tags, "v1.2.4"); tagged != tc.tagged {
				t.Errorf("tags %q: tagged %v, want %v", tags, tagged, tc.tagged)
			}
			if tc.wantErr == "" && err != nil {
				t.Fatalf("Handle: %v", err)
			}
			if tc.wantErr != "" {
				var refused *VerifyFailedError
				if !errors.As(err, &refused) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Handle error = %v, want a VerifyFailedError containing %q", err, tc.wantErr)
				}
				for _, want := range []string{`"go test failed after 20s (exit code 1)"`, "see https://github.com/acme/shop/actions/runs/7", "release.require_verify: false"} {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q lacks %q", err, want)
					}
				}
				if got.Release != nil || got.Postmortem == nil {
					t.Errorf("release %+v, postmortem %+v; want no tag, and the postmortem still opened", got.Release, got.Postmortem)
				}
			}
			if tc.tagged && got.Release != nil && !strings.Contains(got.Release.Reason, tc.wantReason) {
				t.Errorf("reason %q lacks %q", got.Release.Reason, tc.wantReason)
			}
		})
	}
}

// TestVerifyGateFailsClosed refuses to tag when the status can't be read.
func TestVerifyGateFailsClosed(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	pr := sandboxtest.MergedHotfix(t, s, "merge", "")
	pr.Head.SHA = github.String(strings.Repeat("f", 40)) // a head the sandbox does not have
	_, err := Handle(context.Background(), testDeps(s, config.Default()), pr)
	if err == nil || !strings.Contains(err.Error(), "not tagged, since the gate can't be checked") {
		t.Errorf("Handle error = %v, want the gate to fail closed", err)
	}
	if tags := s.Git("tag", "--list"); strings.Contains(tags, "v1.2.4") {
		t.Errorf("tagged %q without a readable gate", tags)
	}
}
