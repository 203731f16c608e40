package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/incident-hotfix/incident-hotfix/internal/scaffold"
)

// initCmd writes the policy file and the caller workflows into a repository.
type initCmd struct {
	repo          string
	force, dryRun bool
}

func (*initCmd) Name() string { return "init" }
func (*initCmd) Synopsis() string {
	return "write .github/hotfix.yml and the hotfix and incident workflows, with the branches and verify steps detected"
}

func (c *initCmd) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.repo, "repo", ".", "the git worktree `dir` to set up; the files go to its root")
	fs.BoolVar(&c.force, "force", false, "overwrite files that are there already")
	fs.BoolVar(&c.dryRun, "dry-run", false, "print what would be written, and write nothing")
}

func (c *initCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; give the repository with --repo", args[0]))
	}
	facts, err := scaffold.Detect(ctx, env.Path(c.repo))
	if errors.Is(err, scaffold.ErrNotRepository) {
		return Usage(err)
	}
	if err != nil {
		return err
	}
	files, err := scaffold.Render(facts)
	if err != nil {
		return err
	}
	writeFacts(env.Stdout, facts)
	do := scaffold.Write
	if c.dryRun {
		do = scaffold.Check
	}
	written, err := do(facts.Root, files, c.force)
	var exists *scaffold.ExistsError
	if errors.As(err, &exists) {
		return Usage(err)
	}
	if err != nil {
		return err
	}
	c.writeReport(env.Stdout, written, files)
	return nil
}

// writeFacts prints what init detected, and how.
func writeFacts(w io.Writer, f scaffold.Facts) {
	fmt.Fprintf(w, "repository: %s\n", f.Root)
	fmt.Fprintf(w, "production branch: %s (%s)\n", f.Production, f.ProductionNote)
	fmt.Fprintf(w, "develop branch: %s (%s)\n", f.Develop, f.DevelopNote)
	fmt.Fprintf(w, "verify steps: %d\n", len(f.Steps))
	for _, n := range f.StepNotes {
		fmt.Fprintf(w, "  %s\n", n)
	}
	if len(f.Steps) == 0 {
		fmt.Fprintf(w, "  none detected: list your lint, build and test steps under verify.steps in %s\n", scaffold.PolicyPath)
	}
}

// writeReport lists the files with their sizes; under --dry-run it also shows their content.
func (c *initCmd) writeReport(w io.Writer, written []scaffold.Written, files []scaffold.File) {
	verb := "wrote"
	if c.dryRun {
		verb = "would write"
	}
	for i, f := range written {
		how := "new"
		if f.Replaced {
			how = "replaced"
		}
		fmt.Fprintf(w, "%s %s (%d bytes, %s)\n", verb, f.Path, f.Size, how)
		if c.dryRun {
			fmt.Fprintf(w, "--- %s\n%s", f.Path, files[i].Content)
		}
	}
	if !c.dryRun {
		fmt.Fprintln(w, "next: commit these files to the production branch; the workflows run from there")
	}
}
