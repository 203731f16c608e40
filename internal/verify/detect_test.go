package verify

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// writeFiles creates files (path → content) under a new directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for path, content := range files {
		full := filepath.Join(root, path)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func runs(steps []Step) []string {
	out := []string{}
	for _, s := range steps {
		out = append(out, s.Run)
	}
	return out
}

func TestDetect(t *testing.T) {
	t.Parallel()
	const scripts = `{"scripts": {"test": "jest", "lint": "eslint .", "start": "node ."}}`
	for name, tc := range map[string]struct {
		files     map[string]string
		want      []string
		wantNotes []string
	}{
		"nothing": {nil, []string{}, nil},
		"go module": {map[string]string{"go.mod": "module x\n"},
			[]string{"go vet ./...", "go build ./...", "go test ./..."},
			[]string{"go.mod is a Go module: go vet ./..., go build ./... and go test ./..."}},
		"npm with a lockfile": {map[string]string{"package.json": scripts, "package-lock.json": "{}"},
			[]string{"npm ci", "npm run lint", "npm run test"},
			[]string{"package.json has the scripts lint, test: npm run each", "package-lock.json is there: npm ci first"}},
		"npm without a lockfile": {map[string]string{"package.json": `{"scripts": {"build": "tsc"}}`},
			[]string{"npm run build"},
			[]string{"package.json has the scripts build: npm run each", "no package-lock.json: npm ci is not run, so install the dependencies before verify"}},
		"npm placeholder test": {map[string]string{"package.json": `{"scripts": {"test": "echo \"Error: no test specified\" && exit 1"}}`},
			[]string{},
			[]string{"package.json: the test script is npm's placeholder, which only fails; left out", "package.json has no lint, build or test script; npm is not run"}},
		"makefile test": {map[string]string{"Makefile": "VAR := 1\nbuild:\n\tgo build\ntest: build\n\tgo test\n"},
			[]string{"make test"}, []string{"Makefile has a test target: make test"}},
		"makefile without test": {map[string]string{"Makefile": "test := value\nall:\n\techo test:\n# test:\n"},
			[]string{}, []string{"Makefile has no test target; make is not run"}},
		"everything": {map[string]string{"go.mod": "module x\n", "package.json": `{"scripts": {"lint": "x"}}`, "GNUmakefile": "unit test::\n"},
			[]string{"go vet ./...", "go build ./...", "go test ./...", "npm run lint", "make test"},
			[]string{"go.mod is a Go module: go vet ./..., go build ./... and go test ./...", "package.json has the scripts lint: npm run each",
				"no package-lock.json: npm ci is not run, so install the dependencies before verify", "GNUmakefile has a test target: make test"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			steps, notes, err := Detect(writeFiles(t, tc.files))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(runs(steps), tc.want); diff != "" {
				t.Errorf("steps (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(notes, tc.wantNotes); diff != "" {
				t.Errorf("notes (-got +want):\n%s", diff)
			}
		})
	}
}

func TestDetectBadPackageJSON(t *testing.T) {
	t.Parallel()
	_, _, err := Detect(writeFiles(t, map[string]string{"package.json": "{"}))
	if err == nil {
		t.Error("Detect accepted a package.json that is not JSON")
	}
}

func TestChoose(t *testing.T) {
	t.Parallel()
	off := false
	goRepo := writeFiles(t, map[string]string{"go.mod": "module x\n"})
	policySteps := config.Verify{Steps: []config.Step{{Name: "t", Run: "make check", Timeout: config.Duration(config.DefaultStepTimeout)}}}
	for name, tc := range map[string]struct {
		v          config.Verify
		root       string
		wantSource string
		wantRuns   []string
		wantErr    bool
	}{
		"the policy's steps win": {policySteps, goRepo, "policy", []string{"make check"}, false},
		"detected":               {config.Default().Verify, goRepo, "detected", []string{"go vet ./...", "go build ./...", "go test ./..."}, false},
		"detection off":          {config.Verify{Detect: &off}, goRepo, "none", []string{}, false},
		"nothing detected":       {config.Default().Verify, t.TempDir(), "", nil, true},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Choose(tc.v, tc.root)
			if (err != nil) != tc.wantErr {
				t.Fatalf("Choose error = %v, want error %v", err, tc.wantErr)
			}
			if tc.wantErr {
				if !errors.Is(err, ErrNothingToRun) {
					t.Errorf("error %v is not ErrNothingToRun", err)
				}
				return
			}
			if p.Source != tc.wantSource {
				t.Errorf("source = %q, want %q", p.Source, tc.wantSource)
			}
			if diff := cmp.Diff(runs(p.Steps), tc.wantRuns); diff != "" {
				t.Errorf("steps (-got +want):\n%s", diff)
			}
		})
	}
}
