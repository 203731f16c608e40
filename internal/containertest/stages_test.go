//go:build e2e

package containertest

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/acttest"
	"github.com/incident-hotfix/incident-hotfix/internal/refname"
)

// stage is one event of the story: the state it sets up and its payload, the job and step act
// must run with success, the step's outputs, what its job summary must say, and the GitHub state
// it must leave.
type stage struct {
	name, event, workflow string
	payload               func(*testing.T, *story) []byte
	job                   string
	image                 func() string // the image the step must run in
	outputs               func(*story) map[string]string
	summary               []string
	check                 func(*testing.T, *story)
}

var stages = []stage{{
	name: "push to a hotfix branch: the guard", event: "push", workflow: "hotfix.yml", job: "guard", image: func() string { return image },
	payload: func(t *testing.T, st *story) []byte {
		st.head = st.s.Push(hotfixBranch, map[string]string{"svc.txt": "one\nTWO, fixed\nthree\n"}, "main")
		return acttest.PushPayload(t, st.repo, hotfixBranch, st.head)
	},
	outputs: func(*story) map[string]string {
		return map[string]string{"verdict": "pass", "changed_files": "1", "changed_lines": "2"}
	},
	summary: []string{"hotfix guard: PASS", "commit status hotfix/guard on "},
	check:   func(t *testing.T, st *story) { wantStatus(t, st, "success") },
}, {
	name: "hotfix pull request opened: the guard", event: "pull_request", workflow: "hotfix.yml", job: "guard", image: func() string { return image },
	payload: func(t *testing.T, st *story) []byte {
		pr, _, err := st.ada.PullRequests.Create(context.Background(), owner, name, &github.NewPullRequest{Title: github.String("Fix login timeout"),
			Head: github.String(hotfixBranch), Base: github.String("main"), Body: github.String("The login timeout is 30s again.")})
		must(t, err)
		st.pr = pr
		return acttest.OpenedPayload(t, st.repo, pr)
	},
	outputs: func(*story) map[string]string {
		return map[string]string{"verdict": "pass", "changed_files": "1", "changed_lines": "2"}
	},
	summary: []string{"hotfix guard: PASS", "commit status hotfix/guard on "},
	check: func(t *testing.T, st *story) {
		wantStatus(t, st, "success")
		comments, _, err := st.s.Client.Issues.ListComments(context.Background(), owner, name, st.pr.GetNumber(), nil)
		must(t, err)
		if len(comments) != 1 {
			t.Errorf("the guard left %d comments on the pull request, want its one", len(comments))
		}
	},
}, {
	name: "hotfix pull request merged: tag, backport, postmortem", event: "pull_request", workflow: "hotfix.yml", job: "merge", image: rootActionImage,
	payload: mergeStage,
	outputs: func(st *story) map[string]string {
		return map[string]string{"tag": "v1.2.4", "previous_tag": "v1.2.3", "sha": st.pr.GetMergeCommitSHA(), "backport_prs": "2", "postmortem_issue": "3"}
	},
	summary: []string{"v1.2.4", "#2", "#3"},
	check:   checkMerge,
}, {
	name: "workflow_dispatch: declare an incident", event: "workflow_dispatch", workflow: "incident.yml", job: "declare", image: func() string { return image },
	payload: func(t *testing.T, st *story) []byte {
		return acttest.DispatchPayload(t, st.repo, &github.User{Login: github.String("ada")})
	},
	outputs: func(*story) map[string]string {
		return map[string]string{"incident": "4", "branch": "hotfix/" + refname.Slug(incidentTitle)}
	},
	summary: []string{"### Incident [#4]", "declared", "| Severity | P1 |"},
	check:   checkIncident,
}, {
	name: "issue_comment: /status on the incident", event: "issue_comment", workflow: "incident.yml", job: "update", image: func() string { return image },
	payload: statusStage,
	outputs: func(*story) map[string]string { return nil },
	summary: []string{"### Incident [#4]"},
	check:   checkStatusUpdate,
}}

// TestActionsUnderAct runs the shipped actions as containers of the image under nektos/act, in a
// user's workflows, against the sandbox: each stage's event, in the order of a team's day.
func TestActionsUnderAct(t *testing.T) {
	st := newStory(t)
	for _, sg := range stages {
		ok := t.Run(sg.name, func(t *testing.T) {
			r := st.h.run(t, sg.event, sg.workflow, sg.payload(t, st))
			if r.err != nil {
				t.Fatalf("act %s: %v\n%s", sg.event, r.err, r.log)
			}
			if diff := cmp.Diff(r.jobs, map[string]string{sg.job: "success"}); diff != "" {
				t.Errorf("job results (-got +want):\n%s\n%s", diff, r.log)
			}
			if diff := cmp.Diff(r.steps, map[string]string{sg.job + "/" + sg.job: "success"}); diff != "" {
				t.Errorf("step results (-got +want):\n%s\n%s", diff, r.log)
			}
			if !strings.Contains(r.log, "docker run image="+sg.image()+" ") {
				t.Errorf("act ran no container of %s:\n%s", sg.image(), r.log)
			}
			if diff := cmp.Diff(r.outputs[sg.job], sg.outputs(st)); diff != "" {
				t.Errorf("the step's outputs (-got +want):\n%s\n%s", diff, r.log)
			}
			checkSummary(t, r.summaries, sg.summary)
			sg.check(t, st)
		})
		if !ok {
			t.Fatalf("stage %q failed; the later stages build on it", sg.name)
		}
	}
}

// checkSummary wants one job summary, holding each of want; with no want, an empty one.
func checkSummary(t *testing.T, summaries, want []string) {
	t.Helper()
	if len(summaries) != 1 {
		t.Errorf("act left %d job summaries, want 1", len(summaries))
		return
	}
	if len(want) == 0 && summaries[0] != "" {
		t.Errorf("the job summary is not empty:\n%s", summaries[0])
	}
	for _, w := range want {
		if !strings.Contains(summaries[0], w) {
			t.Errorf("the job summary lacks %q:\n%s", w, summaries[0])
		}
	}
}

// wantStatus wants the hotfix/guard status on the hotfix's head, in state.
func wantStatus(t *testing.T, st *story, state string) {
	t.Helper()
	if diff := cmp.Diff(statuses(t, st.s, st.head), map[string]string{"hotfix/guard": state}); diff != "" {
		t.Errorf("statuses on %s (-got +want):\n%s", st.head, diff)
	}
}
