package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"
)

// ReservedEnv are the variables hotfix verify sets for every step; a step's env cannot set them.
var ReservedEnv = []string{"HOTFIX_BASE", "HOTFIX_HEAD"}

// verifyFields are the keys under verify.
func (d *decoder) verifyFields(v *Verify) []field {
	return []field{
		{"steps", func(n *yaml.Node, key string) { d.steps(n, key, &v.Steps) }},
		{"detect", func(n *yaml.Node, key string) { d.boolean(n, key, &v.Detect) }},
	}
}

// stepFields are the keys of one verify step.
func (d *decoder) stepFields(s *Step) []field {
	return []field{
		{"name", func(n *yaml.Node, key string) { d.str(n, key, checkStepName, &s.Name) }},
		{"run", func(n *yaml.Node, key string) { d.str(n, key, checkRun, &s.Run) }},
		{"timeout", func(n *yaml.Node, key string) { d.timeout(n, key, &s.Timeout) }},
		{"working_directory", func(n *yaml.Node, key string) { d.str(n, key, checkWorkingDirectory, &s.WorkingDirectory) }},
		{"env", func(n *yaml.Node, key string) { d.env(n, key, &s.Env) }},
		{"continue_on_error", func(n *yaml.Node, key string) { d.flag(n, key, &s.ContinueOnError) }},
	}
}

// steps decodes verify.steps, a list of steps, into dst. Each step needs run; its name defaults
// to the first line of run, and names must be unique so the summary and status can name a step.
func (d *decoder) steps(n *yaml.Node, key string, dst *[]Step) {
	v := resolve(n)
	if isNull(v) {
		return
	}
	if v.Kind != yaml.SequenceNode {
		d.fail(n, key, "want a list of steps, each with run and an optional name, got %s", describe(v))
		return
	}
	if len(v.Content) > MaxSteps {
		d.fail(n, key, "%d steps; the limit is %d", len(v.Content), MaxSteps)
		return
	}
	steps, seen := make([]Step, 0, len(v.Content)), map[string]int{}
	for i, item := range v.Content {
		itemKey := fmt.Sprintf("%s[%d]", key, i)
		s := d.step(item, itemKey)
		if first, dup := seen[s.Name]; dup && s.Name != "" {
			d.fail(item, itemKey+".name", "step name %s is also the name of %s[%d]; give each step its own name", quote(s.Name), key, first)
		}
		seen[s.Name] = i
		steps = append(steps, s)
	}
	*dst = steps
}

// step decodes one step, with its defaults.
func (d *decoder) step(n *yaml.Node, key string) Step {
	s := Step{Timeout: Duration(DefaultStepTimeout), Env: map[string]string{}}
	d.fields(n, key, d.stepFields(&s))
	if m := resolve(n); isNull(m) || (m.Kind == yaml.MappingNode && isNull(valueOf(m, "run"))) {
		d.fail(n, key, "a step needs run, the bash script to run, e.g. run: go test ./...")
	}
	if s.Name == "" {
		s.Name = stepName(s.Run)
	}
	return s
}

// valueOf is the value of the key name in the mapping m, or an empty node (which isNull) when m
// has no such key.
func valueOf(m *yaml.Node, name string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if resolve(m.Content[i]).Value == name {
			return resolve(m.Content[i+1])
		}
	}
	return &yaml.Node{}
}

// stepName is the name a step without one gets: the first line of its script, cut to 60
// characters.
func stepName(run string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(run), "\n")
	r := []rune(strings.TrimSpace(line))
	if len(r) > 60 {
		return string(r[:60]) + "..."
	}
	return string(r)
}

// timeout decodes a step's timeout, such as 10m, into dst.
func (d *decoder) timeout(n *yaml.Node, key string, dst *Duration) {
	v := resolve(n)
	if isNull(v) {
		return
	}
	var t Duration
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" || t.UnmarshalText([]byte(v.Value)) != nil {
		d.fail(n, key, "want a duration with a unit, e.g. 90s, 10m or 1h30m, got %s", describe(v))
		return
	}
	if t.D() < time.Second || t.D() > MaxStepTimeout {
		d.fail(n, key, "timeout %s is out of range; give from 1s to 6h (GitHub stops a job after 6 hours)", v.Value)
		return
	}
	*dst = t
}

// envName is the form of an environment variable name a step may set.
var envName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`) })

// env decodes a step's env, a mapping of variable names to scalar values, into dst.
func (d *decoder) env(n *yaml.Node, path string, dst *map[string]string) {
	valid := "keys are variable names such as GOFLAGS, with letters, digits and _"
	vars := map[string]string{}
	d.entries(n, path, valid, func(k, v *yaml.Node, key string) {
		switch val := resolve(v); {
		case !envName().MatchString(k.Value):
			d.fail(k, key, "%s is not a variable name; %s", quote(k.Value), valid)
		case slices.Contains(ReservedEnv, k.Value):
			d.fail(k, key, "%s is set by hotfix verify for every step; reserved: %s", k.Value, strings.Join(ReservedEnv, ", "))
		case val.Kind != yaml.ScalarNode || isNull(val):
			d.fail(v, key, "want a string, number or boolean, got %s", describe(val))
		default:
			vars[k.Value] = val.Value
		}
	})
	if len(vars) > 0 {
		*dst = vars
	}
}

// checkStepName returns why name cannot label a step, or "".
func checkStepName(name string) string {
	switch {
	case strings.TrimSpace(name) == "":
		return "step name is empty; name the step, e.g. unit tests, or leave name out to use the first line of run"
	case strings.ContainsAny(name, "\r\n"):
		return "step name " + quote(name) + " has a line break; a name is one line"
	case len([]rune(name)) > 100:
		return "step name " + quote(name) + " is longer than 100 characters"
	}
	return ""
}

// checkRun returns why run is not a script, or "".
func checkRun(run string) string {
	if strings.TrimSpace(run) == "" {
		return "run is empty; give the bash script to run, e.g. go test ./..."
	}
	return ""
}

// checkWorkingDirectory returns why dir is not a directory inside the repository, or "".
func checkWorkingDirectory(dir string) string {
	if dir == "" || dir == "." {
		return ""
	}
	if why := checkRepoPath(strings.TrimSuffix(dir, "/")); why != "" {
		return "working directory " + quote(dir) + " " + why + "; give a directory inside the repository, relative to its root, e.g. web"
	}
	return ""
}
