package actionitem

import (
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Line says what a sync found and did, in one line.
func (res Result) Line() string {
	what := "unchanged"
	if res.Changed {
		what = "updated"
	}
	open := res.Open + res.Overdue
	line := fmt.Sprintf("postmortem #%d: %s, %d open (%d overdue), %d closed; %s without an issue; table %s",
		res.Postmortem, markdown.Count(res.Items, "action item"), open, res.Overdue, res.Items-open, markdown.Count(res.Pending, "typed row"), what)
	if len(res.Created) > 0 {
		line += fmt.Sprintf("; created %v", res.Created)
	}
	if res.AllClosed {
		line += "; every item is closed"
	}
	return line
}
