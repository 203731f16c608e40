// Command webhook-examples writes the webhook payloads that internal/event tests use to
// internal/event/testdata/webhooks, so those tests run offline.
//
// The payloads come from the npm package @octokit/webhooks-examples (MIT), GitHub's example
// payloads as collected by the octokit/webhooks project. The command copies the examples listed in
// examples.go as they are, then writes the adjusted variants (a merged hotfix PR, a push to a
// hotfix branch, a comment command on an incident issue, …), each made by the transforms listed
// beside it. It also writes README.md, which lists every file and how it was made, and LICENSE,
// the package's licence notice.
//
// Regenerate from the repository root with:
//
//	go run ./scripts/webhook-examples
//
// That installs @octokit/webhooks-examples@7.6.1 into a temporary directory with npm. To reuse an
// installed copy, pass its directory:
//
//	go run ./scripts/webhook-examples -package /path/to/node_modules/@octokit/webhooks-examples
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/incident-hotfix/incident-hotfix/scripts/internal/npm"
)

const (
	packageName    = "@octokit/webhooks-examples"
	packageVersion = "7.6.1"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "webhook-examples:", err)
		os.Exit(1)
	}
}

// run parses the flags, finds the package and writes the payloads.
func run(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("webhook-examples", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pkg := fs.String("package", "", "directory of an installed "+packageName+" (default: npm install into a temporary directory)")
	out := fs.String("out", "internal/event/testdata/webhooks", "output directory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, cleanup, err := npm.Dir(ctx, *pkg, packageName, packageVersion)
	if err != nil {
		return err
	}
	defer cleanup()
	return generate(dir, *out)
}
