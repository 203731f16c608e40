package actionitem

import "fmt"

// Summary is the job summary of a sync or a create: its line.
func (res Result) Summary() string {
	return fmt.Sprintf("### Action items\n\n%s\n", res.Line())
}

// Outputs are the step outputs: changed, and all_closed.
func (res Result) Outputs() map[string]string {
	return map[string]string{"changed": fmt.Sprint(res.Changed), "all_closed": fmt.Sprint(res.AllClosed)}
}
