package bench

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// maxTagBytes is issue #16's bound on what choosing the tag into main may transfer.
const maxTagBytes = 300 << 10

// chooseTagIntoMain gives main a history of n releases, v1.0.0 to v1.M.P, one commit each a
// minute apart, as a project that tags every release on main has, then counts the reads and
// bytes of tagging a hotfix merged into main. The tag must be the one git chooses.
func chooseTagIntoMain(tb testing.TB, s *sandboxtest.Sandbox, n int) map[string]int {
	tb.Helper()
	releaseHistory(tb, s, n)
	pr := mergedPR(9, "main", "hotfix/slow", s.Push("main", map[string]string{"app.go": "fix\n"}))
	bytes := &byteCount{base: s.Client.Client().Transport}
	c := github.NewClient(&http.Client{Transport: bytes})
	c.BaseURL = s.Client.BaseURL
	var res string
	routes := counted(s, func() { res = tagRelease(tb, c, pr).Tag })
	if want := fmt.Sprintf("v1.%d.%d", (n-1)/100, (n-1)%100+1); res != want {
		tb.Errorf("tag into main with %d releases = %s, want %s (git tag --merged main: v1.%d.%d is the highest)", n, res, want, (n-1)/100, (n-1)%100)
	}
	if bytes.n > maxTagBytes { // checked before the baseline below reuses the count
		tb.Errorf("choosing the tag into main with %d tags read %d bytes, want at most %d", n, bytes.n, maxTagBytes)
	}
	chose := bytes.n
	bytes.n = 0 // the baseline: the one matching-refs response of every v-tag, as before #16
	if _, _, err := c.Git.ListMatchingRefs(ctx, sandboxtest.Owner, sandboxtest.Name, &github.ReferenceListOptions{Ref: "tags/v"}); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("n=%d: choosing the tag read %d bytes; listing every v-tag alone reads %d", n, chose, bytes.n)
	return reads(routes)
}

// releaseHistory writes n commits on main with git fast-import, each a minute after the one
// before and tagged v1.M.P in order, 100 patches per line.
func releaseHistory(tb testing.TB, s *sandboxtest.Sandbox, n int) {
	tb.Helper()
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	var in bytes.Buffer
	fmt.Fprintf(&in, "reset refs/heads/main\nfrom refs/heads/main^0\n")
	for i := range n {
		msg := fmt.Sprintf("release v1.%d.%d", i/100, i%100)
		fmt.Fprintf(&in, "commit refs/heads/main\nmark :%d\ncommitter Rel <rel@example.com> %d +0000\ndata %d\n%s\n", i+1, start+int64(i)*60, len(msg), msg)
	}
	marks := filepath.Join(tb.TempDir(), "marks")
	cmd := exec.Command("git", "fast-import", "--quiet", "--export-marks="+marks)
	cmd.Dir, cmd.Env, cmd.Stdin = s.Dir, gittest.Env, &in
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("git fast-import: %v: %s", err, out)
	}
	data, err := os.ReadFile(marks)
	if err != nil {
		tb.Fatal(err)
	}
	refs := map[string]string{}
	for line := range strings.Lines(string(data)) {
		var mark int
		var sha string
		if _, err := fmt.Sscanf(line, ":%d %s", &mark, &sha); err == nil {
			refs[fmt.Sprintf("refs/tags/v1.%d.%d", (mark-1)/100, (mark-1)%100)] = sha
		}
	}
	packRefsAt(tb, s.Dir, refs)
}

// byteCount counts the bytes of the response bodies read through it.
type byteCount struct {
	base http.RoundTripper
	n    int64
}

func (b *byteCount) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := b.base.RoundTrip(r)
	if err == nil {
		resp.Body = countedBody{resp.Body, &b.n}
	}
	return resp, err
}

// countedBody adds what is read from it to n.
type countedBody struct {
	io.ReadCloser
	n *int64
}

func (c countedBody) Read(p []byte) (int, error) {
	k, err := c.ReadCloser.Read(p)
	*c.n += int64(k)
	return k, err
}
