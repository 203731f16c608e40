package version

import "testing"

func TestOf(t *testing.T) {
	t.Parallel()
	if got := Of("v1.2.3"); got != "v1.2.3" {
		t.Errorf("Of(v1.2.3) = %q", got)
	}
	// A test binary has no module version: "(devel)" or "", so the fallback is "dev".
	if got := Of(""); got != "dev" {
		t.Errorf(`Of("") = %q, want "dev"`, got)
	}
}
