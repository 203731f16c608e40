package workflowtest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestReleaseSupplyChain reads release.yml: it checks that the tag's commit is on main before it
// builds or pushes anything, pushes no movable image tag but the version, pins the actions to the
// pushed image's digest, and only then moves the major tag, to the pinned commit.
func TestReleaseSupplyChain(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", "release.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	steps := wf.Jobs["publish"].Steps
	at := func(fragment string) int {
		return slices.IndexFunc(steps, func(s struct {
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]string `yaml:"with"`
		}) bool {
			return strings.Contains(s.Run, fragment)
		})
	}
	onMain, push, pin, major := at("merge-base --is-ancestor"), at("docker push"), at("scripts/pinimage"), at(`git push --force origin "refs/tags/$major"`)
	for name, i := range map[string]int{"the on-main check": onMain, "the push": push, "the pin": pin, "the major tag": major} {
		if i < 0 {
			t.Fatalf("release.yml has no step for %s", name)
		}
	}
	if !(onMain < push && push < pin && pin < major) {
		t.Errorf("steps in order on-main %d, push %d, pin %d, major tag %d; want each after the one before", onMain, push, pin, major)
	}
	if !strings.Contains(steps[onMain].Run, "refs/remotes/origin/main") || steps[0].With["fetch-depth"] != "0" {
		t.Errorf("the on-main check must compare with main's full history")
	}
	if strings.Count(steps[push].Run, "docker push") != 1 || !strings.Contains(steps[push].Run, `docker push "$IMAGE:$TAG"`) {
		t.Errorf("the image is pushed under a movable tag besides the version:\n%s", steps[push].Run)
	}
	if !strings.Contains(steps[major].Run, "commit") || !strings.Contains(steps[major].Run, `git tag --force "$major" HEAD`) {
		t.Errorf("the major tag must move to the pinned release commit:\n%s", steps[major].Run)
	}
}
