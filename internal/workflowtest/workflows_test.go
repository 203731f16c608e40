//go:build e2e

package workflowtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/acttest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// story is the state that the stages share: the sandbox, the runner of act, the user's
// repository, and what each stage made for the next.
type story struct {
	s    *sandboxtest.Sandbox
	h    harness
	shop string
	repo *github.Repository
	ada  *github.Client // a maintainer with write access, who comments and files action items

	head       string // the hotfix branch's head commit
	postmortem int    // the postmortem issue the merge opened
	incident   int    // the incident issue that declare opened
	item       int    // the action item filed on the postmortem
}

// stage is one event in the story: the state it sets up on the sandbox and its payload, the jobs
// and top-level steps act must run, with their results, and the GitHub state it must leave.
type stage struct {
	name            string
	event, workflow string
	payload         func(*testing.T, *story) []byte
	jobs            map[string]string
	steps           map[string][]string
	check           func(*testing.T, *story)
}

// TestWorkflowsUnderAct runs the caller workflows that `hotfix init` writes, and through them
// this checkout's reusable workflows, with nektos/act against the sandbox, for each event the
// toolkit handles. The stages run in order on one sandbox, as a team's day does: the merge's
// release gate reads the status of the push's verify, the action item names the merge's
// postmortem, and the /status comment goes to the declared incident.
func TestWorkflowsUnderAct(t *testing.T) {
	t.Parallel()
	st := newStory(t)
	for _, sg := range stages {
		ok := t.Run(sg.name, func(t *testing.T) {
			o := st.h.act(t, run{event: sg.event, workflow: sg.workflow, payload: sg.payload(t, st)})
			if o.err != nil {
				t.Fatalf("act %s: %v\n%s", sg.event, o.err, o.log)
			}
			if diff := cmp.Diff(o.jobs, sg.jobs); diff != "" {
				t.Errorf("job results differ (-got +want):\n%s\n%s", diff, o.log)
			}
			if diff := cmp.Diff(o.steps, sg.steps); diff != "" {
				t.Errorf("the jobs' steps differ (-got +want):\n%s\n%s", diff, o.log)
			}
			sg.check(t, st)
		})
		if !ok {
			t.Fatalf("stage %q failed; the later stages build on it", sg.name)
		}
	}
}

// newStory installs act while the sandbox, the user's repository and a warm build of hotfix are
// made ready, since both take a while on a fresh machine.
func newStory(t *testing.T) *story {
	t.Helper()
	var (
		wg     sync.WaitGroup
		bin    string
		actErr error
	)
	src := copySource(t)
	wg.Add(1)
	go func() {
		defer wg.Done()
		bin, actErr = acttest.Install(t.Logf)
	}()
	defer wg.Wait() // a setup step that ends the test waits for the install, which logs to t
	buildErr := warmBuild(src, t.TempDir())
	s := sandboxtest.Start(t, sandboxtest.Options{Users: []string{"ada"}})
	s.Server.SetCollaborator("ada", "write")
	st := &story{s: s, shop: newShop(t, s), ada: s.As("ada")}
	wg.Wait()
	if actErr != nil {
		t.Fatal(actErr)
	}
	if buildErr != nil {
		t.Fatalf("build hotfix as actions/run does: %v", buildErr)
	}
	repo, _, err := s.Client.Repositories.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name)
	if err != nil {
		t.Fatal(err)
	}
	st.repo = repo
	st.h = harness{bin: bin, repo: st.shop, src: src, apiURL: s.URL, token: sandboxtest.Token, env: actEnv(t), cache: t.TempDir()}
	return st
}

// warmBuild builds hotfix from src as actions/run and actions/verify do, so that the Go build
// cache is warm before act's jobs build it, two at a time.
func warmBuild(src, out string) error {
	cmd := exec.Command("go", "build", "-C", src, "-trimpath", "-o", filepath.Join(out, "hotfix"), "./cmd/hotfix")
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=auto", "GOFLAGS=-mod=readonly", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%w\n%s", err, out)
	}
	return nil
}
