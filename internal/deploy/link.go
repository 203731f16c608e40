package deploy

import (
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// LinkEntry is the incident log's entry for a deploy dispatched at res.Tag: a link of kind
// deploy, which the outcome's handler looks for to find the incident a tag belongs to.
func LinkEntry(res Result) incident.Entry {
	return incident.Entry{Kind: "deploy", Name: res.Tag, URL: res.RunURL,
		Message: fmt.Sprintf("Deploy of %s dispatched: %s at %s.", markdown.Code(res.Tag), markdown.Code(res.Workflow), markdown.Code(res.Ref))}
}

// Line is the result for the log: what was dispatched, or the run a rerun found.
func (r Result) Line() string {
	if r.Dispatched && r.RunURL == "" {
		return fmt.Sprintf("%s dispatched at %s", r.Workflow, r.Ref)
	}
	if r.Dispatched {
		return fmt.Sprintf("%s dispatched at %s: %s", r.Workflow, r.Ref, r.RunURL)
	}
	return fmt.Sprintf("%s already dispatched at %s: %s", r.Workflow, r.Ref, r.RunURL)
}
