package guard

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

func TestUnsafePathsAreFindings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		file      change.File
		wantFound bool
	}{
		{"dot-dot hides a workflow", file("src/../.github/workflows/deploy.yml", 1, 0), true},
		{"leading dot-dot", file("../outside.txt", 1, 0), true},
		{"absolute", file("/etc/passwd", 1, 0), true},
		{"windows absolute", file(`C:\x.txt`, 1, 0), true},
		{"dot component", file("src/./app.go", 1, 0), true},
		{"empty component", file("src//app.go", 1, 0), true},
		{"renamed from outside", change.File{Path: "src/app.go", OldPath: "../app.go", Status: change.Renamed}, true},
		{"a clean path", file("src/app.go", 1, 0), false},
		{"dots in a name", file("src/..hidden/a..b.go", 1, 0), false},
	}
	g := config.Default().Guard
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := Check(change.Set{Files: []change.File{tt.file}}, g, "")
			var got []config.Level
			for _, f := range res.Findings {
				if f.Rule == "path" {
					got = append(got, f.Level)
				}
			}
			want := []config.Level(nil)
			if tt.wantFound {
				want = []config.Level{config.LevelError}
			}
			if diff := cmp.Diff(got, want); diff != "" {
				t.Errorf("path findings' levels (-got +want):\n%s", diff)
			}
			if tt.wantFound && res.Verdict != Fail {
				t.Errorf("verdict %s, want fail", res.Verdict)
			}
		})
	}
}

// TestPolicyAndWorkflowEditsAreDenied: on a hotfix, an edit to the policy or to a workflow is a
// deny finding under the default deny list (prguard's TestOverrideTurnsADenyIntoAWarning: a
// writer's override still turns it into a warning).
func TestPolicyAndWorkflowEditsAreDenied(t *testing.T) {
	t.Parallel()
	for _, path := range []string{".github/hotfix.yml", ".github/workflows/ci.yml"} {
		res := Check(change.Set{Files: []change.File{file(path, 1, 1)}}, config.Default().Guard, "")
		if res.Verdict != Fail || len(res.Findings) != 1 || res.Findings[0].Rule != "deny" {
			t.Errorf("an edit to %s: %+v; want one failing deny finding", path, res)
		}
	}
}
