package statuspage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Write puts the site's files in dir, all at once: they are written to a temporary directory
// beside dir, which then takes dir's place, so a reader or a failed run never sees half a site.
// An existing dir must hold a site this package wrote (its status.json), or be empty; anything
// else is refused, so that a mistyped --out never replaces someone's directory. progress is
// called once per file written.
func Write(dir string, files []File, progress func(File)) error {
	dir = filepath.Clean(dir)
	if err := replaceable(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("write the status page: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("write the status page: %w", err)
	}
	defer os.RemoveAll(tmp) // gone after the rename; on an error, nothing is left behind
	for _, f := range files {
		if err := writeFile(tmp, f); err != nil {
			return err
		}
		progress(f)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("write the status page: %w", err)
	}
	return swap(tmp, dir)
}

// replaceable checks that dir may be replaced: it is missing, empty, or a site written here.
func replaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output directory %s: %w", dir, err)
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, "status.json")); err != nil {
		return fmt.Errorf("output directory %s is not empty and holds no status.json: give an empty or new directory, or one a previous run wrote", dir)
	}
	return nil
}

// writeFile writes f under root, making its directories.
func writeFile(root string, f File) error {
	if !filepath.IsLocal(f.Path) || strings.Contains(f.Path, `\`) {
		return fmt.Errorf("status page file %q is not a path inside the site", f.Path)
	}
	path := filepath.Join(root, filepath.FromSlash(f.Path))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	if err := os.WriteFile(path, f.Data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	return nil
}

// swap puts the directory tmp in dir's place: the old site is moved aside, then removed.
func swap(tmp, dir string) error {
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("move the old status page %s aside: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir) // put the old site back
		return fmt.Errorf("put the status page in %s: %w", dir, err)
	}
	return os.RemoveAll(old)
}
