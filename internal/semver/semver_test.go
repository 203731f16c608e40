package semver

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	masterminds "github.com/Masterminds/semver/v3"
)

// spec is semver.org's precedence example, lowest first, with build metadata that changes nothing.
var spec = []string{"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
	"1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1+build.5", "1.2.0", "1.10.0", "2.0.0-0", "2.0.0"}

func TestPrecedence(t *testing.T) {
	t.Parallel()
	for i := range spec {
		for j := range spec {
			a, b := mustParse(t, spec[i]), mustParse(t, spec[j])
			if got, want := a.Compare(b), cmpInt(i, j); got != want {
				t.Errorf("%s.Compare(%s) = %d, want %d", a, b, got, want)
			}
		}
	}
	if a, b := mustParse(t, "1.2.3+a"), mustParse(t, "1.2.3+b"); !a.Equal(b) || a.LessThan(b) || a.GreaterThan(b) {
		t.Errorf("build metadata took part in precedence")
	}
}

func TestStrictNewVersion(t *testing.T) {
	t.Parallel()
	good := map[string]*Version{
		"0.0.0":                  New(0, 0, 0, "", ""),
		"1.2.3-rc.1+sha.5114f85": New(1, 2, 3, "rc.1", "sha.5114f85"),
		"1.2.3-0a.--":            New(1, 2, 3, "0a.--", ""),
		"1.2.3+007":              New(1, 2, 3, "", "007"),
	}
	for s, want := range good {
		got, err := StrictNewVersion(s)
		if err != nil || *got != *want || got.String() != s {
			t.Errorf("StrictNewVersion(%q) = %v (%v), want %v printed the same", s, got, err, want)
		}
	}
	for _, s := range []string{"", "v1.2.3", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1.2.03", "1.2.3-", "1.2.3+", "1.2.3-01",
		"1.2.3-a..b", "1.2.3-a_b", "1.2.3+a b", "1.2.x", "-1.2.3", "1.2.3 ", "18446744073709551616.0.0"} {
		if v, err := StrictNewVersion(s); !errors.Is(err, ErrInvalid) {
			t.Errorf("StrictNewVersion(%q) = %v, %v; want an invalid version error", s, v, err)
		}
	}
}

// TestAgreesWithMasterminds checks reading and ordering against the library this package
// replaced in the binary (github.com/Masterminds/semver/v3, a test dependency only), on the
// spec's list, lexical traps and random versions.
func TestAgreesWithMasterminds(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 16))
	inputs := append(slices.Clone(spec), "3.5.9", "3.5.10", "1.0.0-avh", "2.10", "1.2.3-01", "1.2.3-1a", "0.0.1-x.7.z.92")
	parts := []string{"0", "1", "2", "9", "10", "01", "a", "alpha", "beta", "rc", "-", "x-y", "Z9", ""}
	for range 3000 {
		s := fmt.Sprintf("%d.%d.%d", r.IntN(3), r.IntN(12), r.IntN(12))
		for sep := range r.IntN(4) {
			s += []string{"-", ".", "+"}[min(sep, 2)] + parts[r.IntN(len(parts))]
		}
		inputs = append(inputs, s)
	}
	var ours []*Version
	var theirs []*masterminds.Version
	for _, s := range inputs {
		a, errA := StrictNewVersion(s)
		b, errB := masterminds.StrictNewVersion(s)
		if (errA == nil) != (errB == nil) {
			t.Errorf("%q: ours %v, Masterminds %v", s, errA, errB)
			continue
		}
		if errA == nil {
			if a.String() != b.String() || a.Prerelease() != b.Prerelease() || a.Metadata() != b.Metadata() {
				t.Errorf("%q: ours %s, Masterminds %s", s, a, b)
			}
			ours, theirs = append(ours, a), append(theirs, b)
		}
	}
	if len(ours) < 1000 {
		t.Fatalf("only %d of %d inputs parse; the comparison needs more", len(ours), len(inputs))
	}
	for i := range ours {
		j := r.IntN(len(ours))
		if got, want := ours[i].Compare(ours[j]), theirs[i].Compare(theirs[j]); got != want {
			t.Errorf("%s vs %s: ours %d, Masterminds %d", ours[i], ours[j], got, want)
		}
	}
}

func mustParse(t *testing.T, s string) *Version {
	t.Helper()
	v, err := StrictNewVersion(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
