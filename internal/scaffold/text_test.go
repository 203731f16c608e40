package scaffold

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFactsAndReportText: what init prints about what it detected and what it wrote.
func TestFactsAndReportText(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	Facts{Root: "/r", Production: "main", ProductionNote: "origin/HEAD", Develop: "develop", DevelopNote: "a branch"}.WriteText(&b)
	want := "repository: /r\nproduction branch: main (origin/HEAD)\ndevelop branch: develop (a branch)\nverify steps: 0\n" +
		"  none detected: list your lint, build and test steps under verify.steps in " + PolicyPath + "\n"
	if diff := cmp.Diff(b.String(), want); diff != "" {
		t.Errorf("Facts.WriteText (-got +want):\n%s", diff)
	}
	written := []Written{{Path: "a.yml", Size: 3}, {Path: "b.yml", Size: 2, Replaced: true}}
	files := []File{{Content: []byte("aa\n")}, {Content: []byte("b\n")}}
	for _, tc := range []struct {
		dry  bool
		want string
	}{
		{false, "wrote a.yml (3 bytes, new)\nwrote b.yml (2 bytes, replaced)\nnext: commit these files to the production branch; the workflows run from there\n"},
		{true, "would write a.yml (3 bytes, new)\n--- a.yml\naa\nwould write b.yml (2 bytes, replaced)\n--- b.yml\nb\n"},
	} {
		b.Reset()
		WriteReport(&b, written, files, tc.dry)
		if diff := cmp.Diff(b.String(), tc.want); diff != "" {
			t.Errorf("WriteReport(dry run %v) (-got +want):\n%s", tc.dry, diff)
		}
	}
}
