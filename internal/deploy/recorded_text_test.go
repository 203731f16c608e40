package deploy

import "testing"

func TestRecordedLine(t *testing.T) {
	t.Parallel()
	out := Outcome{Tag: "v1.2.4", Environment: "production", Conclusion: "success"}
	tests := []struct {
		name string
		res  Recorded
		want string
	}{
		{"recorded", Recorded{Outcome: out, Incident: 7}, "deploy of v1.2.4 to production: success; recorded on incident #7"},
		{"already", Recorded{Outcome: out, Incident: 7, Already: true}, "deploy of v1.2.4 to production: success; incident #7 already has it"},
		{"skipped", Recorded{Outcome: out, Skipped: "no incident links v1.2.4"}, "deploy of v1.2.4 to production: success; nothing recorded: no incident links v1.2.4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.res.Line(); got != tt.want {
				t.Errorf("Line() = %q, want %q", got, tt.want)
			}
		})
	}
}
