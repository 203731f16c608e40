// Command octokit-fixtures extracts GitHub's recorded HTTP interactions from
// the npm package @octokit/fixtures (MIT) into the repository, so the
// sandbox's replay test and the contract tests run offline.
//
// For each scenario in scenarios.go it reads
// scenarios/api.github.com/SCENARIO/normalized-fixture.json and writes
// SCENARIO.json, holding only what the tests compare: method, path, query,
// request body, status, the content-type/link/location headers and the
// response body. The package's licence is copied beside them.
//
// Regenerate from the repository root with:
//
//	go run ./scripts/octokit-fixtures
//
// That installs @octokit/fixtures@23.1.2 into a temporary directory with npm.
// To reuse an installed copy, pass its directory:
//
//	go run ./scripts/octokit-fixtures -package /path/to/node_modules/@octokit/fixtures
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/scripts/internal/npm"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "octokit-fixtures:", err)
		os.Exit(1)
	}
}

// run parses the flags, finds the package and writes the scenarios into
// every output directory.
func run(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("octokit-fixtures", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pkg := fs.String("package", "", "directory of an installed @octokit/fixtures (default: npm install into a temporary directory)")
	out := fs.String("out", "internal/sandbox/testdata/octokit,internal/contract/testdata/octokit", "comma-separated output directories")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, cleanup, err := npm.Dir(ctx, *pkg, packageName, packageVersion)
	if err != nil {
		return err
	}
	defer cleanup()
	for _, o := range strings.Split(*out, ",") {
		if err := generate(dir, o); err != nil {
			return err
		}
	}
	return nil
}
