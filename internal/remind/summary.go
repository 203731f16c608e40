package remind

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Summary is the job summary of remind: each reminder, each table, each problem.
func (res Result) Summary() string {
	var lines bytes.Buffer
	res.WriteText(&lines)
	var b strings.Builder
	b.WriteString("### Reminders\n\n")
	for _, l := range strings.Split(strings.TrimSpace(lines.String()), "\n") {
		fmt.Fprintf(&b, "- %s\n", markdown.Text(l))
	}
	return b.String()
}
