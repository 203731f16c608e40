package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestRunJSONForEveryRoute: with --json, run prints one JSON document whatever the route, with
// the log on stderr.
func TestRunJSONForEveryRoute(t *testing.T) {
	t.Parallel()
	for file, route := range map[string]string{"schedule.json": "remind", "pull_request.closed.json": "none"} {
		name := strings.SplitN(file, ".", 2)[0] // the event name
		got := run(t, t.TempDir(), eventVars(t, name, file), "run", "--dry-run", "--json")
		dec := json.NewDecoder(strings.NewReader(got.stdout))
		var doc map[string]any
		if err := dec.Decode(&doc); err != nil || dec.More() || got.code != ExitOK {
			t.Errorf("%s: exit %d, stdout is not one JSON document (%v):\n%s", file, got.code, err, got.stdout)
			continue
		}
		if doc["route"] != route || !strings.Contains(got.stderr, "route: "+route) {
			t.Errorf("%s: route %v, want %s; stderr:\n%s", file, doc["route"], route, got.stderr)
		}
	}
}
