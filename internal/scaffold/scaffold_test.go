package scaffold

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/verify"
)

func TestDetect(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		setup             func(r *gittest.Repo)
		production, devel string
		steps             int
	}{
		"fresh main":   {func(r *gittest.Repo) {}, "main", "develop", 0},
		"fresh other":  {func(r *gittest.Repo) { r.Git("symbolic-ref", "HEAD", "refs/heads/trunk") }, "main", "develop", 0},
		"fresh master": {func(r *gittest.Repo) { r.Git("symbolic-ref", "HEAD", "refs/heads/master") }, "master", "develop", 0},
		"main and develop": {func(r *gittest.Repo) {
			r.Commit("one", map[string]string{"go.mod": "module x\n"})
			r.Git("branch", "develop")
		}, "main", "develop", 3},
		"remote master and dev": {func(r *gittest.Repo) {
			r.Git("checkout", "-q", "-b", "topic")
			r.Commit("one", map[string]string{"README": "x\n"})
			r.Git("update-ref", "refs/remotes/origin/master", "HEAD")
			r.Git("update-ref", "refs/remotes/origin/dev", "HEAD")
			r.Git("update-ref", "refs/remotes/origin/HEAD", "HEAD")
		}, "master", "dev", 0},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := gittest.New(t)
			tc.setup(r)
			f, err := Detect(context.Background(), r.Dir)
			if err != nil {
				t.Fatal(err)
			}
			if f.Production != tc.production || f.Develop != tc.devel || len(f.Steps) != tc.steps {
				t.Errorf("production %q develop %q, %d steps; want %q %q %d (%+v)", f.Production, f.Develop, len(f.Steps), tc.production, tc.devel, tc.steps, f)
			}
		})
	}
}

func TestDetectOutsideARepository(t *testing.T) {
	t.Parallel()
	_, err := Detect(context.Background(), t.TempDir())
	if !errors.Is(err, ErrNotRepository) {
		t.Errorf("Detect in a plain directory: %v, want ErrNotRepository", err)
	}
}

// facts are detected facts with steps, for the golden files.
var facts = Facts{
	Production: "master", ProductionNote: "detected: the branch master exists",
	Develop: "dev", DevelopNote: "detected: the branch dev exists",
	Steps:     []verify.Step{{Name: "go vet", Run: "go vet ./..."}, {Name: "npm run test", Run: "npm run test"}},
	StepNotes: []string{"go.mod is a Go module: go vet ./..., go build ./... and go test ./...", "package.json has the scripts test: npm run each"},
}

func TestRender(t *testing.T) {
	t.Parallel()
	files, err := Render(facts)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"policy.yml.golden", "workflow-hotfix.yml.golden", "workflow-incident.yml.golden", "workflow-status-page.yml.golden"} {
		golden.Check(t, name, string(files[i].Content))
	}
	p, err := config.Parse(files[0].Path, files[0].Content)
	if err != nil {
		t.Fatalf("the policy init writes does not parse: %v", err)
	}
	if p.Branches.Production != "master" || p.Branches.Develop != "dev" {
		t.Errorf("branches = %+v", p.Branches)
	}
	var runs []string
	for _, s := range p.Verify.Steps {
		runs = append(runs, s.Run)
	}
	if diff := cmp.Diff(runs, []string{"go vet ./...", "npm run test"}); diff != "" {
		t.Errorf("verify steps (-got +want):\n%s", diff)
	}
	empty, err := Render(Facts{Production: "main", Develop: "develop"})
	if err != nil {
		t.Fatal(err)
	}
	if p, err := config.Parse("hotfix.yml", empty[0].Content); err != nil || len(p.Verify.Steps) != 0 {
		t.Errorf("the policy without steps: %v, %+v", err, p.Verify)
	}
}

var files = []File{{".github/hotfix.yml", []byte("a: 1\n")}, {".github/workflows/hotfix.yml", []byte("b\n")}, {".github/workflows/incident.yml", []byte("c\n")}}

// tree lists the files under root with their content, skipping .git.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		data, err := os.ReadFile(path)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWrite(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	got, err := Write(root, files, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []Written{{".github/hotfix.yml", 5, false}, {".github/workflows/hotfix.yml", 2, false}, {".github/workflows/incident.yml", 2, false}}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("written (-got +want):\n%s", diff)
	}
	all := map[string]string{".github/hotfix.yml": "a: 1\n", ".github/workflows/hotfix.yml": "b\n", ".github/workflows/incident.yml": "c\n"}
	if diff := cmp.Diff(tree(t, root), all); diff != "" {
		t.Errorf("tree (-got +want):\n%s", diff)
	}
	changed := []File{{files[0].Path, []byte("new\n")}, files[1], files[2]}
	if _, err := Write(root, changed, true); err != nil {
		t.Fatalf("Write with force: %v", err)
	}
	if got := tree(t, root)[".github/hotfix.yml"]; got != "new\n" {
		t.Errorf("after --force the policy is %q", got)
	}
}

// TestWriteRefusesAndWritesNothing has one of three files there already: nothing is written,
// and the error names that file.
func TestWriteRefusesAndWritesNothing(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, ".github", "workflows"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, ".github", "workflows", "incident.yml"), []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := tree(t, root)
	_, err := Write(root, files, false)
	var exists *ExistsError
	if !errors.As(err, &exists) || err.Error() != ".github/workflows/incident.yml already exists; nothing was written; give --force to overwrite" {
		t.Fatalf("Write over an existing file: %v", err)
	}
	if diff := cmp.Diff(tree(t, root), before); diff != "" {
		t.Errorf("the tree changed (-after +before):\n%s", diff)
	}
	if _, err := Check(root, files, false); !errors.As(err, &exists) {
		t.Errorf("Check: %v, want an ExistsError", err)
	}
}
