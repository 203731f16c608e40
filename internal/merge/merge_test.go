package merge

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

var clock = func() time.Time { return time.Date(2026, 3, 4, 11, 31, 0, 0, time.UTC) }

func testDeps(s *sandboxtest.Sandbox, p config.Policy) Deps {
	return Deps{
		Client: s.Client, Owner: sandboxtest.Owner, Name: sandboxtest.Name, Policy: p, Now: clock,
		Sleep:  func(context.Context, time.Duration) error { return nil },
		Tagger: release.Tagger{Name: "hotfix-bot", Email: "bot@example.com", Now: clock},
	}
}

// TestHandle checks the whole merge handling for each merge method: one annotated tag v1.2.4 on
// the merge commit, one backport PR to develop, one postmortem, in at most 15 requests; and a
// rerun that creates nothing.
func TestHandle(t *testing.T) {
	t.Parallel()
	for _, method := range []string{"merge", "squash", "rebase"} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			s := sandboxtest.Start(t, sandboxtest.Options{})
			pr := sandboxtest.MergedHotfix(t, s, method, "Fixes the login timeout.\n\nIncident: #99\n")
			d := testDeps(s, config.Default())
			s.Server.ResetRequests()
			got, err := Handle(context.Background(), d, pr)
			if err != nil {
				t.Fatalf("Handle: %v", err)
			}
			t.Logf("%d requests: %v", s.Requests(), s.Server.Requests())
			if n := s.Requests(); n > 15 {
				t.Errorf("Handle made %d requests, want at most 15: %v", n, s.Server.Requests())
			}
			if got.Release == nil || got.Release.Tag != "v1.2.4" || got.Release.PreviousTag != "v1.2.3" || !got.Release.Created {
				t.Errorf("release = %+v, want v1.2.4 after v1.2.3, created", got.Release)
			}
			if kind := s.Git("cat-file", "-t", "v1.2.4"); kind != "tag" {
				t.Errorf("v1.2.4 is a %s, want an annotated tag", kind)
			}
			msg := s.Git("for-each-ref", "--format=%(contents)", "refs/tags/v1.2.4")
			if want := "Incident: " + strings.Replace(pr.GetHTMLURL(), fmt.Sprintf("/pull/%d", pr.GetNumber()), "/issues/99", 1); !strings.Contains(msg, want) {
				t.Errorf("the tag message lacks %q:\n%s", want, msg)
			}
			if sha := s.Git("rev-parse", "v1.2.4^{commit}"); sha != pr.GetMergeCommitSHA() {
				t.Errorf("v1.2.4 is on %s, want the merge commit %s", sha, pr.GetMergeCommitSHA())
			}
			if len(got.Backports) != 1 || got.Backports[0].Target.Branch != "develop" || !got.Backports[0].Created || got.Backports[0].Conflict {
				t.Errorf("backports = %+v, want one clean new PR to develop", got.Backports)
			}
			if got.Postmortem == nil || !got.Postmortem.Created || got.Incident != 99 {
				t.Errorf("postmortem = %+v, incident %d; want a new one for incident 99", got.Postmortem, got.Incident)
			}

			s.Server.ResetRequests()
			again, err := Handle(context.Background(), d, pr)
			if err != nil {
				t.Fatalf("rerun: %v", err)
			}
			if again.Release.Created || again.Backports[0].Created || again.Postmortem.Created {
				t.Errorf("rerun created objects: %+v", again)
			}
			if tags := s.Git("tag", "--list"); tags != "v1.2.3\nv1.2.4" {
				t.Errorf("tags after a rerun = %q", tags)
			}
		})
	}
}

// TestHandleOpenRelease sends the backport to the open release branch instead of develop.
func TestHandleOpenRelease(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("release/1.3", map[string]string{"rel.txt": "1.3\n"}, "main")
	pr := sandboxtest.MergedHotfix(t, s, "squash", "")
	got, err := Handle(context.Background(), testDeps(s, config.Default()), pr)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Backports) != 1 || got.Backports[0].Target.Branch != "release/1.3" {
		t.Errorf("backports = %+v, want one to release/1.3", got.Backports)
	}
	if got.Postmortem == nil || got.Incident != 0 {
		t.Errorf("postmortem %+v incident %d", got.Postmortem, got.Incident)
	}
}

// TestHandleConflict: a conflicting backport makes a labelled PR and a red run that names it,
// and the postmortem is still opened.
func TestHandleConflict(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("main", map[string]string{"svc.txt": "one\ntwo\nthree\n"})
	s.Push("develop", map[string]string{"svc.txt": "one\ntwo on develop\nthree\n"}, "main")
	pr := sandboxtest.MergedHotfix(t, s, "merge", "")
	got, err := Handle(context.Background(), testDeps(s, config.Default()), pr)
	if err == nil || !strings.Contains(err.Error(), "backport conflicts") || !strings.Contains(err.Error(), "backport/login-timeout-to-develop") {
		t.Fatalf("Handle error = %v, want a conflict naming the PR", err)
	}
	if len(got.Backports) != 1 || !got.Backports[0].Conflict || got.Postmortem == nil || got.Release == nil {
		t.Errorf("landing = %+v", got)
	}
}
