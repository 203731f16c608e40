package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
)

// onlyKinds are the route kinds that `hotfix run --only` accepts: every kind that runs something.
var onlyKinds = event.Kinds

// onlyRoute keeps the decision when only is empty or names its kind, and otherwise turns it into
// a no-op that says why. The per-command actions use it, so that an action meant for one stage
// never runs another stage's writes on an event it was not meant for.
func onlyRoute(d event.Decision, only string) (event.Decision, error) {
	if only == "" {
		return d, nil
	}
	if !slices.Contains(onlyKinds, event.Kind(only)) {
		valid := make([]string, len(onlyKinds))
		for i, k := range onlyKinds {
			valid[i] = string(k)
		}
		return d, fmt.Errorf("--only %q is not a route; valid: %s", only, strings.Join(valid, ", "))
	}
	if d.Kind == event.Kind(only) || d.Kind == event.None {
		return d, nil
	}
	return event.Decision{Kind: event.None, Reason: fmt.Sprintf("the event routes to %s, and this step handles only %s: nothing to do", d.Kind, only)}, nil
}
