package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// bigDiff is a repository whose main has files text files and whose hotfix/big changes changed
// of them, in the mix of internal/change's benchmark: 55% get 3 lines replaced, 10% are
// reindented, 5% gain blank lines, 10% are deleted, 10% are renamed with a one-line edit, 5%
// become executable, 5% become binary.
type bigDiff struct{ files, changed int }

// name names the cached fixture; the suffix changes whenever the fixture does.
func (f bigDiff) name() string { return fmt.Sprintf("hotfix-bench-diff-%d-%d-v1", f.files, f.changed) }

// path spreads the files over 10 top directories of 100 packages each, as a large tree is.
func (bigDiff) path(i int) string {
	return fmt.Sprintf("d%02d/pkg%03d/file%06d.go", i%10, (i/10)%100, i)
}

// build writes the fixture with git fast-import.
func (f bigDiff) build(dir string) error {
	return importRepo(dir, func(s *stream) {
		rnd := rand.New(rand.NewPCG(7, 11))
		texts := make([][]string, f.files)
		blobs := make([]int, f.files)
		for i := range texts {
			texts[i] = sourceText(rnd, i)
			blobs[i] = s.blob(joined(texts[i]))
		}
		base := s.commit("refs/heads/main", "base")
		for i := range texts {
			s.modify("100644", blobs[i], f.path(i))
		}
		var ops []func()
		for k, i := range rnd.Perm(f.files)[:f.changed] {
			ops = append(ops, f.change(s, rnd, k%20, i, texts[i], blobs[i]))
		}
		s.commit("refs/heads/hotfix/big", "big hotfix", base)
		for _, op := range ops {
			op()
		}
	})
}

// change writes the blob for change kind (0..19, in twentieths) of file i and returns the file
// command that applies it, which goes in the commit after every blob.
func (f bigDiff) change(s *stream, rnd *rand.Rand, kind, i int, lines []string, blob int) func() {
	path := f.path(i)
	switch {
	case kind < 11:
		b := s.blob(joined(replaceLines(rnd, lines, 3)))
		return func() { s.modify("100644", b, path) }
	case kind < 13:
		b := s.blob(joined(reindented(lines)))
		return func() { s.modify("100644", b, path) }
	case kind < 14:
		b := s.blob(joined(append(append(append([]string(nil), lines[:5]...), "\n", "\n"), lines[5:]...)))
		return func() { s.modify("100644", b, path) }
	case kind < 16:
		return func() { s.remove(path) }
	case kind < 18:
		b := s.blob(joined(append([]string{"// moved\n"}, lines[1:]...)))
		return func() { s.remove(path); s.modify("100644", b, strings.Replace(path, "file", "moved", 1)) }
	case kind < 19:
		return func() { s.modify("100755", blob, path) }
	}
	b := s.blob(fmt.Sprintf("\x00binary %d", rnd.Int()))
	return func() { s.modify("100644", b, path) }
}

// reindented turns leading tabs into four spaces.
func reindented(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Replace(l, "\t", "    ", 1)
	}
	return out
}

// gitFlow is a generated git-flow history: main and develop from a base of files files; then
// hotfixes, each cut from main, with 1 to 3 commits that replace a few lines in 1 to 3 files,
// merged into main and develop with git-flow's "Merge branch 'hotfix/…'"; between them, feature
// work on develop in other files. The ranges guard sees are each merge's first parent...hotfix.
type gitFlow struct{ files, hotfixes int }

func (g gitFlow) name() string {
	return fmt.Sprintf("hotfix-bench-gitflow-%d-%d-v1", g.files, g.hotfixes)
}

func (gitFlow) path(i int) string { return fmt.Sprintf("pkg%02d/file%04d.go", i%40, i) }

// build writes the history with git fast-import.
func (g gitFlow) build(dir string) error {
	return importRepo(dir, func(s *stream) {
		rnd := rand.New(rand.NewPCG(3, 5))
		texts := make([][]string, g.files)
		var all []edit
		for i := range texts {
			texts[i] = sourceText(rnd, i)
			all = append(all, edit{i, s.blob(joined(texts[i]))})
		}
		base := s.commit("refs/heads/main", "base")
		g.apply(s, all)
		main, dev := base, s.commit("refs/heads/develop", "start develop", base)
		for h := range g.hotfixes {
			dev = g.feature(s, rnd, texts, dev)
			tip := g.hotfix(s, rnd, texts, h, main)
			msg := fmt.Sprintf("Merge branch 'hotfix/1.0.%d'", h+1)
			main = s.commit("refs/heads/main", msg, main, tip.commit)
			g.apply(s, tip.edits)
			dev = s.commit("refs/heads/develop", msg+" into develop", dev, tip.commit)
			g.apply(s, tip.edits)
		}
	})
}

// edit is a file's new content, as a blob mark.
type edit struct{ file, blob int }

// apply writes the file commands of edits.
func (g gitFlow) apply(s *stream, edits []edit) {
	for _, e := range edits {
		s.modify("100644", e.blob, g.path(e.file))
	}
}

// feature commits work on develop in 2 to 10 files of the upper half, which hotfixes never touch.
func (g gitFlow) feature(s *stream, rnd *rand.Rand, texts [][]string, dev int) int {
	var edits []edit
	for range 2 + rnd.IntN(9) {
		i := g.files/2 + rnd.IntN(g.files/2)
		edits = append(edits, edit{i, s.blob(joined(replaceLines(rnd, texts[i], 5)))})
	}
	dev = s.commit("refs/heads/develop", "feature work", dev)
	g.apply(s, edits)
	return dev
}

// branchTip is a hotfix branch's last commit and the final content of every file it changed.
type branchTip struct {
	commit int
	edits  []edit
}

// hotfix cuts hotfix/1.0.(h+1) from main and commits 1 to 3 fixes of 1 to 5 lines in 1 to 3
// files of the lower half.
func (g gitFlow) hotfix(s *stream, rnd *rand.Rand, texts [][]string, h, main int) branchTip {
	tip := branchTip{commit: main}
	last := map[int]int{}
	for c := range 1 + rnd.IntN(3) {
		var edits []edit
		for range 1 + rnd.IntN(3) {
			i := rnd.IntN(g.files / 2)
			texts[i] = replaceLines(rnd, texts[i], 1+rnd.IntN(5))
			edits = append(edits, edit{i, s.blob(joined(texts[i]))})
		}
		tip.commit = s.commit(fmt.Sprintf("refs/heads/hotfix/1.0.%d", h+1), fmt.Sprintf("Fix %d, part %d", h+1, c+1), tip.commit)
		g.apply(s, edits)
		for _, e := range edits {
			if _, seen := last[e.file]; !seen {
				tip.edits = append(tip.edits, e)
			}
			last[e.file] = e.blob
		}
	}
	for k, e := range tip.edits {
		tip.edits[k].blob = last[e.file]
	}
	return tip
}

// ranges lists the hotfix ranges of the history: each merge into main's first and second parent.
func (gitFlow) ranges(dir string) ([][2]string, error) {
	out, err := gitOutput(dir, "log", "--first-parent", "--merges", "--format=%P", "main")
	if err != nil {
		return nil, err
	}
	var rs [][2]string
	for line := range strings.Lines(out) {
		if p := strings.Fields(line); len(p) == 2 {
			rs = append(rs, [2]string{p[0], p[1]})
		}
	}
	return rs, nil
}
