package guard

import (
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/change"
)

// noRenames reports renamed and copied files: moving code is a refactoring, not a fix.
func noRenames(in input) []Finding {
	return each(in, func(f change.File) string {
		switch f.Status {
		case change.Renamed:
			return fmt.Sprintf("renamed from %s%s; moving code is a refactoring", f.OldPath, similar(f))
		case change.Copied:
			return fmt.Sprintf("copied from %s%s; duplicating code is a refactoring", f.OldPath, similar(f))
		}
		return ""
	})
}

// similar is git's similarity of a rename or copy, when known: the API does not give it.
func similar(f change.File) string {
	if f.Similarity == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d%% similar)", f.Similarity)
}

// noWhitespaceOnly reports files whose only change is whitespace: a reformat is unrelated to a fix.
func noWhitespaceOnly(in input) []Finding {
	return each(in, func(f change.File) string {
		if f.WhitespaceOnly {
			return "only whitespace changed; reformatting is unrelated to the fix"
		}
		return ""
	})
}

// noBinary reports binary files, whose change can't be reviewed line by line.
func noBinary(in input) []Finding {
	return each(in, func(f change.File) string {
		if f.Binary {
			return "binary file; its change can't be reviewed line by line"
		}
		return ""
	})
}

// noModeChange reports files whose mode changed.
func noModeChange(in input) []Finding {
	return each(in, func(f change.File) string {
		if f.ModeChanged() {
			return fmt.Sprintf("file mode changed from %s to %s", f.OldMode, f.NewMode)
		}
		return ""
	})
}

// noDeletions reports deleted files: removing code is a clean-up, not a fix.
func noDeletions(in input) []Finding {
	return each(in, func(f change.File) string {
		if f.Status == change.Deleted {
			return "file deleted; removing code belongs in a normal change"
		}
		return ""
	})
}

// each runs a per-file check and makes a finding of every non-empty message.
func each(in input, msg func(change.File) string) []Finding {
	var out []Finding
	for _, f := range in.set.Files {
		if m := msg(f); m != "" {
			out = append(out, Finding{Path: f.Path, Message: m})
		}
	}
	return out
}

// noMergeCommits reports merge commits in the range: a merge brings in another branch's changes.
func noMergeCommits(in input) []Finding {
	var out []Finding
	for _, c := range in.set.Commits {
		if c.Merge() {
			out = append(out, Finding{Message: fmt.Sprintf("commit %s %q is a merge; it brings in another branch's changes", short(c.SHA), c.Subject)})
		}
	}
	return out
}

// short abbreviates a commit SHA for messages.
func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}
