//go:build e2e

package containertest

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"path"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// maxImageBytes is issue #14's goal for the image's size: at most 15 MB.
const maxImageBytes = 15_000_000

// imageConfig is the part of `docker image inspect` that the contract reads.
type imageConfig struct {
	Size   int64
	Config struct {
		User       string
		WorkingDir string
		Entrypoint []string
		Cmd        []string
	}
}

// TestImage checks the image as GitHub's documentation asks of a Docker action: /hotfix as the
// entrypoint, no USER and no WORKDIR (the runner runs it as root in /github/workspace), and its
// size. Its files hold no shell and no git: the one executable is /hotfix.
func TestImage(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("docker", "image", "inspect", image).Output()
	must(t, err)
	var cfgs []imageConfig
	must(t, json.Unmarshal(out, &cfgs))
	if len(cfgs) != 1 {
		t.Fatalf("docker image inspect %s: %d images", image, len(cfgs))
	}
	c := cfgs[0]
	if c.Size > maxImageBytes {
		t.Errorf("the image is %d bytes, over the goal of %d", c.Size, maxImageBytes)
	}
	if diff := cmp.Diff([]any{c.Config.Entrypoint, c.Config.Cmd, c.Config.User, c.Config.WorkingDir}, []any{[]string{"/hotfix"}, []string(nil), "", ""}); diff != "" {
		t.Errorf("entrypoint, cmd, user, working dir (-got +want):\n%s", diff)
	}
	var executables []string
	forEachFile(t, image, func(h *tar.Header, _ []byte) {
		if h.Typeflag == tar.TypeReg && h.Mode&0o111 != 0 || h.Typeflag == tar.TypeSymlink {
			executables = append(executables, h.Name)
		}
	})
	if diff := cmp.Diff(executables, []string{"hotfix"}); diff != "" {
		t.Errorf("the image's executables and links, where a shell or git would be (-got +want):\n%s", diff)
	}
}

// TestImageHasNoShell runs the image with a shell as its entrypoint, which must not start.
func TestImageHasNoShell(t *testing.T) {
	t.Parallel()
	for _, shell := range []string{"/bin/sh", "sh", "git"} {
		out, err := exec.Command("docker", "run", "--rm", "--entrypoint", shell, image, "-c", "true").CombinedOutput()
		if err == nil || !strings.Contains(string(out), "no such file or directory") && !strings.Contains(string(out), "not found") {
			t.Errorf("docker run --entrypoint %s: %v, want no such file\n%s", shell, err, out)
		}
	}
}

// checkNoSecret fails when secret is in any file of the image ref or any line of its history.
func checkNoSecret(t *testing.T, ref, secret string) {
	t.Helper()
	history, err := exec.Command("docker", "history", "--no-trunc", "--format", "{{.CreatedBy}}", ref).Output()
	must(t, err)
	if strings.Contains(string(history), secret) {
		t.Errorf("the history of %s holds the token:\n%s", ref, history)
	}
	for _, forbidden := range []string{"USER ", "WORKDIR "} {
		if strings.Contains(string(history), forbidden) {
			t.Errorf("the history of %s has %s:\n%s", ref, forbidden, history)
		}
	}
	found := 0
	forEachFile(t, ref, func(h *tar.Header, body []byte) {
		if bytes.Contains(body, []byte(secret)) {
			t.Errorf("%s in the image holds the token", h.Name)
		}
		found++
	})
	if found == 0 {
		t.Errorf("docker save %s gave no files to search", ref)
	}
}

// forEachFile calls fn with each entry of each layer of ref, from `docker save`, with its content.
func forEachFile(t *testing.T, ref string, fn func(*tar.Header, []byte)) {
	t.Helper()
	saved, err := exec.Command("docker", "save", ref).Output()
	must(t, err)
	readTar(t, bytes.NewReader(saved), func(h *tar.Header, body []byte) {
		if path.Base(h.Name) == "layer.tar" {
			readTar(t, bytes.NewReader(body), fn)
		}
	})
}

// readTar calls fn with each entry of a tar stream, in the stream's order.
func readTar(t *testing.T, r io.Reader, fn func(*tar.Header, []byte)) {
	t.Helper()
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		must(t, err)
		body, err := io.ReadAll(tr)
		must(t, err)
		fn(h, body)
	}
}
