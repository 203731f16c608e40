// Package change is the change set of a hotfix: the files and commits between a base and a head,
// read from the git CLI on a local checkout, or from GitHub's compare and pull-request files.
package change

// Status is how a file changed.
type Status string

// File statuses.
const (
	Added    Status = "added"
	Modified Status = "modified"
	Deleted  Status = "deleted"
	Renamed  Status = "renamed"
	Copied   Status = "copied"
)

// File is one changed path.
type File struct {
	Path    string `json:"path"`
	OldPath string `json:"old_path,omitempty"` // for a rename or copy
	Status  Status `json:"status"`
	// Similarity is git's rename similarity in percent, for a rename or copy.
	Similarity int `json:"similarity,omitempty"`
	Additions  int `json:"additions"`
	Deletions  int `json:"deletions"`
	// Binary is set when git shows no line counts ("-\t-" in numstat).
	Binary bool `json:"binary,omitempty"`
	// OldMode and NewMode are the octal file modes, set when the mode changed (not for an added or
	// deleted file).
	OldMode string `json:"old_mode,omitempty"`
	NewMode string `json:"new_mode,omitempty"`
	// WhitespaceOnly is set when the content changed only in whitespace and blank lines. Precisely:
	// the file is text and exists on both sides (modified, renamed or copied; not a type change),
	// at least one line changed, and in every hunk of git's zero-context diff the removed lines
	// and the added lines are the same list once each line is squeezed: its spaces, tabs,
	// carriage returns, vertical tabs and form feeds taken out, and lines left empty dropped.
	// Reindenting, trailing spaces, CRLF line ends, blank lines added or removed and a newline
	// added at the end of the file all qualify; splitting or joining lines does not. It implies
	// that the two versions are equal after squeezing every line of each.
	WhitespaceOnly bool `json:"whitespace_only,omitempty"`
}

// ModeChanged reports whether the file's mode changed, including a type change such as a file
// that became a symlink (100644 to 120000).
func (f File) ModeChanged() bool { return f.OldMode != "" && f.NewMode != "" && f.OldMode != f.NewMode }

// Commit is one commit in the range.
type Commit struct {
	SHA     string   `json:"sha"`
	Parents []string `json:"parents"`
	Subject string   `json:"subject"`
}

// Merge reports whether the commit has more than one parent.
func (c Commit) Merge() bool { return len(c.Parents) > 1 }

// Set is the change between a base and a head, compared the way GitHub does (BASE...HEAD, from
// the merge base).
type Set struct {
	Base    string   `json:"base"`     // the base as given
	Head    string   `json:"head"`     // the head as given
	BaseSHA string   `json:"base_sha"` // the merge base the files are compared from
	HeadSHA string   `json:"head_sha"`
	Files   []File   `json:"files"`
	Commits []Commit `json:"commits"`
	// Incomplete names why the file list may be short (an API limit); empty when it is whole.
	Incomplete string `json:"incomplete,omitempty"`
}

// Additions sums the files' added lines.
func (s Set) Additions() int {
	n := 0
	for _, f := range s.Files {
		n += f.Additions
	}
	return n
}

// Deletions sums the files' deleted lines.
func (s Set) Deletions() int {
	n := 0
	for _, f := range s.Files {
		n += f.Deletions
	}
	return n
}
