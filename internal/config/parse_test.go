package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"

	"github.com/google/go-cmp/cmp"
)

func TestParseDefaults(t *testing.T) {
	t.Parallel()
	for name, text := range map[string]string{
		"empty":            "",
		"comments only":    "# policy\n\n  # nothing set yet\n",
		"null document":    "~\n",
		"null sections":    "branches:\nguard:\n",
		"null leaves":      "guard:\n  max_lines:\n  allow:\n  rules:\n  severity:\n    P0:\n",
		"document markers": "---\n# nothing\n...\n",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse("hotfix.yml", []byte(text))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(got, Default()); diff != "" {
				t.Errorf("Parse (-got +want):\n%s", diff)
			}
		})
	}
}

func TestParseOverlay(t *testing.T) {
	t.Parallel()
	text := `
branches: {production: trunk, release: "maint/*"}
guard:
  max_files: 3
  deny: ["docs/**"]
  default_deny: false
  rules: {no-binary: warn, max-commits: "off"}
  severity:
    P0: {max_lines: 900}
    P2: {max_files: 5}
`
	want := Default()
	want.Branches.Production, want.Branches.Release = "trunk", "maint/*"
	want.Guard.MaxFiles = 3
	want.Guard.Deny = []string{"docs/**"}
	no := false
	want.Guard.DefaultDeny = &no
	want.Guard.Rules = map[string]Level{"no-binary": LevelWarn, "max-commits": LevelOff}
	want.Guard.Severity = map[string]Limits{"P0": {MaxLines: 900, MaxFiles: 25, MaxCommits: 20}, "P2": {MaxFiles: 5}}
	got, err := Parse("hotfix.yml", []byte(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Parse (-got +want):\n%s", diff)
	}
}

func TestParseAliasesAreFollowed(t *testing.T) {
	t.Parallel()
	text := "guard:\n  allow: &src [\"src/**\"]\n  deny: *src\n"
	got, err := Parse("hotfix.yml", []byte(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if diff := cmp.Diff(got.Guard.Deny, []string{"src/**"}); diff != "" {
		t.Errorf("deny (-got +want):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	const keys = "valid keys: max_lines, max_files, max_commits, allow, deny, default_deny, rules, severity, override_label"
	const top = "valid keys: branches, guard, release, backport, postmortem, verify, incident, deploy, status_page"
	checkInvalid(t, map[string]invalidCase{
		"syntax":              {"guard: [\n", "f.yml:1: not valid YAML: did not find expected node content"},
		"two documents":       {"guard: {}\n---\nguard: {}\n", "f.yml:3: a second YAML document starts here; a policy file holds one"},
		"too large":           {"#" + string(make([]byte, MaxSize)), "f.yml:1: file is 1048577 bytes; the limit is 1048576"},
		"root not a mapping":  {"- guard\n", "f.yml:1:1: want a mapping, got a list; " + top},
		"root is a string":    {"guard\n", "f.yml:1:1: want a mapping, got the string \"guard\"; " + top},
		"unknown top key":     {"gaurd: {}\n", "f.yml:1:1: gaurd: unknown key; " + top},
		"complex key":         {"? [a]\n: 1\n", "f.yml:1:3: want a plain key, got a list; " + top},
		"merge key":           {"<<: {guard: {}}\n", "f.yml:1:1: <<: unknown key; " + top},
		"duplicate key":       {"guard: {}\nguard: {}\n", "f.yml:2:1: guard: duplicate key; first set on line 1"},
		"section is a list":   {"guard: [1]\n", "f.yml:1:8: guard: want a mapping, got a list; " + keys},
		"unknown guard key":   {"guard:\n  max_linez: 1\n", "f.yml:2:3: guard.max_linez: unknown key; " + keys},
		"unknown branch key":  {"branches: {trunk: x}\n", "f.yml:1:12: branches.trunk: unknown key; valid keys: production, develop, hotfix, release"},
		"zero limit":          {"guard: {max_lines: 0}\n", "f.yml:1:20: guard.max_lines: want an integer >= 1, got 0"},
		"negative limit":      {"guard: {max_files: -3}\n", "f.yml:1:20: guard.max_files: want an integer >= 1, got -3"},
		"string limit":        {"guard: {max_commits: \"5\"}\n", "f.yml:1:22: guard.max_commits: want an integer >= 1, got the string \"5\""},
		"float limit":         {"guard: {max_lines: 1.5}\n", "f.yml:1:20: guard.max_lines: want an integer >= 1, got 1.5"},
		"huge limit":          {"guard: {max_lines: 99999999999999999999}\n", "f.yml:1:20: guard.max_lines: want an integer >= 1, got 99999999999999999999"},
		"list limit":          {"guard: {max_lines: [1]}\n", "f.yml:1:20: guard.max_lines: want an integer >= 1, got a list"},
		"bool as yes":         {"guard: {default_deny: yes}\n", "f.yml:1:23: guard.default_deny: want true or false, got the string \"yes\""},
		"string for list":     {"guard: {allow: \"src/**\"}\n", "f.yml:1:16: guard.allow: want a list of path globs, got the string \"src/**\""},
		"null glob":           {"guard: {allow: [a, ~]}\n", "f.yml:1:20: guard.allow[1]: path glob is empty; write a glob such as src/**"},
		"empty glob":          {"guard: {deny: [\"\"]}\n", "f.yml:1:16: guard.deny[0]: path glob is empty; write a glob such as src/**"},
		"blank glob":          {"guard: {deny: [\" \"]}\n", "f.yml:1:16: guard.deny[0]: path glob is empty; write a glob such as src/**"},
		"glob with a newline": {"guard: {deny: [\"a\\nb\"]}\n", "f.yml:1:16: guard.deny[0]: path glob \"a\\nb\" holds a control character such as a line break; write one glob per list item, e.g. src/**"},
		"absolute glob":       {"guard: {deny: [/etc/**]}\n", "f.yml:1:16: guard.deny[0]: path glob \"/etc/**\" starts with \"/\"; paths are relative to the repository root, e.g. src/**"},
		"dot glob":            {"guard: {allow: [a, ./src]}\n", "f.yml:1:20: guard.allow[1]: path glob \"./src\" starts with \"./\"; paths are relative to the repository root, e.g. src/**"},
		"bad glob":            {"guard: {allow: [\"src/[a\"]}\n", "f.yml:1:17: guard.allow[0]: path glob \"src/[a\" is not a valid glob; see https://github.com/bmatcuk/doublestar#patterns"},
		"number glob":         {"guard: {allow: [3]}\n", "f.yml:1:17: guard.allow[0]: want a string, got 3"},
		"unknown rule":        {"guard: {rules: {max-line: warn}}\n", "f.yml:1:17: guard.rules.max-line: unknown rule; valid rules: max-lines, max-files, max-commits, allow, deny, no-renames, no-whitespace-only, no-binary, no-mode-change, no-deletions, no-merge-commits"},
		"unknown level":       {"guard: {rules: {deny: fatal}}\n", "f.yml:1:23: guard.rules.deny: level \"fatal\" is not valid; valid levels: error, warn, off"},
		"bool level":          {"guard: {rules: {deny: false}}\n", "f.yml:1:23: guard.rules.deny: want a string, got false"},
		"rules as list":       {"guard: {rules: [deny]}\n", "f.yml:1:16: guard.rules: want a mapping, got a list; valid rules: max-lines, max-files, max-commits, allow, deny, no-renames, no-whitespace-only, no-binary, no-mode-change, no-deletions, no-merge-commits"},
		"unknown severity":    {"guard: {severity: {SEV1: {}}}\n", "f.yml:1:20: guard.severity.SEV1: unknown severity; valid severities: P0, P1, P2, P3"},
		"negative override":   {"guard: {severity: {P1: {max_lines: -1}}}\n", "f.yml:1:36: guard.severity.P1.max_lines: want an integer >= 0, got -1"},
		"unknown override":    {"guard: {severity: {P1: {lines: 1}}}\n", "f.yml:1:25: guard.severity.P1.lines: unknown key; valid keys: max_lines, max_files, max_commits"},
		"override as number":  {"guard: {severity: {P1: 300}}\n", "f.yml:1:24: guard.severity.P1: want a mapping, got 300; valid keys: max_lines, max_files, max_commits"},
		"empty branch":        {"branches: {production: \"\"}\n", "f.yml:1:24: branches.production: branch name \"\" is empty; a branch name follows git check-ref-format, e.g. main"},
		"dash branch":         {"branches: {develop: -dev}\n", "f.yml:1:21: branches.develop: branch name \"-dev\" starts with \"-\" or \".\"; a branch name follows git check-ref-format, e.g. main"},
		"dotdot branch":       {"branches: {develop: a..b}\n", "f.yml:1:21: branches.develop: branch name \"a..b\" contains \"..\"; a branch name follows git check-ref-format, e.g. main"},
		"space branch":        {"branches: {develop: \"a b\"}\n", "f.yml:1:21: branches.develop: branch name \"a b\" contains \" \"; a branch name follows git check-ref-format, e.g. main"},
		"lock branch":         {"branches: {develop: dev.lock}\n", "f.yml:1:21: branches.develop: branch name \"dev.lock\" ends with \".\" or \".lock\"; a branch name follows git check-ref-format, e.g. main"},
		"lock component":      {"branches: {develop: a.lock/b}\n", "f.yml:1:21: branches.develop: branch name \"a.lock/b\" ends with \".\" or \".lock\" in a component; a branch name follows git check-ref-format, e.g. main"}, // refname's rule; config's own copy let it pass
		"slash branch":        {"branches: {develop: dev/}\n", "f.yml:1:21: branches.develop: branch name \"dev/\" starts or ends with \"/\"; a branch name follows git check-ref-format, e.g. main"},
		"at branch":           {"branches: {develop: \"@\"}\n", "f.yml:1:21: branches.develop: branch name \"@\" is \"@\"; a branch name follows git check-ref-format, e.g. main"},
		"glob in branch":      {"branches: {production: \"main*\"}\n", "f.yml:1:24: branches.production: branch name \"main*\" contains \"*\"; a branch name follows git check-ref-format, e.g. main"},
		"number branch":       {"branches: {production: 2}\n", "f.yml:1:24: branches.production: want a string, got 2"},
		"bad branch glob":     {"branches: {hotfix: \"hotfix/[\"}\n", "f.yml:1:20: branches.hotfix: branch glob \"hotfix/[\" is not a valid glob; write a glob such as hotfix/**"},
		"ref text in glob":    {"branches: {release: \"rel~1\"}\n", "f.yml:1:21: branches.release: branch glob \"rel~1\" contains \"~\"; write a glob such as hotfix/**"},
		"long value shortened": {"guard: {max_lines: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}\n",
			"f.yml:1:20: guard.max_lines: want an integer >= 1, got the string \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\""},
	})
}

func TestParseListsAtMostMaxProblems(t *testing.T) {
	t.Parallel()
	text := "guard:\n" + strings.Repeat("  x: 1\n", maxProblems+5)
	_, err := Parse("f.yml", []byte(text))
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("Parse error = %v, want *Errors", err)
	}
	if got, want := len(errs.List), maxProblems+1; got != want {
		t.Fatalf("Parse listed %d problems, want %d", got, want)
	}
	if got, want := errs.List[maxProblems].Error(), "f.yml:102:3: 5 more problems not shown"; got != want {
		t.Errorf("last problem = %q, want %q", got, want)
	}
}

func TestParseErrorsGolden(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "errors.yml"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse(".github/hotfix.yml", data)
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("Parse error = %v, want *Errors", err)
	}
	golden.Check(t, "errors.golden", err.Error()+"\n")
	var one Error
	if !errors.As(err, &one) || one.Line != 3 || one.Col != 15 || one.Key != "branches.production" {
		t.Errorf("first Error = %+v, want line 3, col 15, key branches.production", one)
	}
}
