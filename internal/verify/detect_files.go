package verify

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// readInRepo reads the file name at the repository root through os.Root, which refuses a symlink
// that leads out of root: detection reads only the hotfix's own files, never one a symlink in the
// hotfix points at elsewhere on the runner. Such a file reads as absent, with a note saying why.
func readInRepo(root, name string) (data []byte, found bool, note string, err error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, false, "", fmt.Errorf("open the repository %s: %w", root, err)
	}
	defer r.Close()
	data, err = r.ReadFile(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, "", nil
	case escapes(err):
		return nil, false, name + " is a symlink out of the repository; not read", nil
	case err != nil:
		return nil, false, "", fmt.Errorf("read %s: %w", name, err)
	}
	return data, true, "", nil
}

// statInRepo is os.Stat of name at the repository root, refusing symlinks out of it as absent.
func statInRepo(root, name string) (fs.FileInfo, bool, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, false, fmt.Errorf("open the repository %s: %w", root, err)
	}
	defer r.Close()
	info, err := r.Stat(name)
	if errors.Is(err, fs.ErrNotExist) || escapes(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("look for %s: %w", name, err)
	}
	return info, true, nil
}

// escapes reports whether err is os.Root refusing a path that leads out of the root.
func escapes(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err != nil && pe.Err.Error() == "path escapes from parent"
}
