package change

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// whitespace decides, hunk by hunk, whether a file's change is whitespace only. A hunk passes
// when its removed lines and its added lines are the same list once each line is squeezed: every
// space, tab, carriage return, vertical tab and form feed taken out, and lines left empty dropped.
type whitespace struct {
	candidate bool // the file has content on both sides, so it can be whitespace only
	hunks     int  // hunks seen
	failed    bool // a hunk did not pass
	old, new  []byte
}

// start begins a file.
func (w *whitespace) start(candidate bool) {
	*w = whitespace{candidate: candidate, old: w.old[:0], new: w.new[:0]}
}

// removed takes a removed line, without its "-".
func (w *whitespace) removed(line []byte) {
	if w.candidate && !w.failed {
		w.old = squeeze(w.old, line)
	}
}

// added takes an added line, without its "+".
func (w *whitespace) added(line []byte) {
	if w.candidate && !w.failed {
		w.new = squeeze(w.new, line)
	}
}

// endHunk compares the two sides of the hunk, or of the part of it up to a context line.
func (w *whitespace) endHunk() {
	if !w.candidate || w.failed {
		return
	}
	w.hunks++
	w.failed = !bytes.Equal(w.old, w.new)
	w.old, w.new = w.old[:0], w.new[:0]
}

// only reports whether the file changed, in whitespace alone.
func (w *whitespace) only() bool { return w.candidate && w.hunks > 0 && !w.failed }

// squeeze appends line without its whitespace, and a newline, unless nothing is left.
func squeeze(dst, line []byte) []byte {
	n := len(dst)
	for len(line) > 0 {
		i := 0
		for i < len(line) && !isSpace[line[i]] {
			i++
		}
		dst = append(dst, line[:i]...)
		for i < len(line) && isSpace[line[i]] {
			i++
		}
		line = line[i:]
	}
	if len(dst) == n {
		return dst
	}
	return append(dst, '\n')
}

// isSpace holds the bytes squeeze takes out, the ones git's --ignore-all-space ignores.
var isSpace = [256]bool{' ': true, '\t': true, '\r': true, '\v': true, '\f': true}

// PatchWhitespaceOnly applies File.WhitespaceOnly's rule to a patch as GitHub sends it: hunks
// with three lines of context and no file header. Context lines split a hunk the way they split
// git's zero-context diff into hunks.
func PatchWhitespaceOnly(text string) (bool, error) {
	p := patch{lines: lineReader{r: bufio.NewReader(strings.NewReader(text))}}
	p.space.start(true)
	var f File
	for {
		line, err := p.lines.next()
		if errors.Is(err, io.EOF) {
			return p.space.only(), nil
		}
		if err != nil {
			return false, fmt.Errorf("patch: %w", err)
		}
		oldLines, newLines, err := hunkHeader(line)
		if err != nil {
			return false, fmt.Errorf("patch: %w", err)
		}
		if err := p.hunk(&f, oldLines, newLines); err != nil {
			return false, fmt.Errorf("patch: %w", err)
		}
	}
}
