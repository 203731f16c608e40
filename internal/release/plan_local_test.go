package release

import (
	"context"
	"errors"
	"testing"
)

// TestPlanLocal: the base is resolved as a branch, never as a tag, and the plan is Decide's; a
// base that names no branch, or a directory that is no checkout, is ErrLocal.
func TestPlanLocal(t *testing.T) {
	t.Parallel()
	r := tagSet(t)
	r.Git("checkout", "-q", "main")
	r.Git("tag", "release/1.1", "v1.0.0") // a tag named like the branch, which must not be read
	ctx := context.Background()
	plan, err := PlanLocal(ctx, r.Dir, "release/1.1", "v")
	if err != nil {
		t.Fatal(err)
	}
	if plan.Tag != "v1.1.5" || plan.PreviousTag != "v1.1.4" {
		t.Errorf("PlanLocal(release/1.1) = %+v, want v1.1.5 after v1.1.4 on the branch", plan)
	}
	for _, bad := range []struct{ dir, base string }{{r.Dir, "no-such-branch"}, {t.TempDir(), "main"}} {
		if _, err := PlanLocal(ctx, bad.dir, bad.base, "v"); !errors.Is(err, ErrLocal) {
			t.Errorf("PlanLocal(%s, %q) error = %v, want ErrLocal", bad.dir, bad.base, err)
		}
	}
}
