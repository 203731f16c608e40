package cli

import (
	"flag"
	"fmt"
	"strings"
)

// inputName is the action input that binds to the flag called name: snake_case, so that the runner's
// variable is INPUT_MAX_LINES for --max-lines. See
// https://docs.github.com/en/actions/sharing-automations/creating-actions/metadata-syntax-for-github-actions#inputs
func inputName(flagName string) string {
	return strings.ReplaceAll(flagName, "-", "_")
}

// inputVar is the environment variable the runner sets for an input.
func inputVar(flagName string) string {
	return "INPUT_" + strings.ToUpper(inputName(flagName))
}

// bindInputs sets each flag that the command line left alone from its INPUT_* variable, when that
// is not empty. A flag given on the command line always wins.
func bindInputs(fs *flag.FlagSet, getenv func(string) string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var errs []string
	fs.VisitAll(func(f *flag.Flag) {
		if given[f.Name] {
			return
		}
		v := strings.TrimSpace(getenv(inputVar(f.Name)))
		if v == "" {
			return
		}
		if err := fs.Set(f.Name, v); err != nil {
			errs = append(errs, fmt.Sprintf("input %s=%q: %v", inputName(f.Name), v, err))
		}
	})
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}
