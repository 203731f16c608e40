package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Written is what became of one file.
type Written struct {
	Path     string `json:"path"`
	Size     int    `json:"size"`
	Replaced bool   `json:"replaced"`
}

// ExistsError names the files that are there already, when init may not overwrite them.
type ExistsError struct {
	Paths []string
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s already %s; nothing was written; give --force to overwrite", strings.Join(e.Paths, ", "), plural(len(e.Paths), "exists", "exist"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Check says what writing files under root would do: which are new, which would be replaced.
// Without force, a file that is there already is an *ExistsError naming every such file.
func Check(root string, files []File, force bool) ([]Written, error) {
	var out []Written
	var existing []string
	for _, f := range files {
		info, err := os.Lstat(filepath.Join(root, f.Path))
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("look at %s: %w", f.Path, err)
		case !info.Mode().IsRegular():
			return nil, fmt.Errorf("%s is not a regular file; move it away first", f.Path)
		default:
			existing = append(existing, f.Path)
		}
		out = append(out, Written{Path: f.Path, Size: len(f.Content), Replaced: err == nil})
	}
	if len(existing) > 0 && !force {
		return nil, &ExistsError{Paths: existing}
	}
	return out, nil
}

// Write writes files under root, all or none: each goes to a temporary file beside its target
// first, and only when every one is written are they renamed into place. Check comes first.
func Write(root string, files []File, force bool) ([]Written, error) {
	out, err := Check(root, files, force)
	if err != nil {
		return nil, err
	}
	temps := make([]string, 0, len(files))
	defer func() {
		for _, t := range temps {
			os.Remove(t) // gone already once renamed
		}
	}()
	for _, f := range files {
		t, err := writeTemp(filepath.Join(root, f.Path), f.Content)
		if err != nil {
			return nil, fmt.Errorf("write %s: %w; nothing was written", f.Path, err)
		}
		temps = append(temps, t)
	}
	for i, f := range files {
		if err := os.Rename(temps[i], filepath.Join(root, f.Path)); err != nil {
			return out[:i], fmt.Errorf("move %s into place: %w", f.Path, err)
		}
	}
	return out, nil
}

// writeTemp writes content to a new temporary file in target's directory, making the directory
// as needed, and returns its path.
func writeTemp(target string, content []byte) (string, error) {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, ".hotfix-init-*")
	if err != nil {
		return "", err
	}
	_, werr := f.Write(content)
	cerr := f.Close()
	if err := errors.Join(werr, cerr, os.Chmod(f.Name(), 0o644)); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
