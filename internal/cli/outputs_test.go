package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

func TestSetOutputs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		values  map[string]string
		want    []string // the names written, in order
		wantErr string
	}{
		{"declared, in the table's order", map[string]string{"changed_lines": "3", "verdict": "pass"}, []string{"verdict", "changed_lines"}, ""},
		{"undeclared refused", map[string]string{"verdict": "pass", "tag": "v1"}, nil, "undeclared outputs tag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "output")
			r := runner.New(MapEnv(map[string]string{"GITHUB_OUTPUT": path}), &strings.Builder{})
			err := r.SetOutputs("guard", Outputs("guard"), tt.values)
			if (err != nil || tt.wantErr != "") && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("SetOutputs = %v, want error %q", err, tt.wantErr)
			}
			raw, _ := os.ReadFile(path)
			var got []string
			for _, line := range strings.Split(string(raw), "\n") {
				if name, _, ok := strings.Cut(line, "<<"); ok {
					got = append(got, name)
				}
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("written (-got +want):\n%s", diff)
			}
		})
	}
}

func TestOutputsOfRunCoverItsRoutes(t *testing.T) {
	t.Parallel()
	all := Outputs("run")
	for _, c := range runRoutes {
		for _, o := range Outputs(c) {
			if !strings.Contains(","+strings.Join(all, ",")+",", ","+o+",") {
				t.Errorf("run does not list %s's output %s", c, o)
			}
		}
	}
	if Outputs("nope") != nil {
		t.Error("an unknown command has outputs")
	}
}
