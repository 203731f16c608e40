package release

import (
	"strings"
	"testing"
)

func TestParseTag(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, prefix string
		want         string // the version, or "" when refused
		stable       bool
		why          string // a piece of the refusal
	}{
		{name: "v1.2.3", prefix: "v", want: "1.2.3", stable: true},
		{name: "v3.5.10", prefix: "v", want: "3.5.10", stable: true},
		{name: "v1.2.3-rc.1", prefix: "v", want: "1.2.3-rc.1"},
		{name: "v1.2.3+build.7", prefix: "v", want: "1.2.3+build.7", stable: true},
		{name: "1.2.3", prefix: "", want: "1.2.3", stable: true},
		{name: "1.0.0-avh", prefix: "", want: "1.0.0-avh"},
		{name: "api/v3.5.0", prefix: "api/v", want: "3.5.0", stable: true},
		{name: "V2.5.1", prefix: "v", why: "case-sensitive"},
		{name: "v2.10", prefix: "v", why: "has 2 numbers"},
		{name: "v2", prefix: "v", why: "has 1 numbers"},
		{name: "v1.2.3.4", prefix: "v", why: "has 4 numbers"},
		{name: "v1.02.3", prefix: "v", why: "leading zero"},
		{name: "v01.2.3", prefix: "v", why: "leading zero"},
		{name: "1.0.0-avh", prefix: "v", why: "does not start with the prefix"},
		{name: "sdk/metric/v1.45.0", prefix: "v", why: "another component's prefix"},
		{name: "api/v3.5.0", prefix: "v", why: "another component's prefix"},
		{name: "v1.2.3", prefix: "", why: "not strict semver"},
		{name: "vv1.2.3", prefix: "v", why: "not strict semver"},
		{name: "v1.2.x", prefix: "v", why: "not strict semver"},
		{name: "v1.2.3-", prefix: "v", why: "not strict semver"},
		{name: "release-1.2.3", prefix: "v", why: "does not start with the prefix"},
	}
	for _, tt := range tests {
		t.Run(tt.prefix+"|"+tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseTag(tt.name, tt.prefix)
			if tt.want == "" {
				if err == nil || !strings.Contains(err.Error(), tt.why) {
					t.Fatalf("ParseTag(%q, %q) error = %v, want one saying %q", tt.name, tt.prefix, err, tt.why)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseTag(%q, %q): %v", tt.name, tt.prefix, err)
			}
			if got.Version.String() != tt.want || got.Stable() != tt.stable || got.Name != tt.name {
				t.Errorf("ParseTag(%q, %q) = %s stable=%v, want %s stable=%v", tt.name, tt.prefix, got.Version.String(), got.Stable(), tt.want, tt.stable)
			}
		})
	}
}

func TestFormatKeepsPrefix(t *testing.T) {
	t.Parallel()
	tag, err := ParseTag("api/v3.5.9", "api/v")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Format("api/v", tag.Version), "api/v3.5.9"; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	if got, want := (Line{Major: 1, Minor: 1}).RefPrefix("v"), "tags/v1.1."; got != want {
		t.Errorf("RefPrefix = %q, want %q", got, want)
	}
}

func TestLineOf(t *testing.T) {
	t.Parallel()
	b := Branches{Maintenance: "release/*", Hotfix: "hotfix/**"}
	tests := []struct {
		base, head string
		want       string // the line, or "" when the names state none
	}{
		{"release/1.1", "hotfix/login", "1.1"},
		{"release/v1.1", "hotfix/login", "1.1"},
		{"release/1.1.0", "hotfix/login", "1.1"},
		{"main", "hotfix/1.2.4", "1.2"},
		{"main", "hotfix/v1.2.4", "1.2"},
		{"release/1.1", "hotfix/1.2.4", "1.1"}, // the base branch wins
		{"main", "hotfix/login", ""},
		{"main", "hotfix/1.2", ""},          // a hotfix names a whole version
		{"main", "hotfix/1.02.4", ""},       // leading zeros are refused
		{"release/1", "hotfix/login", ""},   // a major alone is not a line
		{"release/1.x", "hotfix/login", ""}, // nor is a wildcard
		{"releases/1.1", "hotfix/login", ""},
		{"main", "feature/1.2.4", ""},
		{"release/1.1/extra", "x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.base+"|"+tt.head, func(t *testing.T) {
			t.Parallel()
			l, why, ok := lineOf(tt.base, tt.head, "v", b)
			got := ""
			if ok {
				got = l.String()
				if !strings.Contains(why, "names line "+got) {
					t.Errorf("reason %q does not name the line", why)
				}
			}
			if got != tt.want {
				t.Errorf("lineOf(%q, %q) = %q, want %q", tt.base, tt.head, got, tt.want)
			}
		})
	}
}
