package config

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseVerify(t *testing.T) {
	t.Parallel()
	no := false
	step := func(name, run string) Step {
		return Step{Name: name, Run: run, Timeout: Duration(DefaultStepTimeout), Env: map[string]string{}}
	}
	for name, tc := range map[string]struct {
		text string
		want Verify
	}{
		"defaults":         {"", Verify{Steps: []Step{}, Detect: Default().Verify.Detect}},
		"detect off":       {"verify: {detect: false}\n", Verify{Steps: []Step{}, Detect: &no}},
		"name from run":    {"verify: {steps: [{run: \"go test ./...\\nsecond line\"}]}\n", Verify{Steps: []Step{step("go test ./...", "go test ./...\nsecond line")}, Detect: Default().Verify.Detect}},
		"dot is the root":  {"verify: {steps: [{name: a, run: x, working_directory: .}]}\n", Verify{Steps: []Step{func() Step { s := step("a", "x"); s.WorkingDirectory = "."; return s }()}, Detect: Default().Verify.Detect}},
		"an hour and half": {"verify: {steps: [{name: a, run: x, timeout: 1h30m}]}\n", Verify{Steps: []Step{func() Step { s := step("a", "x"); s.Timeout = Duration(90 * time.Minute); return s }()}, Detect: Default().Verify.Detect}},
		"env scalars":      {"verify: {steps: [{name: a, run: x, env: {N: 1, B: true, S: s}}]}\n", Verify{Steps: []Step{func() Step { s := step("a", "x"); s.Env = map[string]string{"N": "1", "B": "true", "S": "s"}; return s }()}, Detect: Default().Verify.Detect}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse("f.yml", []byte(tc.text))
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.text, err)
			}
			if diff := cmp.Diff(p.Verify, tc.want); diff != "" {
				t.Errorf("Verify (-got +want):\n%s", diff)
			}
			roundTrip(t, p)
		})
	}
}

func TestParseVerifyErrors(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct{ text, want string }{
		"steps not a list":   {"verify: {steps: go test}\n", "f.yml:1:17: verify.steps: want a list of steps"},
		"no run":             {"verify: {steps: [{name: a}]}\n", "f.yml:1:18: verify.steps[0]: a step needs run"},
		"null step":          {"verify:\n  steps:\n    -\n", "verify.steps[0]: a step needs run"},
		"run with no value":  {"verify: {steps: [{name: A, run}]}\n", "f.yml:1:18: verify.steps[0]: a step needs run"},
		"empty run":          {"verify: {steps: [{run: \" \"}]}\n", "verify.steps[0].run: run is empty"},
		"unknown step key":   {"verify: {steps: [{run: x, shell: sh}]}\n", "verify.steps[0].shell: unknown key; valid keys: name, run, timeout, working_directory, env, continue_on_error"},
		"duplicate names":    {"verify: {steps: [{run: make}, {run: make}]}\n", `verify.steps[1].name: step name "make" is also the name of verify.steps[0]`},
		"timeout no unit":    {"verify: {steps: [{run: x, timeout: 600}]}\n", "verify.steps[0].timeout: want a duration with a unit, e.g. 90s, 10m or 1h30m, got 600"},
		"timeout too long":   {"verify: {steps: [{run: x, timeout: 7h}]}\n", "verify.steps[0].timeout: timeout 7h is out of range; give from 1s to 6h"},
		"timeout too short":  {"verify: {steps: [{run: x, timeout: 1ms}]}\n", "timeout 1ms is out of range"},
		"directory escapes":  {"verify: {steps: [{run: x, working_directory: ../other}]}\n", `working directory "../other" has a ".." component`},
		"absolute directory": {"verify: {steps: [{run: x, working_directory: /tmp}]}\n", `working directory "/tmp" starts with "/"`},
		"reserved env":       {"verify: {steps: [{run: x, env: {HOTFIX_HEAD: main}}]}\n", "verify.steps[0].env.HOTFIX_HEAD: HOTFIX_HEAD is set by hotfix verify"},
		"bad env name":       {"verify: {steps: [{run: x, env: {\"A-B\": 1}}]}\n", `verify.steps[0].env.A-B: "A-B" is not a variable name`},
		"env list value":     {"verify: {steps: [{run: x, env: {A: [1]}}]}\n", "verify.steps[0].env.A: want a string, number or boolean, got a list"},
		"name line break":    {"verify: {steps: [{name: \"a\\nb\", run: x}]}\n", "has a line break"},
		"detect not boolean": {"verify: {detect: yes}\n", `verify.detect: want true or false, got the string "yes"`},
		"too many steps":     {"verify:\n  steps:\n" + strings.Repeat("    - run: x\n", MaxSteps+1), "verify.steps: 51 steps; the limit is 50"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse("f.yml", []byte(tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse(%q) error = %v, want it to contain %q", tc.text, err, tc.want)
			}
		})
	}
}

func TestStepName(t *testing.T) {
	t.Parallel()
	for run, want := range map[string]string{
		"go test ./...":              "go test ./...",
		"  \nnpm ci\nnpm test\n":     "npm ci",
		strings.Repeat("x", 61):      strings.Repeat("x", 60) + "...",
		"make   test  \n# a comment": "make   test",
	} {
		if got := stepName(run); got != want {
			t.Errorf("stepName(%q) = %q, want %q", run, got, want)
		}
	}
}
