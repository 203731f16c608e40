package actionmeta

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPinImage(t *testing.T) {
	t.Parallel()
	digest := "sha256:" + strings.Repeat("ab", 32)
	meta := "name: guard\nruns:\n  using: docker\n  image: docker://ghcr.io/acme/tool:v1.2.3\n  args: [guard]\n"
	got, err := PinImage([]byte(meta), "ghcr.io/acme/tool", "v1.2.3", digest)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(meta, ":v1.2.3", "@"+digest, 1); string(got) != want {
		t.Errorf("pinned:\n%s\nwant:\n%s", got, want)
	}
	for _, tt := range []struct{ name, meta, digest, want string }{
		{"a tag for a digest", meta, "v1.2.3", "is not sha256"},
		{"a short digest", meta, "sha256:abc", "is not sha256"},
		{"another tag", strings.Replace(meta, "v1.2.3", "v1.2.2", 1), digest, "0 times"},
		{"named twice", meta + "  image: docker://ghcr.io/acme/tool:v1.2.3\n", digest, "2 times"},
	} {
		if _, err := PinImage([]byte(tt.meta), "ghcr.io/acme/tool", "v1.2.3", tt.digest); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error saying %q", tt.name, err, tt.want)
		}
	}
}

// TestShippedActionsPinCleanly: every docker action in this repository names the image of VERSION
// exactly once, so the release can pin each of them.
func TestShippedActionsPinCleanly(t *testing.T) {
	t.Parallel()
	version, err := os.ReadFile(filepath.Join("..", "..", "VERSION"))
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "actions", "*", "action.yml"))
	pinned := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "using: docker") {
			continue
		}
		if _, err := PinImage(data, "ghcr.io/incident-hotfix/incident-hotfix", strings.TrimSpace(string(version)), "sha256:"+strings.Repeat("0", 64)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		pinned++
	}
	if pinned < 8 {
		t.Errorf("pinned %d docker actions, want the 8 of actions/", pinned)
	}
}
