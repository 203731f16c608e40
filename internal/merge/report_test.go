package merge

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/golden"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// landed is a merge with every kind of result: a new tag, a clean and a conflicted backport, a
// skipped target, the postmortem, a warning and an error.
func landed() (Result, *github.PullRequest) {
	pr := &github.PullRequest{Number: github.Int(42), Title: github.String("Fix login | timeout @org/team"),
		Base: &github.PullRequestBranch{Ref: github.String("main")}, MergeCommitSHA: github.String("3f2a9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b")}
	res := Result{
		Release: &release.Result{Tag: "v1.2.4", PreviousTag: "v1.2.3", SHA: "3f2a9c0d1e2f", Created: true, Reason: "v1.2.3 is the highest stable v-tag in main"},
		Backports: []backport.Result{
			{Target: backport.Target{Branch: "release/1.3"}, Branch: "backport/login-to-release-1-3", Number: 43, URL: "https://github.com/acme/shop/pull/43", Created: true},
			{Target: backport.Target{Branch: "develop|x"}, Branch: "backport/login-to-develop-x", Number: 44, URL: "https://github.com/acme/shop/pull/44", Conflict: true},
			{Target: backport.Target{Branch: "release/1.4"}, Skipped: "release/1.4 already has every commit of #42"},
		},
		Postmortem: &postmortem.Result{Number: 45, URL: "https://github.com/acme/shop/issues/45"},
		Incident:   7,
		Warnings:   []string{"incident: #7 has no incident log"},
		Errors:     []string{"backport: backport conflicts: resolve by hand: #44"},
	}
	return res, pr
}

func TestReport(t *testing.T) {
	t.Parallel()
	res, pr := landed()
	var text bytes.Buffer
	res.WriteText(&text, pr)
	golden.Check(t, "report.txt.golden", text.String())
	golden.Check(t, "report.md.golden", res.Markdown(pr))
	var alone bytes.Buffer
	Result{Incident: 9, Postmortem: &postmortem.Result{Number: 10, Created: true}}.WriteText(&alone, nil)
	golden.Check(t, "report-incident.txt.golden", alone.String())
}

func TestOutputs(t *testing.T) {
	t.Parallel()
	res, _ := landed()
	want := map[string]string{"tag": "v1.2.4", "previous_tag": "v1.2.3", "sha": "3f2a9c0d1e2f", "backport_prs": "43,44", "postmortem_issue": "45"}
	if diff := cmp.Diff(res.Outputs(), want); diff != "" {
		t.Errorf("Outputs (-got +want):\n%s", diff)
	}
	empty := map[string]string{"tag": "", "previous_tag": "", "sha": "", "backport_prs": "", "postmortem_issue": ""}
	if diff := cmp.Diff(Result{}.Outputs(), empty); diff != "" {
		t.Errorf("Outputs of nothing (-got +want):\n%s", diff)
	}
}
