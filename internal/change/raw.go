package change

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// entry is one record of git diff --raw -z: the modes, the status letter with its score, and the
// path or the two paths of a rename or copy.
type entry struct {
	oldMode, newMode string
	status           byte
	score            int
	oldPath, path    string
}

// readEntries reads the raw records up to the empty field that separates them from the patch.
// It returns no entries, and no error, for an empty diff.
func readEntries(r *bufio.Reader) ([]entry, error) {
	var entries []entry
	for {
		field, err := readField(r)
		if errors.Is(err, io.EOF) && field == "" && len(entries) == 0 {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("raw record %d: %w", len(entries)+1, err)
		}
		if field == "" {
			return entries, nil
		}
		e, err := readEntry(r, field)
		if err != nil {
			return nil, fmt.Errorf("raw record %d: %w", len(entries)+1, err)
		}
		entries = append(entries, e)
	}
}

// readEntry parses the fields of one raw record: ":old new oid oid S[score]" then its paths.
func readEntry(r *bufio.Reader, meta string) (entry, error) {
	parts := bytes.Fields([]byte(meta))
	if len(parts) != 5 || len(parts[0]) < 2 || parts[0][0] != ':' {
		return entry{}, fmt.Errorf("malformed %q", meta)
	}
	e := entry{oldMode: string(parts[0][1:]), newMode: string(parts[1]), status: parts[4][0]}
	if len(parts[4]) > 1 {
		score, err := strconv.Atoi(string(parts[4][1:]))
		if err != nil {
			return entry{}, fmt.Errorf("malformed score in %q", meta)
		}
		e.score = score
	}
	var err error
	if e.status == 'R' || e.status == 'C' {
		if e.oldPath, err = readField(r); err != nil {
			return entry{}, err
		}
	}
	e.path, err = readField(r)
	return e, err
}

// readField reads up to the next NUL and returns the text before it.
func readField(r *bufio.Reader) (string, error) {
	field, err := r.ReadString(0)
	if err != nil {
		if errors.Is(err, io.EOF) && field != "" {
			return "", io.ErrUnexpectedEOF
		}
		return "", err
	}
	return field[:len(field)-1], nil
}

// file turns a raw record into a File, without its line counts.
func (e entry) file() File {
	f := File{Path: e.path, OldPath: e.oldPath, Similarity: e.score}
	switch e.status {
	case 'A':
		f.Status = Added
	case 'D':
		f.Status = Deleted
	case 'R':
		f.Status = Renamed
	case 'C':
		f.Status = Copied
	default: // M, and T for a type change
		f.Status = Modified
	}
	if e.oldMode != e.newMode && e.oldMode != noMode && e.newMode != noMode {
		f.OldMode, f.NewMode = e.oldMode, e.newMode
	}
	return f
}

// noMode is the mode git prints for the missing side of an added or deleted file.
const noMode = "000000"

// sections is how many "diff --git" sections the patch has for the record: a type change is
// shown as a deletion and an addition.
func (e entry) sections() int {
	if e.status == 'T' {
		return 2
	}
	return 1
}
