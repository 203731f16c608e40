//go:build e2e

package statuspage

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// chromium is Debian's chromium, installed with apt-get when it is missing. A machine that
// can't install it fails the test with the reason: the test never skips.
func chromium(t *testing.T) string {
	t.Helper()
	if path, err := exec.LookPath("chromium"); err == nil {
		return path
	}
	for _, args := range [][]string{{"update"}, {"install", "-y", "--no-install-recommends", "chromium"}} {
		cmd := exec.Command("apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("install Debian's chromium for the browser test: apt-get %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("apt-get installed chromium, but it is not on PATH: %v", err)
	}
	return path
}

// browse runs headless chromium on url, and returns its stdout.
func browse(t *testing.T, bin, url string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), url)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// TestPageInChromium writes the fixture's site, opens it in headless chromium, checks from the DOM that the open incident and its updates are rendered, and keeps
// screenshots at a desktop and a phone width as the test's artifacts (go test -artifacts keeps
// them under -outputdir; the path is logged). docs/status-page.png is the desktop one.
func TestPageInChromium(t *testing.T) {
	t.Parallel()
	bin := chromium(t)
	dir := filepath.Join(t.TempDir(), "site")
	p1 := openP1()
	p1.Title = "Sign-in fails for some users" // the README shows this screenshot
	files, err := Render(Build([]incident.Record{p1, openP3(), resolvedP0()}, options()))
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, files, func(File) {}); err != nil {
		t.Fatal(err)
	}
	index := "file://" + filepath.Join(dir, "index.html")
	dom := string(browse(t, bin, index, "--dump-dom"))
	for _, want := range []string{"Partial System Outage", `<span class="state partial_outage">Partial outage</span>`,
		`<a href="incidents/7.html">Sign-in fails for some users</a>`, "Impact: Nobody can sign in &amp; sessions drop", "The token signer was rotated; [name withheld] and [name withheld] roll it back."} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered DOM lacks %q:\n%s", want, dom)
		}
	}
	out := t.ArtifactDir()
	for _, shot := range []struct {
		name          string
		width, height int
	}{{"status-page.png", 1000, 1400}, {"status-page-phone.png", 390, 844}} {
		path := filepath.Join(out, shot.name)
		browse(t, bin, index, "--screenshot="+path, fmt.Sprintf("--window-size=%d,%d", shot.width, shot.height))
		checkPNG(t, path, shot.width, shot.height)
		t.Logf("screenshot: %s", path)
	}
}

// checkPNG fails unless path is a PNG of the window's size.
func checkPNG(t *testing.T, path string, width, height int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the screenshot is missing: %v", err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width != width || cfg.Height != height {
		t.Errorf("screenshot %s: %dx%d, %v; want a %dx%d PNG", path, cfg.Width, cfg.Height, err, width, height)
	}
}
