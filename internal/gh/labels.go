package gh

import "github.com/google/go-github/v60/github"

// LabelNames are the names of labels, in order.
func LabelNames(labels []*github.Label) []string {
	names := make([]string, len(labels))
	for i, l := range labels {
		names[i] = l.GetName()
	}
	return names
}
