package release

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPlanAndResultText: the lines people read for a plan and a result, the summary and outputs.
func TestPlanAndResultText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text func(*strings.Builder)
		want string
	}{
		{"plan", func(b *strings.Builder) {
			Plan{Tag: "v1.2.4", Target: "abc", PreviousTag: "v1.2.3", Reason: "r", Ignored: []string{"v9: not a release"}}.WriteText(b)
		}, "would tag v1.2.4 on abc (previous v1.2.3)\nr\nignored: v9: not a release\n"},
		{"plan, tag there", func(b *strings.Builder) { Plan{Tag: "v1.2.4", Target: "abc", Exists: true, Reason: "r"}.WriteText(b) },
			"already tagged v1.2.4 on abc (previous none)\nr\n"},
		{"plan, released", func(b *strings.Builder) { Plan{Tag: "v1.2.4", Target: "abc", Released: true, Reason: "r"}.WriteText(b) },
			"already released in v1.2.4 on abc (previous none)\nr\n"},
		{"result", func(b *strings.Builder) {
			Result{Tag: "v1.2.4", SHA: "abc", PreviousTag: "v1.2.3", Created: true, Reason: "r"}.WriteText(b)
		},
			"tagged v1.2.4 on abc (previous v1.2.3)\nr\n"},
		{"result, rerun", func(b *strings.Builder) { Result{Tag: "v1.2.4", SHA: "abc", Reason: "r"}.WriteText(b) },
			"already tagged v1.2.4 on abc (previous none)\nr\n"},
		{"summary", func(b *strings.Builder) { b.WriteString(Result{Tag: "v1.2.4", SHA: "abc", Reason: "r"}.Markdown()) },
			"### Release\n\n`v1.2.4` on `abc` (previous `none`): r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var b strings.Builder
			tt.text(&b)
			if diff := cmp.Diff(b.String(), tt.want); diff != "" {
				t.Errorf("text (-got +want):\n%s", diff)
			}
		})
	}
	got := Result{Tag: "v1.2.4", SHA: "abc", PreviousTag: "v1.2.3"}.Outputs()
	if diff := cmp.Diff(got, map[string]string{"tag": "v1.2.4", "previous_tag": "v1.2.3", "sha": "abc"}); diff != "" {
		t.Errorf("Outputs (-got +want):\n%s", diff)
	}
}
