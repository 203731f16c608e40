package statuspage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// site is a small site's files.
var site = []File{{"index.html", []byte("index\n")}, {"incidents/1.html", []byte("one\n")}, {"status.json", []byte("{}\n")}}

// tree lists the files under dir with their contents.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWriteNewAndReplace writes a site into a new directory, then replaces it: a file the new
// site lacks is gone, no temporary directory is left, and progress is told of every file.
func TestWriteNewAndReplace(t *testing.T) {
	t.Parallel()
	parent := filepath.Join(t.TempDir(), "public")
	dir := filepath.Join(parent, "site") // its parent is made too
	var told []string
	if err := Write(dir, site, func(f File) { told = append(told, f.Path) }); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(told, []string{"index.html", "incidents/1.html", "status.json"}); diff != "" {
		t.Errorf("progress (-got +want):\n%s", diff)
	}
	next := []File{{"index.html", []byte("new\n")}, {"status.json", []byte("{\"v\":2}\n")}}
	if err := Write(dir, next, func(File) {}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tree(t, dir), map[string]string{"index.html": "new\n", "status.json": "{\"v\":2}\n"}); diff != "" {
		t.Errorf("site after the replace (-got +want):\n%s", diff)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("parent holds %d entries, want only the site", len(entries))
	}
}

// TestWriteRefuses checks the errors: a directory that holds something else is left as it
// was, and a file path outside the site writes nothing at all.
func TestWriteRefuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string)
		files   []File
		wantErr string
		want    map[string]string
	}{
		{"a directory of something else", func(t *testing.T, dir string) { mustWrite(t, filepath.Join(dir, "notes.txt"), "mine") }, site,
			"is not empty and holds no status.json", map[string]string{"notes.txt": "mine"}},
		{"a path out of the site", func(t *testing.T, dir string) {}, []File{{"index.html", nil}, {"../escape.html", nil}},
			`status page file "../escape.html" is not a path inside the site`, map[string]string{}},
		{"an absolute path", func(t *testing.T, dir string) {}, []File{{"/etc/x", nil}}, `status page file "/etc/x" is not a path inside the site`, map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			parent := t.TempDir()
			dir := filepath.Join(parent, "site")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			tt.setup(t, dir)
			err := Write(dir, tt.files, func(File) {})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Write = %v, want an error with %q", err, tt.wantErr)
			}
			if diff := cmp.Diff(tree(t, dir), tt.want); diff != "" {
				t.Errorf("dir after the refusal (-got +want):\n%s", diff)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 1 {
				t.Errorf("parent holds %d entries, want only the site: a temporary directory was left", len(entries))
			}
		})
	}
}

func mustWrite(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
