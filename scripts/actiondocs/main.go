// Command actiondocs writes the input and output reference of every action in this repository
// (action.yml and actions/*/action.yml) into README.md, between the actiondocs markers. A test in
// internal/actionmeta fails when README.md is out of date.
//
// Regenerate from the repository root with:
//
//	go run ./scripts/actiondocs
//
// With -check it writes nothing and exits 1 when README.md is out of date.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/incident-hotfix/incident-hotfix/internal/actionmeta"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "actiondocs:", err)
		os.Exit(1)
	}
}

// run regenerates the reference in README.md under the root directory, or checks it.
func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("actiondocs", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "the repository root")
	check := fs.Bool("check", false, "write nothing; fail when README.md is out of date")
	if err := fs.Parse(args); err != nil {
		return err
	}
	readme := filepath.Join(*root, "README.md")
	doc, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	generated, err := actionmeta.Generate(*root)
	if err != nil {
		return err
	}
	updated, err := actionmeta.Splice(string(doc), generated)
	if err != nil {
		return fmt.Errorf("%s: %w", readme, err)
	}
	switch {
	case updated == string(doc):
		return nil
	case *check:
		return errors.New(readme + " is out of date: run go run ./scripts/actiondocs")
	}
	return os.WriteFile(readme, []byte(updated), 0o644)
}
