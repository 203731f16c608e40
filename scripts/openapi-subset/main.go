// Command openapi-subset writes the part of GitHub's REST API description
// that the toolkit uses to internal/contract/testdata, so the contract tests
// run offline.
//
// The description comes from the npm package @octokit/openapi (MIT), which
// republishes github/rest-api-description. The command keeps only the
// operations listed in endpoints.go and the components they reference,
// drops the prose (descriptions, summaries, examples, external docs) and
// copies the package's licence beside the output.
//
// Regenerate from the repository root with:
//
//	go run ./scripts/openapi-subset
//
// That installs @octokit/openapi@23.0.2 into a temporary directory with npm.
// To reuse an installed copy, pass its directory:
//
//	go run ./scripts/openapi-subset -package /path/to/node_modules/@octokit/openapi
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/incident-hotfix/incident-hotfix/scripts/internal/npm"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "openapi-subset:", err)
		os.Exit(1)
	}
}

// run parses the flags, finds the package and writes the subset.
func run(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("openapi-subset", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pkg := fs.String("package", "", "directory of an installed @octokit/openapi (default: npm install into a temporary directory)")
	out := fs.String("out", "internal/contract/testdata", "output directory")
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
