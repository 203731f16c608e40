package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
)

func TestOnlyRoute(t *testing.T) {
	t.Parallel()
	merge := event.Decision{Kind: event.Merge, Commands: []string{"release"}, Reason: "merged"}
	none := event.Decision{Kind: event.None, Reason: "not handled"}
	tests := []struct {
		name    string
		d       event.Decision
		only    string
		want    event.Decision
		wantErr bool
	}{
		{"no filter keeps the route", merge, "", merge, false},
		{"the named route runs", merge, "merge", merge, false},
		{"another route is a no-op", merge, "guard", event.Decision{Kind: event.None,
			Reason: "the event routes to merge, and this step handles only guard: nothing to do"}, false},
		{"no route stays no route", none, "guard", none, false},
		{"an unknown kind is refused", merge, "publish", merge, true},
		{"deploy is a route", merge, "deploy", event.Decision{Kind: event.None,
			Reason: "the event routes to merge, and this step handles only deploy: nothing to do"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := onlyRoute(tt.d, tt.only)
			if (err != nil) != tt.wantErr {
				t.Fatalf("onlyRoute(%q) error %v, want error %v", tt.only, err, tt.wantErr)
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("onlyRoute(%q) (-got +want):\n%s", tt.only, diff)
			}
		})
	}
}

func TestEveryRouteHasAHandler(t *testing.T) {
	t.Parallel()
	for _, k := range event.Kinds {
		if handlers[k] == nil {
			t.Errorf("route kind %s has no handler in hotfix run", k)
		}
	}
	if len(handlers) != len(event.Kinds) {
		t.Errorf("hotfix run has %d handlers for %d route kinds", len(handlers), len(event.Kinds))
	}
}

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
