package incident

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseCommand(t *testing.T) {
	t.Parallel()
	now := at(11, 30)
	tests := []struct {
		body string
		want Entry
	}{
		{"/status identified bad config in eu-west", Entry{Type: Status, State: Identified, Text: "bad config in eu-west"}},
		{"/status MONITORING eta 1h30m error rate falling\nsecond line", Entry{Type: Status, State: Monitoring, ETA: "1h30m", Text: "error rate falling\nsecond line"}},
		{"/status investigating eta 90m", Entry{Type: Status, State: Investigating, ETA: "1h30m"}},
		{"/status investigating eta 2h", Entry{Type: Status, State: Investigating, ETA: "2h"}},
		{"  /status investigating\r\n", Entry{Type: Status, State: Investigating}},
		{"/severity p0", Entry{Type: SeverityType, Severity: "P0"}},
		{"/commander @bob-smith", Entry{Type: Commander, Login: "bob-smith"}},
		{"/impact-start 2026-03-04T09:40:00Z", Entry{Type: ImpactStart, At: at(9, 40)}},
		{"/impact-start 2026-03-04T10:40:00+01:00", Entry{Type: ImpactStart, At: at(9, 40)}},
		{"/impact-start 09:40 UTC", Entry{Type: ImpactStart, At: at(9, 40)}},
		{"/impact-start 09:40", Entry{Type: ImpactStart, At: at(9, 40)}},
		{"/mitigated Rollback to v1.2.3", Entry{Type: Mitigated, How: "rollback", Text: "to v1.2.3"}},
		{"/mitigated flag", Entry{Type: Mitigated, How: "flag"}},
		{"/timeline paged the DB team", Entry{Type: Timeline, Text: "paged the DB team"}},
		{"/resolve error rate back to normal", Entry{Type: Resolved, Text: "error rate back to normal"}},
		{"/resolve", Entry{Type: Resolved}},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			t.Parallel()
			got, err := ParseCommand(tt.body, now, Severities)
			if err != nil {
				t.Fatalf("ParseCommand: %v", err)
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("ParseCommand (-got +want):\n%s", diff)
			}
		})
	}
}

func TestParseCommandErrors(t *testing.T) {
	t.Parallel()
	now := at(11, 30)
	tests := []struct{ body, want string }{
		{"/statuss identified", "/statuss is not a command"},
		{"/status", "/status: the state must be one of investigating, identified, monitoring"},
		{"/status fixed", "/status: the state must be one of investigating, identified, monitoring"},
		{"/status identified eta", "/status: eta needs a duration such as 30m or 2h"},
		{"/status identified eta soon", `/status: eta "soon" is not a duration in minutes or hours up to a week, such as 30m, 2h or 1h30m`},
		{"/status identified eta 30s", `/status: eta "30s" is not a duration in minutes or hours up to a week, such as 30m, 2h or 1h30m`},
		{"/severity", "/severity: give one severity: P0, P1, P2, P3"},
		{"/severity P5", `/severity: severity "P5" is not one of P0, P1, P2, P3`},
		{"/commander bob", "/commander: give one user as @login (a team can't be the commander)"},
		{"/commander @acme/sre", "/commander: give one user as @login (a team can't be the commander)"},
		{"/commander @a @b", "/commander: give one user as @login (a team can't be the commander)"},
		{"/impact-start yesterday", `/impact-start: time "yesterday" is neither RFC 3339 (2026-03-04T09:40:00Z) nor HH:MM UTC`},
		{"/impact-start 12:00 UTC", "/impact-start: time 2026-03-04 12:00 UTC is in the future"},
		{"/impact-start 2027-01-01T00:00:00Z", "/impact-start: time 2027-01-01 00:00 UTC is in the future"},
		{"/mitigated somehow", "/mitigated: say how: one of rollback, hotfix, flag"},
		{"/timeline", "/timeline: give the text of the event"},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			t.Parallel()
			_, err := ParseCommand(tt.body, now, Severities)
			if err == nil || err.Error() != tt.want {
				t.Errorf("ParseCommand error = %v, want %s", err, tt.want)
			}
		})
	}
	for _, body := range []string{"", "thanks all", "status identified", "> /status identified"} {
		if _, err := ParseCommand(body, now, Severities); !errors.Is(err, ErrNotCommand) {
			t.Errorf("ParseCommand(%q) error = %v, want ErrNotCommand", body, err)
		}
	}
}

func TestParseCommandClips(t *testing.T) {
	t.Parallel()
	e, err := ParseCommand("/timeline "+strings.Repeat("x", 70000), at(11, 30), Severities)
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(e.Text)); n > MaxText+40 || !strings.HasSuffix(e.Text, "(68000 characters cut)") {
		t.Errorf("text is %d runes ending %q, want it clipped to %d with a note", n, e.Text[len(e.Text)-30:], MaxText)
	}
}
