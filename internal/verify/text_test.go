package verify

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTextForPeople: the plan's lines, the dry run's line, the verdict and the failure's message.
func TestTextForPeople(t *testing.T) {
	t.Parallel()
	plan := Plan{Source: "policy", Notes: []string{"from verify.steps"}, Steps: []Step{{Name: "vet", Run: "go vet ./..."}, {Name: "test", Run: "go test ./..."}}}
	var b strings.Builder
	plan.WriteText(&b)
	if diff := cmp.Diff(b.String(), "steps: policy\n  from verify.steps\n1. vet: go vet ./...\n2. test: go test ./...\n"); diff != "" {
		t.Errorf("Plan.WriteText (-got +want):\n%s", diff)
	}
	if got := (Plan{Steps: plan.Steps[:1]}).DryRunLine(); got != "dry run: would run 1 step, and ran none" {
		t.Errorf("DryRunLine = %q", got)
	}
	b.Reset()
	failed := Result{Verdict: Fail, FailedStep: "test"}
	failed.WriteText(&b)
	if diff := cmp.Diff(b.String(), "verdict: fail\nfailed step: test\n"); diff != "" {
		t.Errorf("Result.WriteText (-got +want):\n%s", diff)
	}
	if msg := failed.FailureMessage(); !strings.HasPrefix(msg, `hotfix verify: step "test" `) {
		t.Errorf("FailureMessage = %q", msg)
	}
	if msg := (Result{Verdict: Pass}).FailureMessage(); msg != "" {
		t.Errorf("FailureMessage of a pass = %q, want none", msg)
	}
	if got := failed.Outputs(); got["verdict"] != Fail || got["failed_step"] != "test" || got["description"] != finalDescription(failed) {
		t.Errorf("Outputs = %v", got)
	}
}
