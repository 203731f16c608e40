package actionitem

import "fmt"

// Line says what a sync found and did, in one line.
func (res Result) Line() string {
	what := "unchanged"
	if res.Changed {
		what = "updated"
	}
	line := fmt.Sprintf("postmortem #%d: %d action items (%d open, %d overdue), %d typed rows without an issue; table %s",
		res.Postmortem, res.Items, res.Open, res.Overdue, res.Pending, what)
	if len(res.Created) > 0 {
		line += fmt.Sprintf("; created %v", res.Created)
	}
	if res.AllClosed {
		line += "; every item is closed"
	}
	return line
}
