//go:build e2e

package chaos

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// binDir holds the built binary, once a test has built it.
var binDir string

// built is the hotfix binary, built once per test process by the first test that needs it.
var built = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "hotfix-bin-")
	if err != nil {
		return "", err
	}
	binDir = dir
	bin := filepath.Join(dir, "hotfix")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/incident-hotfix/incident-hotfix/cmd/hotfix").CombinedOutput()
	if err != nil {
		return "", errors.New("go build ./cmd/hotfix: " + err.Error() + "\n" + string(out))
	}
	return bin, nil
})

// TestMain removes the built binary once the tests are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// process returns a hotfix that runs the built binary as a real process, as the container
// action does, with only the runner's variables and what git needs.
func process(t testing.TB) hotfix {
	t.Helper()
	bin, err := built()
	if err != nil {
		t.Fatal(err)
	}
	return func(ctx context.Context, vars map[string]string, dir string, args ...string) (int, string) {
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Dir, cmd.Env = dir, environ(vars)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), out.String()
		}
		if err != nil {
			return -1, out.String() + err.Error()
		}
		return 0, out.String()
	}
}

// environ is git's fixed environment plus vars, sorted.
func environ(vars map[string]string) []string {
	env := append([]string(nil), gittest.Env...)
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	sort.Strings(env)
	return env
}
