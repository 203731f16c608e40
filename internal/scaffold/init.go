package scaffold

import (
	"context"
	"io"
)

// Init sets up the worktree dir: it detects the facts, renders the files, says what it found,
// writes the files (with dryRun, only checks that they could be written), and reports each one
// to w. A dir that is no git worktree is ErrNotRepository; a file already there without force is
// an *ExistsError.
func Init(ctx context.Context, w io.Writer, dir string, force, dryRun bool) error {
	facts, err := Detect(ctx, dir)
	if err != nil {
		return err
	}
	files, err := Render(facts)
	if err != nil {
		return err
	}
	facts.WriteText(w)
	do := Write
	if dryRun {
		do = Check
	}
	written, err := do(facts.Root, files, force)
	if err != nil {
		return err
	}
	WriteReport(w, written, files, dryRun)
	return nil
}
