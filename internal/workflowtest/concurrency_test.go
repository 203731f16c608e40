package workflowtest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/scaffold"
	"gopkg.in/yaml.v3"
)

// workflowFile is the part of a workflow the concurrency rule reads.
type workflowFile struct {
	Concurrency any                    `yaml:"concurrency"`
	Jobs        map[string]workflowJob `yaml:"jobs"`
}

// workflowJob is one job: a reusable workflow it calls, or its steps.
type workflowJob struct {
	Uses        string         `yaml:"uses"`
	Concurrency any            `yaml:"concurrency"`
	Steps       []workflowStep `yaml:"steps"`
}

// workflowStep is one step's action and inputs.
type workflowStep struct {
	Uses string            `yaml:"uses"`
	With map[string]string `yaml:"with"`
}

// perEventActions are the actions whose work belongs to one event: a guard verdict, a merge's
// tag, backport and postmortem, an incident's declaration or command, an action-item change.
var perEventActions = []string{"actions/guard", "actions/incident", "actions/action-items", "actions/backport", "actions/release", "actions/postmortem"}

// perEventOnly are the values of the only input that name per-event work.
var perEventOnly = []string{"guard", "merge", "declare", "update", "incident", "action-items"}

// perEvent reports whether a job does per-event work: it calls the reusable hotfix or incident
// workflow, or one of its steps runs a per-event command.
func (j workflowJob) perEvent() bool {
	if strings.Contains(j.Uses, "/.github/workflows/hotfix.yml") || strings.Contains(j.Uses, "/.github/workflows/incident.yml") {
		return true
	}
	for _, s := range j.Steps {
		action, _, _ := strings.Cut(s.Uses, "@")
		if slices.ContainsFunc(perEventActions, func(a string) bool { return strings.HasSuffix(action, a) }) ||
			slices.Contains(perEventOnly, s.With["only"]) {
			return true
		}
	}
	return false
}

// TestNoEventIsDropped parses every shipped and scaffolded workflow and fails when per-event work
// sits in a concurrency group: GitHub keeps one running and one pending run per group, and a newer
// pending run cancels the older one even with cancel-in-progress false, so the middle of three
// quick comments, merges or pushes would be lost. The toolkit's own race safety carries the load.
// https://docs.github.com/actions/writing-workflows/choosing-what-your-workflow-does/control-the-concurrency-of-workflows-and-jobs
func TestNoEventIsDropped(t *testing.T) {
	t.Parallel()
	files := shippedWorkflows(t)
	rendered, err := scaffold.Render(scaffold.Facts{Production: "main", Develop: "develop"})
	if err != nil {
		t.Fatal(err)
	}
	// selftest.yml rehearses the actions on this project's own commits; a superseded commit's
	// rehearsal is rightly cancelled, and no user's event is in it.
	delete(files, "selftest.yml")
	for _, f := range rendered {
		if strings.HasPrefix(f.Path, ".github/workflows/") {
			files["scaffolded "+f.Path] = f.Content
		}
	}
	checked := 0
	for name, data := range files {
		var wf workflowFile
		if err := yaml.Unmarshal(data, &wf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for id, job := range wf.Jobs {
			if !job.perEvent() {
				continue
			}
			checked++
			if wf.Concurrency != nil || job.Concurrency != nil {
				t.Errorf("%s: job %s does per-event work in a concurrency group, where a third event cancels the pending second", name, id)
			}
		}
	}
	if checked < 7 {
		t.Errorf("found %d per-event jobs, want at least 7 (guard, merge, declare, update, action items, and the two callers)", checked)
	}
}

// shippedWorkflows reads the repository's workflows, by path.
func shippedWorkflows(t *testing.T) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", ".github", "workflows", "*.yml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no workflows found: %v", err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = data
	}
	return out
}
