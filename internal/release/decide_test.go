package release

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDecide(t *testing.T) {
	t.Parallel()
	line11 := &Line{Major: 1, Minor: 1}
	tests := []struct {
		name   string
		prefix string
		facts  Facts
		want   Plan
		why    []string // pieces of the reason
	}{
		{
			name:  "next patch",
			facts: Facts{Base: "main", Target: "m", Contained: []string{"v1.2.2", "v1.2.3"}},
			want:  Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "m"},
			why:   []string{"v1.2.3 is the highest stable v-tag in main, so the next patch is v1.2.4"},
		},
		{
			name:  "numeric, not lexical",
			facts: Facts{Base: "main", Target: "m", Contained: []string{"v3.5.10", "v3.5.9", "v3.5.1"}},
			want:  Plan{Tag: "v3.5.11", PreviousTag: "v3.5.10", Target: "m"},
		},
		{
			name:  "pre-releases are not a base",
			facts: Facts{Base: "main", Target: "m", Contained: []string{"v1.2.3", "v1.2.4-rc.1", "v2.0.0-beta"}},
			want:  Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "m"},
		},
		{
			name:  "capital V, two-part and leading zeros are refused and listed",
			facts: Facts{Base: "main", Target: "m", Contained: []string{"v1.2.3", "V2.5.1", "v2.10", "v1.02.9", "nightly"}},
			want: Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "m", Ignored: []string{
				`tag "V2.5.1": prefixes are case-sensitive and this one is not "v"`,
				`tag "v2.10": "2.10" has 2 numbers, not MAJOR.MINOR.PATCH; refusing to guess the rest`,
				`tag "v1.02.9": "1.02.9" has a number with a leading zero, which semver forbids; refusing to guess`,
			}},
		},
		{
			name:  "monorepo prefixes stay apart",
			facts: Facts{Base: "main", Target: "m", Contained: []string{"v1.0.0", "sdk/metric/v1.45.0", "api/v3.5.0"}},
			want:  Plan{Tag: "v1.0.1", PreviousTag: "v1.0.0", Target: "m"},
		},
		{
			name:   "a monorepo prefix of its own",
			prefix: "api/v",
			facts:  Facts{Base: "main", Target: "m", Contained: []string{"v9.0.0", "api/v3.5.0", "api/v3.5.1", "sdk/metric/v1.45.0"}},
			want:   Plan{Tag: "api/v3.5.2", PreviousTag: "api/v3.5.1", Target: "m"},
			why:    []string{"highest stable api/v-tag"},
		},
		{
			name:   "no prefix",
			prefix: "",
			facts:  Facts{Base: "main", Target: "m", Contained: []string{"1.0.0", "1.0.0-avh", "v7.0.0"}},
			want:   Plan{Tag: "1.0.1", PreviousTag: "1.0.0", Target: "m"},
			why:    []string{"highest stable semver tag"},
		},
		{
			name: "a maintenance branch patches its own line",
			facts: Facts{Base: "release/1.1", Target: "m", Contained: []string{"v1.0.0", "v1.1.0", "v1.1.4"},
				Existing: []string{"v1.0.0", "v1.1.0", "v1.1.4", "v1.2.0", "v1.3.0"}},
			want: Plan{Tag: "v1.1.5", PreviousTag: "v1.1.4", Target: "m"},
			why:  []string{"v1.1.4 is the highest stable v-tag in release/1.1", "v1.3.0 is on another line"},
		},
		{
			name: "a named line ignores a higher line merged into the branch",
			facts: Facts{Base: "release/1.1", Target: "m", Contained: []string{"v1.1.4", "v1.2.0"},
				Line: line11, LineReason: "the base branch release/1.1 names line 1.1"},
			want: Plan{Tag: "v1.1.5", PreviousTag: "v1.1.4", Target: "m"},
			why:  []string{"the base branch release/1.1 names line 1.1; v1.1.4", "v1.2.0 is on another line"},
		},
		{
			name: "a pre-release that exists is skipped",
			facts: Facts{Base: "release/1.1", Target: "m", Contained: []string{"v1.1.4"},
				Existing: []string{"v1.1.5-rc.1", "v1.2.0"}},
			want: Plan{Tag: "v1.1.5", PreviousTag: "v1.1.4", Target: "m"},
		},
		{
			name: "a merge a later release contains is released in the lowest such",
			facts: Facts{Base: "main", Target: "a", Contained: []string{"v1.2.3"},
				Existing: []string{"v1.2.3", "v1.2.4", "v1.2.5"}, Containing: []string{"v1.2.5", "v1.2.4", "v2.0.0"}},
			want: Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "a", Released: true},
			why:  []string{"main at a is already released in v1.2.4"},
		},
		{
			name: "a release of another line that contains the merge is not its release",
			facts: Facts{Base: "main", Target: "a", Contained: []string{"v1.2.3"},
				Existing: []string{"v1.2.3", "v1.3.0"}, Containing: []string{"v1.3.0"}},
			want: Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "a"},
		},
		{
			name:  "build metadata orders as its version",
			facts: Facts{Base: "main", Target: "m", Contained: []string{"v1.2.3+b.1", "v1.2.2", "v1.2.3"}},
			want:  Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "m"},
		},
		{
			name: "a re-run reports the tag at the target",
			facts: Facts{Base: "main", Target: "0123456789abcdef", Contained: []string{"v1.2.3", "v1.2.4"},
				AtTarget: []string{"v1.2.4", "nightly"}},
			want: Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "0123456789abcdef", Exists: true},
			why:  []string{"v1.2.4 already points at 0123456789ab in main, so there is nothing to create"},
		},
		{
			name: "a pre-release at the target is not a release",
			facts: Facts{Base: "main", Target: "m", Contained: []string{"v1.2.3", "v1.2.4-rc.1"},
				AtTarget: []string{"v1.2.4-rc.1"}},
			want: Plan{Tag: "v1.2.4", PreviousTag: "v1.2.3", Target: "m"},
		},
		{
			name: "a tag of another line at the target is not this release",
			facts: Facts{Base: "release/1.1", Target: "m", Contained: []string{"v1.1.4", "v1.3.0"},
				AtTarget: []string{"v1.3.0"}, Line: line11, LineReason: "named"},
			want: Plan{Tag: "v1.1.5", PreviousTag: "v1.1.4", Target: "m"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			prefix := tt.prefix
			if tt.name != "no prefix" && prefix == "" {
				prefix = DefaultPrefix
			}
			got, err := Decide(prefix, tt.facts)
			if err != nil {
				t.Fatalf("Decide: %v", err)
			}
			for _, w := range tt.why {
				if !strings.Contains(got.Reason, w) {
					t.Errorf("reason %q does not say %q", got.Reason, w)
				}
			}
			got.Reason = ""
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("Decide (-got +want):\n%s", diff)
			}
		})
	}
}

func TestDecideRefusesToRegressTheLine(t *testing.T) {
	t.Parallel()
	f := Facts{Base: "release/1.1", Target: "m", Contained: []string{"v1.1.4"}, Existing: []string{"v1.1.5", "v1.1.6+hotfix", "v1.1.7-rc.1"}}
	_, err := Decide("v", f)
	if !errors.Is(err, ErrBehindLine) || !strings.Contains(err.Error(), "v1.1.6+hotfix is the highest release of line 1.1, but release/1.1 at m does not contain it") {
		t.Errorf("Decide error = %v, want ErrBehindLine naming v1.1.6+hotfix", err)
	}
}

func TestDecideRefusesWithoutRelease(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		facts Facts
		why   string
	}{
		{"no tags", Facts{Base: "main"}, "main contains no stable v-tag"},
		{"only pre-releases and look-alikes", Facts{Base: "main", Contained: []string{"v1.0.0-rc.1", "V1.0.0", "v1.0"}}, "main contains no stable v-tag"},
		{"nothing on the named line", Facts{Base: "release/1.4", Contained: []string{"v1.3.2"}, Line: &Line{Major: 1, Minor: 4}}, "release/1.4 on line 1.4 contains no stable v-tag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Decide("v", tt.facts)
			if !errors.Is(err, ErrNoRelease) || !strings.Contains(err.Error(), tt.why) {
				t.Errorf("Decide error = %v, want ErrNoRelease saying %q", err, tt.why)
			}
		})
	}
}
