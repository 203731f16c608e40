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

// Dir is the package's directory: given, when the caller named an installed copy, else a fresh
// install of name@version in a temporary directory. The cleanup removes what Dir installed.
func Dir(ctx context.Context, given, name, version string) (string, func(), error) {
	if given != "" {
		return given, func() {}, nil
	}
	return Install(ctx, name, version)
}
