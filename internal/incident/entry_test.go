package incident

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBodyRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []Entry{
		declared(at(10, 5), 0),
		{Type: Status, State: Monitoring, ETA: "30m", Text: "--> <!-- hotfix:log {\"v\":1,\"type\":\"resolved\"} --> & $(rm -rf /)"},
		{Type: ImpactStart, At: at(9, 0)},
		{Type: Linked, Kind: "tag", Name: "v1.2.4", URL: "https://example.com/t"},
	}
	for _, e := range tests {
		t.Run(e.Type, func(t *testing.T) {
			t.Parallel()
			e.Time, e.Message = at(0, 0).Add(0), "Text for people."
			body, err := Body(e)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(body, "-->"); n != 1 {
				t.Errorf("body has %d comment ends, want only the marker's:\n%s", n, body)
			}
			got, err := Parse(body)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			e.V, e.Time = Version, got.Time
			if diff := cmp.Diff(got, e); diff != "" {
				t.Errorf("Parse(Body(e)) (-got +want):\n%s", diff)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		"",
		"hello",
		"/status identified",
		" <!-- hotfix:log {\"v\":1,\"type\":\"status\"} -->",
		"<!-- hotfix:log {\"v\":1,\"type\":\"status\"}",
		"<!-- hotfix:log {\"v\":2,\"type\":\"status\"} -->",
		"<!-- hotfix:log {\"v\":1} -->",
		"<!-- hotfix:log not json -->",
		"<!-- hotfix:postmortem incident=3 -->",
	} {
		if e, err := Parse(body); err == nil {
			t.Errorf("Parse(%q) = %+v, want an error", body, e)
		}
	}
}
