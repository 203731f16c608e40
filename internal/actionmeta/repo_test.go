package actionmeta_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/actionmeta"
	"github.com/incident-hotfix/incident-hotfix/internal/cli"
)

// root is the repository root, from this package's directory.
const root = "../.."

// image is the published image that every per-command action runs, without its tag.
const image = "docker://ghcr.io/incident-hotfix/incident-hotfix:"

// pending lists the per-command actions whose command the binary does not have yet. Their
// metadata is written ahead of the command; the test fails once the command lands, so that the
// entry is removed here and the action is checked like the others.
var pending = map[string]bool{}

// argInput finds `${{ inputs.NAME }}` in an action's args.
var argInput = regexp.MustCompile(`\$\{\{\s*inputs\.([a-z0-9_]+)\s*\}\}`)

func loadAll(t *testing.T) []actionmeta.Metadata {
	t.Helper()
	all, err := actionmeta.LoadAll(root)
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// TestActionsAreWellFormed checks the fields that the runner and the Marketplace need.
func TestActionsAreWellFormed(t *testing.T) {
	t.Parallel()
	all := loadAll(t)
	if len(all) < 9 {
		t.Fatalf("found %d actions, want the root and one per command", len(all))
	}
	for _, m := range all {
		if err := m.Check(); err != nil {
			t.Error(err)
		}
	}
	if err := all[0].CheckBranding(); err != nil {
		t.Error(err)
	}
}

// TestActionInputsAreOptions checks that each input of each container action is the token, an
// argument of the action, or an option the command it runs accepts.
func TestActionInputsAreOptions(t *testing.T) {
	t.Parallel()
	for _, m := range loadAll(t) {
		cmd := m.Command()
		if cmd == "" || pending[cmd] {
			continue
		}
		accepted, ok := cli.Inputs(cmd)
		if !ok {
			t.Errorf("%s runs hotfix %s, which the binary lacks; commands: %v", m.Path, cmd, cli.Commands())
			continue
		}
		for _, in := range m.Inputs {
			if in.Name != cli.TokenInput && !usedInArgs(m, in.Name) && !slices.Contains(accepted, in.Name) {
				t.Errorf("%s: input %s is not an option of hotfix %s; its inputs: %v", m.Path, in.Name, cmd, accepted)
			}
		}
	}
}

// usedInArgs reports whether the action passes input name as an argument.
func usedInArgs(m actionmeta.Metadata, name string) bool {
	for _, a := range m.Runs.Args {
		for _, match := range argInput.FindAllStringSubmatch(a, -1) {
			if match[1] == name {
				return true
			}
		}
	}
	return false
}

// TestActionOutputsAreWritten checks that each action's outputs are the ones its command writes:
// all of them for a command run by its own name, a subset for an action that runs one route of
// `hotfix run`.
func TestActionOutputsAreWritten(t *testing.T) {
	t.Parallel()
	for _, m := range loadAll(t) {
		cmd := m.Command()
		if cmd == "" || pending[cmd] {
			continue
		}
		var got []string
		for _, o := range m.Outputs {
			got = append(got, o.Name)
		}
		written := cli.Outputs(cmd)
		if cmd != "run" || m.Path == "action.yml" {
			if diff := cmp.Diff(got, written); diff != "" {
				t.Errorf("%s: outputs differ from what hotfix %s writes (-action +written):\n%s", m.Path, cmd, diff)
			}
			continue
		}
		for _, o := range got {
			if !slices.Contains(written, o) {
				t.Errorf("%s: output %s is not one hotfix run writes: %v", m.Path, o, written)
			}
		}
	}
}

// TestPendingCommandsAreStillMissing fails once a pending command lands in the binary.
func TestPendingCommandsAreStillMissing(t *testing.T) {
	t.Parallel()
	for cmd := range pending {
		if slices.Contains(cli.Commands(), cmd) {
			t.Errorf("hotfix %s is in the binary now: remove it from pending, so actions/%s/action.yml is checked", cmd, cmd)
		}
		if _, err := os.Stat(filepath.Join(root, "actions", cmd, "action.yml")); err != nil {
			t.Errorf("pending command %s has no action: %v", cmd, err)
		}
	}
}

// TestEveryCommandHasAnAction checks that each command that does work on GitHub has its action.
func TestEveryCommandHasAnAction(t *testing.T) {
	t.Parallel()
	offline := map[string]bool{"run": true, "sandbox": true, "demo": true, "version": true, "help": true, "verify": true, "init": true}
	for _, cmd := range cli.Commands() {
		if offline[cmd] {
			continue
		}
		if _, err := os.Stat(filepath.Join(root, "actions", cmd, "action.yml")); err != nil {
			t.Errorf("hotfix %s has no action: %v", cmd, err)
		}
	}
}

// TestImageVersionsAgree checks that every per-command action runs the published image of the
// version in VERSION, and that the root action builds the Dockerfile.
func TestImageVersionsAgree(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join(root, "VERSION"))
	if err != nil {
		t.Fatal(err)
	}
	version := strings.TrimSpace(string(raw))
	if !regexp.MustCompile(`^v\d+\.\d+\.\d+$`).MatchString(version) {
		t.Fatalf("VERSION %q is not vMAJOR.MINOR.PATCH", version)
	}
	for _, m := range loadAll(t) {
		want := image + version
		switch {
		case m.Path == "action.yml":
			want = "Dockerfile"
		case m.Runs.Using != "docker":
			continue
		}
		if m.Runs.Image != want {
			t.Errorf("%s: image %q, want %q", m.Path, m.Runs.Image, want)
		}
	}
}

// TestEnvInputsAreListed finds every INPUT_ variable that the binary's code reads by name and
// checks that it is the token or listed as an input a command reads itself.
func TestEnvInputsAreListed(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(root, "internal", "*", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	read := regexp.MustCompile(`"INPUT_([A-Z0-9_]+)"`)
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range read.FindAllStringSubmatch(string(src), -1) {
			seen++
			name := strings.ToLower(m[1])
			if name != cli.TokenInput && !slices.Contains(cli.EnvInputs(), name) {
				t.Errorf("%s reads INPUT_%s, which no command lists as an input it reads itself", f, m[1])
			}
		}
	}
	if seen == 0 {
		t.Error("found no INPUT_ variable read by name; the token at least is read so")
	}
}

// TestReadmeReferenceIsCurrent checks that README.md carries the reference generated from the
// action metadata; `go run ./scripts/actiondocs` regenerates it.
func TestReadmeReferenceIsCurrent(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(raw)
	generated, err := actionmeta.Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	want, err := actionmeta.Splice(got, generated)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("README.md's action reference is out of date; run go run ./scripts/actiondocs (-got +want):\n%s", cmp.Diff(got, want))
	}
}
