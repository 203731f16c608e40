package verify

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Detect picks verify steps from the files at the repository root and says why it chose each.
// Everything found runs, in this order:
//   - go.mod: go vet ./..., go build ./..., go test ./...;
//   - package.json: npm ci when a lockfile is there, then npm run lint, build and test for the
//     scripts that exist (npm's placeholder test script, which only fails, is left out);
//   - a Makefile with a test target: make test.
func Detect(root string) (steps []Step, notes []string, err error) {
	for _, detect := range []func(string) ([]Step, []string, error){detectGo, detectNpm, detectMake} {
		s, n, err := detect(root)
		if err != nil {
			return nil, nil, err
		}
		steps, notes = append(steps, s...), append(notes, n...)
	}
	return steps, notes, nil
}

// detectGo picks go vet, build and test for a Go module.
func detectGo(root string) ([]Step, []string, error) {
	found, err := exists(root, "go.mod")
	if err != nil || !found {
		return nil, nil, err
	}
	steps := []Step{{Name: "go vet", Run: "go vet ./..."}, {Name: "go build", Run: "go build ./..."}, {Name: "go test", Run: "go test ./..."}}
	return steps, []string{"go.mod is a Go module: go vet ./..., go build ./... and go test ./..."}, nil
}

// npmPlaceholder is in the test script that npm init writes, which only fails.
const npmPlaceholder = "no test specified"

// detectNpm picks npm ci and the package's lint, build and test scripts.
func detectNpm(root string) ([]Step, []string, error) {
	data, found, note, err := readInRepo(root, "package.json")
	if err != nil || !found {
		return nil, noteList(note), err
	}
	var pkg struct {
		Scripts map[string]string `json:"scripts"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return nil, nil, fmt.Errorf("package.json is not valid JSON, so its scripts can't be detected; list the steps under verify.steps: %w", err)
	}
	var steps []Step
	var chosen []string
	notes := []string{}
	for _, name := range []string{"lint", "build", "test"} {
		script, ok := pkg.Scripts[name]
		switch {
		case !ok:
		case name == "test" && strings.Contains(script, npmPlaceholder):
			notes = append(notes, "package.json: the test script is npm's placeholder, which only fails; left out")
		default:
			steps = append(steps, Step{Name: "npm run " + name, Run: "npm run " + name})
			chosen = append(chosen, name)
		}
	}
	if len(steps) == 0 {
		return nil, append(notes, "package.json has no lint, build or test script; npm is not run"), nil
	}
	return npmInstall(root, steps, append(notes, "package.json has the scripts "+strings.Join(chosen, ", ")+": npm run each"))
}

// npmInstall puts npm ci before the scripts when the package has a lockfile.
func npmInstall(root string, steps []Step, notes []string) ([]Step, []string, error) {
	for _, lock := range []string{"package-lock.json", "npm-shrinkwrap.json"} {
		found, err := exists(root, lock)
		if err != nil {
			return nil, nil, err
		}
		if found {
			install := Step{Name: "npm ci", Run: "npm ci"}
			return append([]Step{install}, steps...), append(notes, lock+" is there: npm ci first"), nil
		}
	}
	return steps, append(notes, "no package-lock.json: npm ci is not run, so install the dependencies before verify"), nil
}

// detectMake picks make test when the makefile that make would read has a test target.
func detectMake(root string) ([]Step, []string, error) {
	for _, name := range []string{"GNUmakefile", "makefile", "Makefile"} {
		data, found, note, err := readInRepo(root, name)
		if err != nil || note != "" {
			return nil, noteList(note), err
		}
		if !found {
			continue
		}
		if !hasTarget(string(data), "test") {
			return nil, []string{name + " has no test target; make is not run"}, nil
		}
		return []Step{{Name: "make test", Run: "make test"}}, []string{name + " has a test target: make test"}, nil
	}
	return nil, nil, nil
}

// hasTarget reports whether a makefile declares target in a rule line, such as "test:",
// "test: build" or "unit test::". A variable assignment (test := x) is not a rule.
func hasTarget(makefile, target string) bool {
	for _, line := range strings.Split(makefile, "\n") {
		if strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "#") {
			continue
		}
		targets, rest, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(rest, "=") || strings.ContainsAny(targets, "=$") {
			continue
		}
		for _, t := range strings.Fields(targets) {
			if t == target {
				return true
			}
		}
	}
	return false
}

// exists reports whether root holds a regular file called name, inside the repository.
func exists(root, name string) (bool, error) {
	info, found, err := statInRepo(root, name)
	if err != nil || !found {
		return false, err
	}
	return info.Mode().IsRegular(), nil
}

// noteList is note as a list, empty when note is "".
func noteList(note string) []string {
	if note == "" {
		return nil
	}
	return []string{note}
}
