package incident

import (
	"fmt"
	"strings"
)

// Notice is the plain-text form of a message for a chat webhook: the Initial Alert for a declared
// entry, the Update for a status or mitigation, the Resolution for a resolved entry, and "" for
// other entries. The webhook escapes it for the chat.
func Notice(r Record, e Entry, url string) string {
	head := fmt.Sprintf("[%s] %s", r.Severity, Clip(oneLine(r.Title), MaxTitle))
	var lines []string
	switch e.Type {
	case Declared:
		lines = []string{"Initial Alert: " + head, fmt.Sprintf("Status: %s. Service: %s. Impact: %s. Commander: %s.",
			stateName(r.State), orUnknown(r.Service), Clip(oneLine(orUnknown(r.Impact)), 300), r.Commander)}
	case Status, Mitigated:
		state := r.State
		if e.State != "" {
			state = e.State
		}
		lines = []string{"Update: " + head, fmt.Sprintf("Status: %s%s. %s", stateName(state), eta(e), Clip(oneLine(e.Text), 300))}
	case Resolved:
		lines = []string{"Resolution: " + head, "Resolved. " + Clip(oneLine(e.Text), 300)}
	default:
		return ""
	}
	return strings.TrimSpace(strings.Join(append(lines, url), "\n"))
}

func eta(e Entry) string {
	if e.Type == Mitigated {
		return ", mitigated by " + e.How
	}
	if e.ETA == "" {
		return ""
	}
	return " (ETA " + e.ETA + ")"
}
