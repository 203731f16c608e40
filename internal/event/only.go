package event

import (
	"fmt"
	"slices"
	"strings"
)

// Only keeps the decision when only is empty or names its kind, and otherwise turns it into a
// no-op that says why. The per-command actions use it (`hotfix run --only`), so that an action
// meant for one stage never runs another stage's writes on an event it was not meant for. A kind
// not in Kinds is an error that lists the valid ones.
func Only(d Decision, only string) (Decision, error) {
	if only == "" {
		return d, nil
	}
	if !slices.Contains(Kinds, Kind(only)) {
		valid := make([]string, len(Kinds))
		for i, k := range Kinds {
			valid[i] = string(k)
		}
		return d, fmt.Errorf("--only %q is not a route; valid: %s", only, strings.Join(valid, ", "))
	}
	if d.Kind == Kind(only) || d.Kind == None {
		return d, nil
	}
	return Decision{Kind: None, Reason: fmt.Sprintf("the event routes to %s, and this step handles only %s: nothing to do", d.Kind, only)}, nil
}
