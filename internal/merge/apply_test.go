package merge

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestHandleAppliesThePlanItDecided: Handle's tag, backports and postmortem are the plan's, the
// one a dry run prints from the same facts.
func TestHandleAppliesThePlanItDecided(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	d := testDeps(s, config.Default())
	pr := sandboxtest.MergedHotfix(t, s, "squash", "")
	plan, err := d.Plan(ctx, pr)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Handle(ctx, d, pr)
	if err != nil {
		t.Fatal(err)
	}
	if got.Release == nil || got.Release.Tag != plan.Tag.Tag || len(got.Backports) != len(plan.Backports) ||
		got.Backports[0].Target.Branch != plan.Backports[0].Target || plan.Postmortem.Action != "open" || !got.Postmortem.Created {
		t.Errorf("Handle = %+v, the plan was %+v", got, plan)
	}
}

// TestApplyReadsNoFactAgain: apply takes the facts it is given: a tag problem in them is the
// release's error, with no tag read or made, and the backport goes to develop alone; the
// postmortem is looked up right before it is written, and found again.
func TestApplyReadsNoFactAgain(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	d := testDeps(s, config.Default())
	pr := sandboxtest.MergedHotfix(t, s, "squash", "")
	first, err := Handle(ctx, d, pr)
	if err != nil {
		t.Fatal(err)
	}
	f := Facts{ReleaseProblem: errors.New("the tags could not be read")}
	s.Server.ResetRequests()
	got, err := d.apply(ctx, pr, d.Decide(pr, f), f)
	if err == nil || !strings.Contains(err.Error(), "release: the tags could not be read") {
		t.Errorf("apply error = %v, want the release's problem from the facts", err)
	}
	if got.Postmortem == nil || got.Postmortem.Number != first.Postmortem.Number || got.Postmortem.Created {
		t.Errorf("postmortem = %+v, want #%d found again, not created", got.Postmortem, first.Postmortem.Number)
	}
	if len(got.Backports) != 1 || got.Backports[0].Target.Branch != "develop" {
		t.Errorf("backports = %+v, want develop alone without a tag", got.Backports)
	}
	for _, r := range s.Server.RequestLog() {
		if strings.Contains(r.Path, "matching-refs") || strings.Contains(r.Path, "/git/tags") || strings.Contains(r.Path, "/compare/") {
			t.Errorf("apply sent %s %s, a read or write of the tag the facts ruled out", r.Method, r.Path)
		}
	}
}
