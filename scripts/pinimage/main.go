// Command pinimage rewrites every docker action's metadata under actions/ to run the released
// image by digest: go run ./scripts/pinimage IMAGE TAG DIGEST. The release workflow runs it after
// pushing the image, on the commit it then publishes as the major tag.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/actionmeta"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "pinimage:", err)
		os.Exit(1)
	}
}

// run pins each docker action's image; a composite action (verify, run) has none.
func run(args []string) error {
	if len(args) != 3 {
		return errors.New("usage: pinimage IMAGE TAG DIGEST, such as ghcr.io/acme/tool v1.2.3 sha256:…")
	}
	paths, err := filepath.Glob(filepath.Join("actions", "*", "action.yml"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("no actions/*/action.yml here: %v", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !strings.Contains(string(data), "using: docker") {
			continue
		}
		pinned, err := actionmeta.PinImage(data, args[0], args[1], args[2])
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if err := os.WriteFile(p, pinned, 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: docker://%s@%s\n", p, args[0], args[2])
	}
	return nil
}
