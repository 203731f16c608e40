package verify

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// stepEnv is a step's environment: the runner's (inherited, as for any step), less the token and
// the action's inputs, plus HOTFIX_BASE, HOTFIX_HEAD and the step's own variables. The steps run
// the hotfix branch's code, so they get no token.
func stepEnv(inherited []string, base, head string, vars map[string]string) []string {
	env := make([]string, 0, len(inherited)+2+len(vars))
	for _, kv := range inherited {
		name, _, _ := strings.Cut(kv, "=")
		if name == "GITHUB_TOKEN" || strings.HasPrefix(name, "INPUT_") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "HOTFIX_BASE="+base, "HOTFIX_HEAD="+head)
	names := make([]string, 0, len(vars))
	for name := range vars {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		env = append(env, name+"="+vars[name])
	}
	return env
}

// ErrOutside means a step's working directory is not inside the repository.
var ErrOutside = errors.New("working directory outside the repository")

// workDirs resolves every step's working directory below root, following symlinks, and refuses
// any that is outside root or is not a directory.
func workDirs(root string, steps []Step) ([]string, error) {
	top, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, fmt.Errorf("repository %s: %w", root, err)
	}
	top, err = filepath.Abs(top)
	if err != nil {
		return nil, fmt.Errorf("repository %s: %w", root, err)
	}
	dirs := make([]string, len(steps))
	var errs []error
	for i, s := range steps {
		if dirs[i], err = workDir(top, s.Dir); err != nil {
			errs = append(errs, fmt.Errorf("step %q: %w", s.Name, err))
		}
	}
	return dirs, errors.Join(errs...)
}

// workDir resolves one working directory below top, an absolute path without symlinks.
func workDir(top, rel string) (string, error) {
	if filepath.IsAbs(rel) {
		return "", fmt.Errorf("%w: %q is absolute; give a path relative to the repository root", ErrOutside, rel)
	}
	dir, err := filepath.EvalSymlinks(filepath.Join(top, rel))
	if err != nil {
		return "", fmt.Errorf("working directory %q: %w", rel, err)
	}
	if inside, err := filepath.Rel(top, dir); err != nil || inside == ".." || strings.HasPrefix(inside, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%w: %q resolves to %s, which is not inside %s", ErrOutside, rel, dir, top)
	}
	info, err := os.Stat(dir)
	if err != nil {
		return "", fmt.Errorf("working directory %q: %w", rel, err)
	}
	if !info.IsDir() {
		return "", fmt.Errorf("working directory %q is not a directory", rel)
	}
	return dir, nil
}
