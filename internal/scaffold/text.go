package scaffold

import (
	"fmt"
	"io"
)

// WriteText prints what was detected, and how.
func (f Facts) WriteText(w io.Writer) {
	fmt.Fprintf(w, "repository: %s\n", f.Root)
	fmt.Fprintf(w, "production branch: %s (%s)\n", f.Production, f.ProductionNote)
	fmt.Fprintf(w, "develop branch: %s (%s)\n", f.Develop, f.DevelopNote)
	fmt.Fprintf(w, "verify steps: %d\n", len(f.Steps))
	for _, n := range f.StepNotes {
		fmt.Fprintf(w, "  %s\n", n)
	}
	if len(f.Steps) == 0 {
		fmt.Fprintf(w, "  none detected: list your lint, build and test steps under verify.steps in %s\n", PolicyPath)
	}
}

// WriteReport lists the files written with their sizes; for a dry run (Check), the files that
// would be written, with their content.
func WriteReport(w io.Writer, written []Written, files []File, dryRun bool) {
	verb := "wrote"
	if dryRun {
		verb = "would write"
	}
	for i, f := range written {
		how := "new"
		if f.Replaced {
			how = "replaced"
		}
		fmt.Fprintf(w, "%s %s (%d bytes, %s)\n", verb, f.Path, f.Size, how)
		if dryRun {
			fmt.Fprintf(w, "--- %s\n%s", f.Path, files[i].Content)
		}
	}
	if !dryRun {
		fmt.Fprintln(w, "next: commit these files to the production branch; the workflows run from there")
	}
}
