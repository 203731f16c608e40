package runner

import (
	"fmt"
	"slices"
	"strings"
)

// SetOutputs writes values as command's step outputs, in the order declared lists them. A name
// that declared lacks is an error, and nothing is written: the action metadata declares the
// outputs, and a command must not write one that no workflow can read.
func (r *Runner) SetOutputs(command string, declared []string, values map[string]string) error {
	var unknown []string
	for name := range values {
		if !slices.Contains(declared, name) {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return fmt.Errorf("hotfix %s writes the undeclared outputs %s; declared: %s",
			command, strings.Join(unknown, ", "), strings.Join(declared, ", "))
	}
	for _, name := range declared {
		if v, ok := values[name]; ok {
			if err := r.SetOutput(name, v); err != nil {
				return fmt.Errorf("output %s: %w", name, err)
			}
		}
	}
	return nil
}
