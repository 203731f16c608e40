package event

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// webhooks is where the generated payloads live; see testdata/webhooks/README.md.
const webhooks = "testdata/webhooks"

// runnerEnv is the environment the runner sets for an event whose payload is file.
func runnerEnv(name, file string) map[string]string {
	return map[string]string{
		"GITHUB_EVENT_NAME": name,
		"GITHUB_EVENT_PATH": filepath.Join(webhooks, file),
		"GITHUB_REPOSITORY": "Codertocat/Hello-World",
		"GITHUB_SHA":        "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
		"GITHUB_REF":        "refs/heads/main",
		"GITHUB_ACTOR":      "Codertocat",
		"GITHUB_RUN_ID":     "4242",
		"GITHUB_WORKSPACE":  "/github/workspace",
	}
}

// getenv reads from m.
func getenv(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// eventName is the event of a payload file, the part of its name before the first dot.
func eventName(file string) string {
	name, _, _ := strings.Cut(file, ".")
	return name
}

// load loads a payload file from testdata/webhooks as the runner would present it.
func load(t *testing.T, file string) Trigger {
	t.Helper()
	tr, err := Load(getenv(runnerEnv(eventName(file), file)), os.ReadFile)
	if err != nil {
		t.Fatalf("Load(%s) = %v", file, err)
	}
	return tr
}

// typed lists which typed events a trigger carries.
func typed(t Trigger) []string {
	var set []string
	for name, ok := range map[string]bool{
		Push: t.Push != nil, PullRequest: t.PullRequest != nil, IssueComment: t.IssueComment != nil,
		Issues: t.Issues != nil, WorkflowDispatch: t.Dispatch != nil, Schedule: t.Schedule != nil,
		WorkflowRun: t.WorkflowRun != nil, DeploymentStatus: t.DeploymentStatus != nil,
	} {
		if ok {
			set = append(set, name)
		}
	}
	slices.Sort(set)
	return set
}

func TestLoadEveryExample(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(webhooks, "*.json"))
	if err != nil || len(files) < 20 {
		t.Fatalf("payloads in %s: %d files, %v; run go run ./scripts/webhook-examples", webhooks, len(files), err)
	}
	for _, path := range files {
		file := filepath.Base(path)
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			tr := load(t, file)
			if got, want := typed(tr), []string{eventName(file)}; !cmp.Equal(got, want) {
				t.Errorf("typed events = %v, want %v", got, want)
			}
			if got, want := tr.Fork, strings.Contains(file, "fork"); got != want {
				t.Errorf("Fork = %v, want %v", got, want)
			}
		})
	}
}

func TestLoadEnvironment(t *testing.T) {
	t.Parallel()
	env := runnerEnv(Push, "push.hotfix.json")
	env["GITHUB_API_URL"] = "http://127.0.0.1:8080/api/"
	got, err := Load(getenv(env), os.ReadFile)
	if err != nil {
		t.Fatal(err)
	}
	got.Push = nil
	want := Trigger{
		Name: Push, Path: env["GITHUB_EVENT_PATH"], Repo: Repo{Owner: "Codertocat", Name: "Hello-World"},
		Actor: "Codertocat", SHA: env["GITHUB_SHA"], Ref: "refs/heads/main",
		APIURL: "http://127.0.0.1:8080/api", ServerURL: DefaultServerURL, RunID: 4242, Workspace: "/github/workspace",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Load() mismatch (-got +want):\n%s", diff)
	}
}

func TestLoadDefaults(t *testing.T) {
	t.Parallel()
	env := map[string]string{"GITHUB_EVENT_NAME": Schedule, "GITHUB_EVENT_PATH": filepath.Join(webhooks, "schedule.json")}
	got, err := Load(getenv(env), os.ReadFile)
	if err != nil {
		t.Fatal(err)
	}
	type summary struct {
		Repo              Repo
		APIURL, ServerURL string
		Cron, Base        string
	}
	want := summary{Repo: Repo{Owner: "octo-org", Name: "octo-repo"}, APIURL: DefaultAPIURL, ServerURL: DefaultServerURL, Cron: "*/15 * * * *", Base: "master"}
	if diff := cmp.Diff(summary{got.Repo, got.APIURL, got.ServerURL, got.Schedule.Cron, got.BaseRef()}, want); diff != "" {
		t.Errorf("Load() mismatch (-got +want):\n%s", diff)
	}
}

func TestLoadInputs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want map[string]string
	}{
		{"workflow_dispatch.json", map[string]string{}},
		{"workflow_dispatch.declare.json", map[string]string{
			"title": "Login times out", "severity": "P1", "service": "auth", "impact": "Users cannot sign in", "create_branch": "true",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(load(t, tt.file).Inputs, tt.want); diff != "" {
				t.Errorf("Inputs mismatch (-got +want):\n%s", diff)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	file := func(data string) func(string) ([]byte, error) {
		return func(string) ([]byte, error) { return []byte(data), nil }
	}
	tests := []struct {
		name     string
		edit     func(env map[string]string)
		read     func(string) ([]byte, error)
		kind     error
		contains []string
	}{
		{"no event name", func(e map[string]string) { delete(e, "GITHUB_EVENT_NAME") }, os.ReadFile, ErrEnv, []string{"GITHUB_EVENT_NAME is not set"}},
		{"no event path", func(e map[string]string) { delete(e, "GITHUB_EVENT_PATH") }, os.ReadFile, ErrEnv, []string{"GITHUB_EVENT_PATH is not set", "push"}},
		{"bad repository", func(e map[string]string) { e["GITHUB_REPOSITORY"] = "just-a-name" }, os.ReadFile, ErrEnv, []string{`GITHUB_REPOSITORY="just-a-name" is not owner/name`}},
		{"bad run id", func(e map[string]string) { e["GITHUB_RUN_ID"] = "12x" }, os.ReadFile, ErrEnv, []string{`GITHUB_RUN_ID="12x"`}},
		{"missing file", func(e map[string]string) { e["GITHUB_EVENT_PATH"] = "testdata/nope.json" }, os.ReadFile, ErrPayload, []string{"testdata/nope.json", "event push", "no such file"}},
		{"empty file", nil, file(""), ErrPayload, []string{"push.json", "event push", "not a JSON object"}},
		{"array", nil, file("[1,2]"), ErrPayload, []string{"not a JSON object"}},
		{"truncated", nil, file(`{"ref": "refs/heads/x"`), ErrPayload, []string{"push.json", "unexpected end of JSON input"}},
		{"wrong type", nil, file(`{"ref": 12}`), ErrPayload, []string{"cannot unmarshal number"}},
		{"push without ref", nil, file(`{}`), ErrPayload, []string{"lacks one of the fields ref"}},
		{"too large", nil, file("{" + strings.Repeat(" ", maxPayload) + "}"), ErrPayload, []string{"more than"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := runnerEnv(Push, "push.json")
			if tt.edit != nil {
				tt.edit(env)
			}
			_, err := Load(getenv(env), tt.read)
			checkError(t, err, tt.kind, tt.contains)
		})
	}
}

func TestLoadEventErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		event, payload string
		contains       []string
	}{
		{PullRequest, `{"action": "opened"}`, []string{"event pull_request", "pull_request, action"}},
		{IssueComment, `{"action": "created", "issue": {"number": 1}}`, []string{"event issue_comment", "comment"}},
		{Issues, `{"issue": {"number": 1}}`, []string{"event issues", "action"}},
		{WorkflowDispatch, `{"inputs": {"title": {"nested": true}, "x": [1]}}`, []string{"inputs title, x", "string, boolean or number"}},
		{WorkflowDispatch, `{"inputs": "title"}`, []string{"inputs: not an object"}},
		{Schedule, `{"schedule": 5}`, []string{"event schedule", "cannot unmarshal number"}},
		{"release", `{"action": `, []string{"event release", "not valid JSON"}},
	}
	for _, tt := range tests {
		t.Run(tt.event+" "+tt.payload, func(t *testing.T) {
			t.Parallel()
			env := runnerEnv(tt.event, "payload.json")
			_, err := Load(getenv(env), func(string) ([]byte, error) { return []byte(tt.payload), nil })
			checkError(t, err, ErrPayload, tt.contains)
		})
	}
}

// checkError fails unless err matches kind and contains every fragment.
func checkError(t *testing.T, err, kind error, contains []string) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("error = %v, want one matching %v", err, kind)
	}
	for _, s := range contains {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not contain %q", err, s)
		}
	}
}

func TestLoadRepositoryFromPayload(t *testing.T) {
	t.Parallel()
	env := runnerEnv(Push, "push.hotfix.json")
	delete(env, "GITHUB_REPOSITORY")
	got, err := Load(getenv(env), os.ReadFile)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Repo{Owner: "Codertocat", Name: "Hello-World"}); got.Repo != want {
		t.Errorf("Repo = %v, want %v", got.Repo, want)
	}
	_, err = Load(getenv(env), func(string) ([]byte, error) { return []byte(`{"ref": "refs/heads/x"}`), nil })
	checkError(t, err, ErrEnv, []string{"GITHUB_REPOSITORY is not set"})
}

func TestLoadUnhandledEvent(t *testing.T) {
	t.Parallel()
	env := runnerEnv("release", "release.json")
	got, err := Load(getenv(env), func(string) ([]byte, error) { return []byte(`{"action": "published"}`), nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(typed(got)) != 0 || got.Name != "release" {
		t.Errorf("Load(release) = name %q with typed events %v, want release with none", got.Name, typed(got))
	}
}
