package workflowtest

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/scaffold"
	"gopkg.in/yaml.v3"
)

// pagesWorkflow is the part of a workflow the status page's checks read.
type pagesWorkflow struct {
	On          map[string]any              `yaml:"on"`
	Permissions map[string]string           `yaml:"permissions"`
	Jobs        map[string]pagesWorkflowJob `yaml:"jobs"`
}

type pagesWorkflowJob struct {
	If          string            `yaml:"if"`
	Uses        string            `yaml:"uses"`
	Permissions map[string]string `yaml:"permissions"`
	Steps       []workflowStep    `yaml:"steps"`
}

// pinned is an action reference by a full commit SHA.
var pinned = regexp.MustCompile(`^[a-z0-9-]+/[a-z0-9-]+@[0-9a-f]{40}$`)

func parsePages(t *testing.T, name string, data []byte) pagesWorkflow {
	t.Helper()
	var wf pagesWorkflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return wf
}

// TestStatusPageWorkflow checks the shipped reusable workflow: called with workflow_call, no
// permission at the top, each job with only what it needs, the official Pages actions pinned by
// full commit SHA, and the build limited to the incident label's issues and to incident runs
// other than the reminders' schedule.
func TestStatusPageWorkflow(t *testing.T) {
	t.Parallel()
	wf := parsePages(t, "status-page.yml", shippedWorkflows(t)["status-page.yml"])
	if _, ok := wf.On["workflow_call"]; !ok || len(wf.On) != 1 || len(wf.Permissions) != 0 {
		t.Errorf("on = %v, permissions = %v; want only workflow_call, and permissions: {}", wf.On, wf.Permissions)
	}
	perms := map[string]map[string]string{}
	var pages []string
	for name, j := range wf.Jobs {
		perms[name] = j.Permissions
		for _, s := range j.Steps {
			if strings.HasPrefix(s.Uses, "actions/") {
				pages = append(pages, s.Uses)
				if !pinned.MatchString(s.Uses) {
					t.Errorf("job %s: %s is not pinned by a full commit SHA", name, s.Uses)
				}
			}
		}
	}
	wantPerms := map[string]map[string]string{
		"build":  {"contents": "read", "issues": "read", "pages": "read"},
		"deploy": {"pages": "write", "id-token": "write"},
	}
	if diff := cmp.Diff(perms, wantPerms); diff != "" {
		t.Errorf("job permissions (-got +want):\n%s", diff)
	}
	for _, a := range []string{"actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"} {
		if !slices.ContainsFunc(pages, func(u string) bool { return strings.HasPrefix(u, a) }) {
			t.Errorf("the workflow does not use %s; it uses %v", a, pages)
		}
	}
	if cond := wf.Jobs["build"].If; !strings.Contains(cond, "contains(github.event.issue.labels.*.name, inputs.label)") ||
		!strings.Contains(cond, "github.event.label.name == inputs.label") || !strings.Contains(cond, "github.event.workflow_run.event != 'schedule'") {
		t.Errorf("the build runs on any issue: if %q", cond)
	}
}

// TestStatusPageCaller checks the caller that `hotfix init` writes: the incident events and
// the manual run start it, and it grants exactly what the reusable workflow's jobs need.
func TestStatusPageCaller(t *testing.T) {
	t.Parallel()
	files, err := scaffold.Render(scaffold.Facts{Production: "main", Develop: "develop"})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(files, func(f scaffold.File) bool { return f.Path == scaffold.StatusPagePath })
	if i < 0 {
		t.Fatalf("init writes no %s", scaffold.StatusPagePath)
	}
	wf := parsePages(t, scaffold.StatusPagePath, files[i].Content)
	var events []string
	for e := range wf.On {
		events = append(events, e)
	}
	slices.Sort(events)
	if diff := cmp.Diff(events, []string{"issue_comment", "issues", "workflow_dispatch", "workflow_run"}); diff != "" {
		t.Errorf("events (-got +want):\n%s", diff)
	}
	job := wf.Jobs["status-page"]
	if job.Uses != "incident-hotfix/incident-hotfix/.github/workflows/status-page.yml@v0" {
		t.Errorf("the caller uses %q", job.Uses)
	}
	want := map[string]string{"contents": "read", "issues": "read", "pages": "write", "id-token": "write"}
	if diff := cmp.Diff(job.Permissions, want); diff != "" {
		t.Errorf("caller permissions (-got +want):\n%s", diff)
	}
}
