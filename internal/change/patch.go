package change

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// parseDiff reads the output of diffArgs: the raw records, then one patch section for each (two
// for a type change), in the same order.
func parseDiff(r *bufio.Reader) ([]File, error) {
	entries, err := readEntries(r)
	if err != nil {
		return nil, err
	}
	p := patch{lines: lineReader{r: r}}
	files := make([]File, len(entries))
	for i, e := range entries {
		files[i] = e.file()
		if err := p.file(&files[i], e); err != nil {
			return nil, fmt.Errorf("patch of %s: %w", e.path, err)
		}
	}
	if line, err := p.lines.next(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("patch: unexpected %q after the last file", line)
	}
	return files, nil
}

// patch reads the sections of a zero-context patch.
type patch struct {
	lines lineReader
	space whitespace
}

// file reads the sections of one file, counting its lines and deciding whether the change is
// whitespace only.
func (p *patch) file(f *File, e entry) error {
	p.space.start(f.Status != Added && f.Status != Deleted && e.status != 'T')
	for range e.sections() {
		if err := p.section(f); err != nil {
			return err
		}
	}
	if f.Binary {
		f.Additions, f.Deletions = 0, 0 // numstat prints "-" for both
	}
	f.WhitespaceOnly = !f.Binary && p.space.only()
	return nil
}

// section reads "diff --git", the extended header lines, and the hunks up to the next section.
func (p *patch) section(f *File) error {
	line, err := p.lines.next()
	if err != nil {
		return fmt.Errorf("section header: %w", err)
	}
	if !bytes.HasPrefix(line, []byte("diff --git ")) {
		return fmt.Errorf("section header: unexpected %q", line)
	}
	for {
		line, err := p.lines.peek()
		if errors.Is(err, io.EOF) || bytes.HasPrefix(line, []byte("diff --git ")) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := p.headerOrHunk(f); err != nil {
			return err
		}
	}
}

// headerOrHunk reads one extended header line, or one hunk.
func (p *patch) headerOrHunk(f *File) error {
	line, err := p.lines.next()
	if err != nil {
		return err
	}
	switch {
	case bytes.HasPrefix(line, []byte("@@ ")):
		oldLines, newLines, err := hunkHeader(line)
		if err != nil {
			return err
		}
		return p.hunk(f, oldLines, newLines)
	case bytes.HasPrefix(line, []byte("Binary files ")):
		f.Binary = true
	}
	return nil
}

// hunk reads a hunk's lines, as many as its header announces, and a trailing "\ No newline".
func (p *patch) hunk(f *File, oldLines, newLines int) error {
	for oldLines > 0 || newLines > 0 || p.lines.peekByte() == '\\' {
		line, err := p.lines.next()
		if err != nil {
			return fmt.Errorf("hunk: %w", err)
		}
		if len(line) == 0 {
			return errors.New("hunk: empty line")
		}
		switch line[0] {
		case '-':
			f.Deletions++
			oldLines--
			p.space.removed(line[1:])
		case '+':
			f.Additions++
			newLines--
			p.space.added(line[1:])
		case ' ':
			oldLines--
			newLines--
			p.space.endHunk()
		case '\\': // "\ No newline at end of file"
		default:
			return fmt.Errorf("hunk: unexpected %q", line)
		}
	}
	p.space.endHunk()
	return nil
}

// hunkHeader returns the line counts of "@@ -l[,n] +l[,n] @@"; a count left out is 1.
func hunkHeader(line []byte) (oldLines, newLines int, err error) {
	rest, ok := bytes.CutPrefix(line, []byte("@@ -"))
	old, rest, ok2 := bytes.Cut(rest, []byte(" +"))
	added, _, ok3 := bytes.Cut(rest, []byte(" @@"))
	if !ok || !ok2 || !ok3 {
		return 0, 0, fmt.Errorf("malformed hunk header %q", line)
	}
	oldLines, err1 := rangeCount(old)
	newLines, err2 := rangeCount(added)
	if err := errors.Join(err1, err2); err != nil {
		return 0, 0, fmt.Errorf("malformed hunk header %q: %w", line, err)
	}
	return oldLines, newLines, nil
}

// rangeCount returns n from "start,n", or 1 from "start".
func rangeCount(r []byte) (int, error) {
	start, count, found := bytes.Cut(r, []byte(","))
	if _, err := strconv.ParseUint(string(start), 10, 0); err != nil {
		return 0, err
	}
	if !found {
		return 1, nil
	}
	n, err := strconv.ParseUint(string(count), 10, 31)
	return int(n), err
}
