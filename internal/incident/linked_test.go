package incident

import "testing"

// TestLinked: a numbered link is found by its kind and number whatever it is called (a PR link
// keeps the PR's title, which may be edited later); a link without a number by its name.
func TestLinked(t *testing.T) {
	t.Parallel()
	r := Record{Links: []Artifact{{Kind: "pr", Number: 2, Name: "Raise the login timeout"}, {Kind: "tag", Name: "v1.2.4"}}}
	for _, tc := range []struct {
		kind   string
		number int
		name   string
		want   bool
	}{
		{"pr", 2, "", true},
		{"pr", 2, "Raise the login timeout (edited)", true},
		{"pr", 3, "Raise the login timeout", false},
		{"backport", 2, "", false},
		{"tag", 0, "v1.2.4", true},
		{"tag", 0, "v1.2.5", false},
	} {
		if got := r.Linked(tc.kind, tc.number, tc.name); got != tc.want {
			t.Errorf("Linked(%q, %d, %q) = %v, want %v", tc.kind, tc.number, tc.name, got, tc.want)
		}
	}
}
