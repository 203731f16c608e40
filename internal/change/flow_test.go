package change

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// flow builds a git-flow history: main and develop; feature branches merged into develop;
// release branches cut from develop and merged into main and back; hotfix branches cut from main
// and merged with --no-ff into main and develop, which gives "Merge branch 'hotfix/…'" commits.
// Public git-flow projects can't be cloned here, so the histories are generated from a seed, with
// the edits real hotfixes make: changed lines, reindents, new, deleted and renamed files, binary
// files and mode changes.
type flow struct {
	t   *testing.T
	r   *gittest.Repo
	rnd *rand.Rand
	n   int // makes names unique
}

// newFlow starts a history with a tree of text, script and binary files, and develop.
func newFlow(t *testing.T, seed uint64) *flow {
	f := &flow{t: t, r: gittest.New(t), rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	files := map[string]string{"VERSION": "1.0.0\n"}
	for i := range 24 {
		files[fmt.Sprintf("src/pkg%d/file %d.go", i%4, i)] = gittest.Lines(fmt.Sprintf("f%d", i), 10+f.rnd.IntN(40))
	}
	f.r.Write(files)
	writeFile(t, f.r, "assets/logo.png", []byte("\x89PNG\x00seed"), 0o644)
	writeFile(t, f.r, "scripts/deploy.sh", []byte("#!/bin/sh\necho deploy\n"), 0o644)
	f.r.Git("add", "-A")
	f.r.Git("commit", "-qm", "Initial commit")
	f.r.Git("branch", "develop")
	return f
}

// run plays steps of features, releases and hotfixes.
func (f *flow) run(steps int) {
	for range steps {
		switch f.rnd.IntN(4) {
		case 0:
			f.branch("feature/f%d", "develop", "develop")
		case 1:
			f.branch("release/1.%d.0", "develop", "main", "develop")
		default:
			f.branch("hotfix/1.0.%d", "main", "main", "develop")
		}
	}
}

// branch cuts a branch from `from`, commits to it, and merges it with --no-ff into each target.
func (f *flow) branch(pattern, from string, into ...string) {
	f.n++
	name := fmt.Sprintf(pattern, f.n)
	f.r.Git("checkout", "-q", "-b", name, from)
	for range 1 + f.rnd.IntN(3) {
		f.commit()
	}
	for _, target := range into {
		f.r.Git("checkout", "-q", target)
		f.merge(name)
	}
}

// merge merges branch --no-ff with git's default message. A conflict is settled for the branch.
func (f *flow) merge(branch string) {
	if f.try("merge", "-q", "--no-ff", "--no-edit", "-X", "theirs", branch) == nil {
		return
	}
	for _, path := range strings.Split(strings.Trim(f.r.Git("diff", "--name-only", "-z", "--diff-filter=U"), "\x00"), "\x00") {
		if f.try("checkout", "--theirs", "--", path) != nil {
			f.r.Git("rm", "-q", "--", path)
		}
	}
	f.r.Git("add", "-A")
	f.r.Git("commit", "-q", "--no-edit")
}

// try runs git and returns its error instead of ending the test.
func (f *flow) try(args ...string) error {
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = f.r.Dir, gittest.Env
	return cmd.Run()
}

// commit makes one commit of one to four random edits.
func (f *flow) commit() {
	for range 1 + f.rnd.IntN(4) {
		f.edit()
	}
	f.r.Git("add", "-A")
	f.r.Git("commit", "-q", "--allow-empty", "-m", fmt.Sprintf("change %d", f.n))
}

// edit makes one random change to the worktree.
func (f *flow) edit() {
	files := strings.Split(strings.Trim(f.r.Git("ls-files", "-z", "src"), "\x00"), "\x00")
	path := files[f.rnd.IntN(len(files))]
	switch k := f.rnd.IntN(10); {
	case k < 4:
		f.rewrite(path, f.changeLines)
	case k == 4:
		f.rewrite(path, func(lines []string) []string { return reindent(lines) })
	case k == 5:
		f.n++
		f.r.Write(map[string]string{fmt.Sprintf("src/new/ünï %d.go", f.n): gittest.Lines("new", 1+f.rnd.IntN(20))})
	case k == 6 && len(files) > 8:
		f.r.Git("rm", "-q", "--", path)
	case k == 7:
		f.n++
		f.r.Git("mv", "--", path, filepath.Join(filepath.Dir(path), fmt.Sprintf("moved %d %s", f.n, filepath.Base(path))))
	case k == 8:
		writeFile(f.t, f.r, "assets/logo.png", fmt.Appendf(nil, "\x89PNG\x00%d", f.rnd.Int()), 0o644)
	default:
		mode := os.FileMode(0o644 | 0o111*os.FileMode(f.rnd.IntN(2)))
		writeFile(f.t, f.r, "scripts/deploy.sh", []byte("#!/bin/sh\necho deploy\n"), mode)
	}
}

// rewrite replaces a file's lines with change(lines).
func (f *flow) rewrite(path string, change func([]string) []string) {
	data, err := os.ReadFile(filepath.Join(f.r.Dir, path))
	if err != nil {
		f.t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	f.r.Write(map[string]string{path: strings.Join(change(lines), "")})
}

// changeLines replaces, inserts or deletes a few lines.
func (f *flow) changeLines(lines []string) []string {
	for range 1 + f.rnd.IntN(3) {
		i := f.rnd.IntN(len(lines))
		switch f.rnd.IntN(3) {
		case 0:
			lines[i] = fmt.Sprintf("fixed %d\n", f.rnd.Int())
		case 1:
			lines = append(lines[:i], append([]string{"added\n"}, lines[i:]...)...)
		default:
			if len(lines) > 2 {
				lines = append(lines[:i], lines[i+1:]...)
			}
		}
	}
	return lines
}

// reindent indents every line with a tab.
func reindent(lines []string) []string {
	for i, line := range lines {
		if line != "" {
			lines[i] = "\t" + line
		}
	}
	return lines
}

// merges returns each merge commit's SHA and subject.
func (f *flow) merges() [][2]string {
	var out [][2]string
	for _, line := range strings.Split(f.r.Git("log", "--all", "--merges", "--format=%H %s"), "\n") {
		sha, subject, _ := strings.Cut(line, " ")
		out = append(out, [2]string{sha, subject})
	}
	return out
}

// TestFromGitEqualsNumstatOnGitFlow checks, for every merge commit M of generated git-flow
// histories, that FromGit(M^1, M^2) has the totals of git diff --numstat --find-renames M^1...M^2.
func TestFromGitEqualsNumstatOnGitFlow(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			t.Parallel()
			f := newFlow(t, seed)
			f.run(12)
			hotfixes := 0
			for _, m := range f.merges() {
				if strings.HasPrefix(m[1], "Merge branch 'hotfix/") {
					hotfixes++
				}
				base, head := m[0]+"^1", m[0]+"^2"
				got, err := FromGit(context.Background(), f.r.Dir, base, head)
				if err != nil {
					t.Fatalf("%s: %v", m[1], err)
				}
				if diff := cmp.Diff(setTotals(got), numstat(t, f.r.Dir, base, head)); diff != "" {
					t.Errorf("%s (%s): totals (-got +numstat):\n%s", m[1], m[0], diff)
				}
				if n := atoi(t, f.r.Git("rev-list", "--count", base+".."+head)); len(got.Commits) != n {
					t.Errorf("%s: %d commits, want %d", m[1], len(got.Commits), n)
				}
			}
			if hotfixes < 4 {
				t.Errorf("history has %d hotfix merges, want at least 4", hotfixes)
			}
		})
	}
}
