package route

import (
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
)

func TestEveryRouteHasAHandler(t *testing.T) {
	t.Parallel()
	for _, k := range event.Kinds {
		if handlerFor(k) == nil {
			t.Errorf("route kind %s has no handler in hotfix run", k)
		}
	}
	if handlerFor(event.None) != nil {
		t.Errorf("route kind %s has a handler; it runs nothing", event.None)
	}
}
