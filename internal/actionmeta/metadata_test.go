package actionmeta

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const sample = `name: sample
description: A sample | with a pipe.
inputs:
  zeta:
    description: Comes first in the file.
    default: "1"
  alpha:
    description: Comes second.
    required: true
outputs:
  out:
    description: The result.
runs:
  using: docker
  image: docker://ghcr.io/o/i:v1.0.0
  args: [guard]
`

func TestParseKeepsOrder(t *testing.T) {
	t.Parallel()
	m, err := Parse("action.yml", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, in := range m.Inputs {
		names = append(names, in.Name)
	}
	if diff := cmp.Diff(names, []string{"zeta", "alpha"}); diff != "" {
		t.Errorf("input order (-got +want):\n%s", diff)
	}
	if got := m.Command(); got != "guard" {
		t.Errorf("Command() = %q, want guard", got)
	}
	if in, ok := m.Input("alpha"); !ok || !in.Required {
		t.Errorf("Input(alpha) = %+v, %v; want a required input", in, ok)
	}
}

func TestParseRejectsUnknownKeys(t *testing.T) {
	t.Parallel()
	_, err := Parse("action.yml", []byte(sample+"colour: red\n"))
	if err == nil || !strings.Contains(err.Error(), "colour") {
		t.Errorf("Parse with an unknown key: %v, want an error naming it", err)
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, edit, want string
	}{
		{"well formed", "", ""},
		{"hyphenated input", "  alpha:", "input \"max-lines\" is not snake_case"},
		{"input without description", "    description: Comes second.", "input alpha has no description"},
		{"unknown runtime", "  using: docker", "runs.using \"node12\" is not a runtime"},
		{"docker without image", "  image: docker://ghcr.io/o/i:v1.0.0", "runs.image is empty"},
	}
	replacements := map[string]string{
		"  alpha:": "  max-lines:", "    description: Comes second.": "    deprecationMessage: gone",
		"  using: docker": "  using: node12", "  image: docker://ghcr.io/o/i:v1.0.0": "  image: \"\"",
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := sample
			if tt.edit != "" {
				src = strings.Replace(src, tt.edit, replacements[tt.edit], 1)
			}
			m, err := Parse("action.yml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			err = m.Check()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Check() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Check() = %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func TestCheckBranding(t *testing.T) {
	t.Parallel()
	m := Metadata{Path: "action.yml", Branding: Branding{Icon: "life-buoy", Color: "pink"}}
	if err := m.CheckBranding(); err == nil || !strings.Contains(err.Error(), "gray-dark") {
		t.Errorf("CheckBranding with pink = %v, want an error listing the colours", err)
	}
	m.Branding.Color = "red"
	if err := m.CheckBranding(); err != nil {
		t.Errorf("CheckBranding with red = %v", err)
	}
}

func TestReferenceAndSplice(t *testing.T) {
	t.Parallel()
	m, err := Parse("actions/guard/action.yml", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	ref := Reference("o/r", "v1", []Metadata{m})
	for _, want := range []string{"### `o/r/actions/guard@v1`", `A sample \| with a pipe.`, "| `zeta` | no | `1` | Comes first in the file. |", "| `alpha` | yes | – |", "| `out` | The result. |"} {
		if !strings.Contains(ref, want) {
			t.Errorf("reference lacks %q:\n%s", want, ref)
		}
	}
	doc := "# T\n\n" + BeginMarker + "\nold\n" + EndMarker + "\ntail\n"
	got, err := Splice(doc, "new\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := "# T\n\n" + BeginMarker + "\n\nnew\n\n" + EndMarker + "\ntail\n"; got != want {
		t.Errorf("Splice:\n%q\nwant\n%q", got, want)
	}
	if _, err := Splice("# no markers\n", "x"); err == nil {
		t.Error("Splice without markers succeeded")
	}
	if got := Uses("o/r", "v1", "action.yml"); got != "o/r@v1" {
		t.Errorf("Uses(root) = %q", got)
	}
}
