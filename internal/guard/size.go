package guard

import "fmt"

// maxLines limits additions plus deletions.
func maxLines(in input) []Finding {
	add, del := in.set.Additions(), in.set.Deletions()
	if add+del <= in.limits.MaxLines {
		return nil
	}
	return []Finding{{Message: fmt.Sprintf("%d changed lines (+%d -%d) exceed the limit of %d", add+del, add, del, in.limits.MaxLines)}}
}

// maxFiles limits the number of changed files.
func maxFiles(in input) []Finding {
	n := len(in.set.Files)
	if n <= in.limits.MaxFiles {
		return nil
	}
	return []Finding{{Message: fmt.Sprintf("%d changed files exceed the limit of %d", n, in.limits.MaxFiles)}}
}

// maxCommits limits the number of commits on the hotfix branch.
func maxCommits(in input) []Finding {
	n := len(in.set.Commits)
	if n <= in.limits.MaxCommits {
		return nil
	}
	return []Finding{{Message: fmt.Sprintf("%d commits exceed the limit of %d", n, in.limits.MaxCommits)}}
}
