// Package npm installs a package from the npm registry into a temporary
// directory, so the generators under scripts/ can read its files.
package npm

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Install runs `npm install --prefix TMP NAME@VERSION` and returns the
// package's directory inside TMP and a function that removes TMP.
func Install(ctx context.Context, name, version string) (string, func(), error) {
	tmp, err := os.MkdirTemp("", "npm-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { _ = os.RemoveAll(tmp) }
	spec := name + "@" + version
	cmd := exec.CommandContext(ctx, "npm", "install", "--no-audit", "--no-fund", "--prefix", tmp, "--", spec)
	if out, err := cmd.CombinedOutput(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("npm install %s: %w: %s", spec, err, strings.TrimSpace(string(out)))
	}
	return filepath.Join(tmp, "node_modules", filepath.FromSlash(name)), cleanup, nil
}
