package actionmeta

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// inputName is the form every input name takes: snake_case, because the runner keeps hyphens in
// the variable's name (INPUT_MAX-LINES), which a shell can't read and the binary does not bind.
var inputName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_]*$`) })

// runtimes are the values of runs.using that the runner knows.
var runtimes = []string{"docker", "composite", "node20", "node24"}

// colors are the Marketplace branding colours.
var colors = []string{"white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"}

// Check reports every field that the runner needs and is missing or wrong, and every input or
// output that has no description, joined into one error; nil when there is none.
func (m Metadata) Check() error {
	var errs []error
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{m.Path}, args...)...))
	}
	if strings.TrimSpace(m.Name) == "" {
		add("name is empty")
	}
	if strings.TrimSpace(m.Description) == "" {
		add("description is empty")
	}
	for _, in := range m.Inputs {
		if !inputName().MatchString(in.Name) {
			add("input %q is not snake_case (the runner passes it as INPUT_%s)", in.Name, strings.ToUpper(in.Name))
		}
		if strings.TrimSpace(in.Description) == "" {
			add("input %s has no description", in.Name)
		}
	}
	for _, out := range m.Outputs {
		if strings.TrimSpace(out.Description) == "" {
			add("output %s has no description", out.Name)
		}
		if m.Runs.Using == "composite" && out.Value == "" {
			add("output %s of a composite action has no value", out.Name)
		}
	}
	errs = append(errs, m.checkRuns()...)
	return errors.Join(errs...)
}

// checkRuns checks runs for the runtime it names.
func (m Metadata) checkRuns() []error {
	r := m.Runs
	switch {
	case !slices.Contains(runtimes, r.Using):
		return []error{fmt.Errorf("%s: runs.using %q is not a runtime; valid: %s", m.Path, r.Using, strings.Join(runtimes, ", "))}
	case r.Using == "docker" && r.Image == "":
		return []error{fmt.Errorf("%s: runs.image is empty; give Dockerfile or docker://IMAGE:TAG", m.Path)}
	case r.Using == "composite" && len(r.Steps) == 0:
		return []error{fmt.Errorf("%s: runs.steps is empty", m.Path)}
	}
	return nil
}

// CheckBranding reports a missing or unknown Marketplace icon or colour. The Marketplace lists
// only a repository's root action, so only that one needs branding.
func (m Metadata) CheckBranding() error {
	var errs []error
	if m.Branding.Icon == "" {
		errs = append(errs, fmt.Errorf("%s: branding.icon is empty", m.Path))
	}
	if !slices.Contains(colors, m.Branding.Color) {
		errs = append(errs, fmt.Errorf("%s: branding.color %q is not a Marketplace colour; valid: %s", m.Path, m.Branding.Color, strings.Join(colors, ", ")))
	}
	return errors.Join(errs...)
}
