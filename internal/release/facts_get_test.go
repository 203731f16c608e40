package release

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestGETFactsDecideAsAPIFacts: on main (no line in the branch names, where APIFacts asks
// GraphQL) and on a maintenance line, GETFacts sends only GETs and Decide gives the same plan.
func TestGETFactsDecideAsAPIFacts(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.1.0", s.Push("main", map[string]string{"app.go": "1.1.0\n"}))
	tagAt(s, "v1.1.1", s.Push("release/1.1", map[string]string{"app.go": "1.1.1\n"}, "main"))
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	onMain := s.Push("main", map[string]string{"app.go": "fix\n"})
	onLine := s.Push("release/1.1", map[string]string{"app.go": "1.1 fix\n"})
	repo, cfg := Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, testConfig()
	for _, m := range []Merge{{Base: "main", Head: "hotfix/checkout", Target: onMain}, {Base: "release/1.1", Head: "hotfix/login", Target: onLine}} {
		t.Run(m.Base, func(t *testing.T) {
			s.Server.ResetRequests()
			got, err := GETFacts(context.Background(), s.Client, repo, cfg.Prefix, cfg.Branches, m)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range s.Server.RequestLog() {
				if r.Method != "GET" {
					t.Errorf("GETFacts sent %s %s", r.Method, r.Path)
				}
			}
			want, err := APIFacts(context.Background(), s.Client, repo, cfg.Prefix, cfg.Branches, m)
			if err != nil {
				t.Fatal(err)
			}
			gotPlan, err1 := Decide(cfg.Prefix, got)
			wantPlan, err2 := Decide(cfg.Prefix, want)
			if err1 != nil || err2 != nil {
				t.Fatalf("Decide: %v, %v", err1, err2)
			}
			if diff := cmp.Diff(gotPlan, wantPlan); diff != "" {
				t.Errorf("plan from GETFacts (-got +want):\n%s", diff)
			}
		})
	}
}
