package sandbox

import "strings"

// defaultLabels are the labels GitHub gives every new repository, marked "default".
// https://docs.github.com/issues/using-labels-and-milestones-to-track-work/managing-labels#about-default-labels
var defaultLabels = []labelRecord{
	{Name: "bug", Color: "d73a4a", Description: "Something isn't working"},
	{Name: "documentation", Color: "0075ca", Description: "Improvements or additions to documentation"},
	{Name: "duplicate", Color: "cfd3d7", Description: "This issue or pull request already exists"},
	{Name: "enhancement", Color: "a2eeef", Description: "New feature or request"},
	{Name: "good first issue", Color: "7057ff", Description: "Good for newcomers"},
	{Name: "help wanted", Color: "008672", Description: "Extra attention is needed"},
	{Name: "invalid", Color: "e4e669", Description: "This doesn't seem right"},
	{Name: "question", Color: "d876e3", Description: "Further information is requested"},
	{Name: "wontfix", Color: "ffffff", Description: "This will not be worked on"},
}

// defaultLabelID is the id of the first default label. The default labels take ids of their own,
// far above the sequence other objects share, so that every other id stays what it was.
const defaultLabelID = 1_000_000_000

// seedDefaultLabels gives a new repository's state GitHub's default labels.
func (st *state) seedDefaultLabels() {
	for i, l := range defaultLabels {
		l.ID, l.Default = defaultLabelID+int64(i), true
		st.Labels[strings.ToLower(l.Name)] = &l
	}
}
