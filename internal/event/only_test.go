package event

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOnly(t *testing.T) {
	t.Parallel()
	merge := Decision{Kind: Merge, Commands: []string{"release"}, Reason: "merged"}
	none := Decision{Kind: None, Reason: "not handled"}
	tests := []struct {
		name    string
		d       Decision
		only    string
		want    Decision
		wantErr bool
	}{
		{"no filter keeps the route", merge, "", merge, false},
		{"the named route runs", merge, "merge", merge, false},
		{"another route is a no-op", merge, "guard", Decision{Kind: None,
			Reason: "the event routes to merge, and this step handles only guard: nothing to do"}, false},
		{"no route stays no route", none, "guard", none, false},
		{"an unknown kind is refused", merge, "publish", merge, true},
		{"deploy is a route", merge, "deploy", Decision{Kind: None,
			Reason: "the event routes to merge, and this step handles only deploy: nothing to do"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Only(tt.d, tt.only)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Only(%q) error %v, want error %v", tt.only, err, tt.wantErr)
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("Only(%q) (-got +want):\n%s", tt.only, diff)
			}
		})
	}
}
