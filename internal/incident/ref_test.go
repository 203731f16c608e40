package incident

import "testing"

func TestRef(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body string
		want int
	}{
		{"Fixes the timeout.\n\nIncident: #7\n", 7},
		{"incident:#12", 12},
		{"**Incident:** #3", 0}, // bold label: the colon is inside the markup
		{"- Incident: #3", 3},
		{"See the Incident: #9 in text", 0},
		{"Incident: 9", 0},
		{"Incident: #99999999999", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := Ref(tt.body); got != tt.want {
			t.Errorf("Ref(%q) = %d, want %d", tt.body, got, tt.want)
		}
	}
}
