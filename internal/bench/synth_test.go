package bench

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// stream writes a git fast-import stream: blobs and commits with marks, so that a repository of
// 100,000 files is one git process instead of 100,000 file writes and an index.
// See https://git-scm.com/docs/git-fast-import
type stream struct {
	w    *bufio.Writer
	mark int
	when int64 // the commit time, one second later for each commit
}

// blob writes content and returns its mark.
func (s *stream) blob(content string) int {
	s.mark++
	fmt.Fprintf(s.w, "blob\nmark :%d\ndata %d\n%s\n", s.mark, len(content), content)
	return s.mark
}

// commit starts a commit on ref with message and parents (marks), and returns its mark; the
// caller writes the file commands (M, D) after it.
func (s *stream) commit(ref, message string, parents ...int) int {
	s.mark++
	s.when++
	who := fmt.Sprintf("Ada Hotfix <ada@example.com> %d +0000", s.when)
	fmt.Fprintf(s.w, "commit %s\nmark :%d\nauthor %s\ncommitter %s\ndata %d\n%s\n", ref, s.mark, who, who, len(message), message)
	for i, p := range parents {
		if i == 0 {
			fmt.Fprintf(s.w, "from :%d\n", p)
		} else {
			fmt.Fprintf(s.w, "merge :%d\n", p)
		}
	}
	return s.mark
}

// modify writes an M command: path gets blob with mode.
func (s *stream) modify(mode string, blob int, path string) {
	fmt.Fprintf(s.w, "M %s :%d %s\n", mode, blob, path)
}

// remove writes a D command.
func (s *stream) remove(path string) { fmt.Fprintf(s.w, "D %s\n", path) }

// importRepo makes a bare repository in dir from the stream that write produces, and packs it.
func importRepo(dir string, write func(*stream)) error {
	if err := runGit(dir, "init", "-q", "--bare", "-b", "main"); err != nil {
		return err
	}
	cmd := exec.Command("git", "-C", dir, "fast-import", "--quiet", "--done")
	cmd.Env = gittest.Env
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return err
	}
	s := &stream{w: bufio.NewWriterSize(in, 1<<20), when: 1767323045}
	write(s)
	fmt.Fprintln(s.w, "done")
	err = s.w.Flush()
	if cerr := in.Close(); err == nil {
		err = cerr
	}
	if werr := cmd.Wait(); werr != nil {
		return fmt.Errorf("git fast-import: %v: %s", werr, out.String())
	}
	return err
}

// runGit runs git in dir with the fixed test environment.
func runGit(dir string, args ...string) error {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = gittest.Env
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("git %s: %v: %s", args[0], err, out)
	}
	return nil
}

// gitOutput runs git in dir and returns its output.
func gitOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = gittest.Env
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v", args[0], err)
	}
	return string(out), nil
}

// cached builds a fixture once and keeps it in the temp dir under name (which changes with the
// fixture), so that later runs start at once.
func cached(name string, build func(dir string) error) (string, error) {
	dir := filepath.Join(os.TempDir(), name)
	if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
		return dir, nil
	}
	tmp, err := os.MkdirTemp(os.TempDir(), name+"-build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	if err := build(tmp); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, "complete"), nil, 0o644); err != nil {
		return "", err
	}
	_ = os.RemoveAll(dir)
	return dir, os.Rename(tmp, dir)
}

// sourceText is a Go-like file of 40 to 120 numbered lines.
func sourceText(rnd *rand.Rand, i int) []string {
	lines := make([]string, 40+rnd.IntN(80))
	for j := range lines {
		lines[j] = fmt.Sprintf("\tvalue%d := compute(%d, %d) // file %d\n", j, i, rnd.IntN(1000), i)
	}
	return lines
}

// replaceLines replaces k random lines of a copy of lines.
func replaceLines(rnd *rand.Rand, lines []string, k int) []string {
	out := append([]string(nil), lines...)
	for range k {
		out[rnd.IntN(len(out))] = fmt.Sprintf("\tfixed := %d\n", rnd.Int())
	}
	return out
}

// joined is lines as file content.
func joined(lines []string) string { return strings.Join(lines, "") }
