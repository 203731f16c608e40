package contract

import (
	"fmt"
	"testing"
)

// unrouted are recorded interactions on operations outside the subset, with
// the reason each is left out.
var unrouted = map[string]string{
	"git-refs/0":        "GET git/refs/ (list all refs) is undocumented; the toolkit uses matching-refs",
	"git-refs/3":        "GET git/refs/ (list all refs) is undocumented; the toolkit uses matching-refs",
	"labels/3":          "PATCH labels/{name} is not used by the toolkit",
	"labels/4":          "DELETE labels/{name} is not used by the toolkit",
	"paginate-issues/1": "GitHub's Link header points at the undocumented alias /repositories/{id}/issues",
	"paginate-issues/2": "GitHub's Link header points at the undocumented alias /repositories/{id}/issues",
	"paginate-issues/3": "GitHub's Link header points at the undocumented alias /repositories/{id}/issues",
	"paginate-issues/4": "GitHub's Link header points at the undocumented alias /repositories/{id}/issues",
}

func TestCheckAcceptsRecordedGitHub(t *testing.T) {
	t.Parallel()
	c := loadChecker(t)
	for _, scenario := range []string{"git-refs", "labels", "errors", "paginate-issues", "add-labels-to-issue", "create-status"} {
		for i, in := range loadRecorded(t, scenario) {
			name := fmt.Sprintf("%s/%d", scenario, i)
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				err := c.Check(exchangeOf(t, in))
				if reason, ok := unrouted[name]; ok {
					if !isUnrouted(err) {
						t.Errorf("%s %s routed, but it is listed as unrouted (%s): %v", in.Method, in.Path, reason, err)
					}
					return
				}
				if err != nil {
					t.Errorf("recorded %s %s → %d:\n%v", in.Method, in.Path, in.Status, err)
				}
			})
		}
	}
}

// isUnrouted reports whether err says no operation matched.
func isUnrouted(err error) bool {
	vs, ok := err.(Violations)
	return ok && len(vs) == 1 && vs[0].Part == "route"
}
