package release

import (
	"strings"
	"testing"
)

// FuzzParseTag checks that parsing never panics, and that a name it accepts is the prefix and a
// strict version that formats back to the same name.
func FuzzParseTag(f *testing.F) {
	for _, seed := range []string{"v1.2.3", "V2.5.1", "v2.10", "1.0.0-avh", "sdk/metric/v1.45.0", "api/v3.5.0",
		"v3.5.10", "v1.2.3+build.5", "v01.2.3", "v1.2.3-rc.01", "v1.2.3-", "v18446744073709551616.0.0", ""} {
		f.Add(seed, "v")
	}
	f.Add("api/v3.5.0", "api/v")
	f.Add("1.2.3", "")
	f.Fuzz(func(t *testing.T, name, prefix string) {
		tag, err := ParseTag(name, prefix)
		if err != nil {
			if err.Error() == "" {
				t.Errorf("ParseTag(%q, %q): empty error", name, prefix)
			}
			return
		}
		if !strings.HasPrefix(name, prefix) || tag.Name != name {
			t.Errorf("ParseTag(%q, %q) accepted a name without the prefix: %+v", name, prefix, tag)
		}
		if got := prefix + tag.Version.String(); got != name {
			t.Errorf("ParseTag(%q, %q) kept %q", name, prefix, got)
		}
		if tag.Version.Metadata() == "" && Format(prefix, tag.Version) != name {
			t.Errorf("Format(%q, %s) = %q, want %q", prefix, tag.Version, Format(prefix, tag.Version), name)
		}
	})
}
